/** How the first bytes of an upload are encoded, judged by its byte-order mark. */
export type HeadEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const BOMS: ReadonlyArray<readonly [HeadEncoding, Buffer]> = [
  ['utf-8', Buffer.from([0xef, 0xbb, 0xbf])],
  ['utf-16le', Buffer.from([0xff, 0xfe])],
  ['utf-16be', Buffer.from([0xfe, 0xff])],
];

export function headEncoding(head: Buffer): HeadEncoding {
  return BOMS.find(([, bom]) => head.subarray(0, bom.length).equals(bom))?.[0] ?? 'utf-8';
}

/**
 * The head as text without its BOM (TextDecoder drops it). Invalid UTF-8 becomes U+FFFD rather
 * than an error: sniffing only looks for delimiters and brackets, and DuckDB later reports bad
 * bytes with a line number.
 */
export function decodeHead(head: Buffer): string {
  return new TextDecoder(headEncoding(head)).decode(head);
}
