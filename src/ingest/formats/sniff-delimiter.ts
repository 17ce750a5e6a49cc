/** Delimiters sniffing can recognise; the order breaks ties. */
export const DELIMITER_CANDIDATES = ['\t', ',', ';', '|'] as const;
export type SniffedDelimiter = (typeof DELIMITER_CANDIDATES)[number];

/** Enough records to judge consistency without scanning all 64 KiB twice. */
const RECORDS_TO_SAMPLE = 50;

type Counts = Record<SniffedDelimiter, number>;

/**
 * Guesses the delimiter of delimited text: the candidate that appears the same, non-zero number
 * of times in every sampled record, preferring more columns. Ragged files have no such candidate;
 * then the header's most frequent one wins, so DuckDB reports the ragged row by line number
 * instead of reading every line into a single column.
 */
export function sniffDelimiter(text: string): SniffedDelimiter | undefined {
  const records = sampleRecords(text);
  if (records.length === 0) return undefined;
  const consistent = DELIMITER_CANDIDATES.filter((d) => isConsistent(records, d));
  const pool = consistent.length > 0 ? consistent : DELIMITER_CANDIDATES;
  const [header] = records as [Counts, ...Counts[]];
  const best = pool.reduce((a, b) => (header[b] > header[a] ? b : a));
  return header[best] > 0 ? best : undefined;
}

function isConsistent(records: readonly Counts[], delimiter: SniffedDelimiter): boolean {
  const first = records[0]?.[delimiter] ?? 0;
  return first > 0 && records.every((counts) => counts[delimiter] === first);
}

/** Per-record delimiter counts, honouring double quotes (a quoted newline does not end a record). */
function sampleRecords(text: string): Counts[] {
  const records: Counts[] = [];
  let counts = emptyCounts();
  let quoted = false;
  let blank = true;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    if (char === '\n') {
      if (!blank) records.push(counts);
      if (records.length === RECORDS_TO_SAMPLE) return records;
      counts = emptyCounts();
      blank = true;
    } else if (char !== '\r') {
      blank = false;
      if (Object.hasOwn(counts, char)) counts[char as SniffedDelimiter] += 1;
    }
  }
  // The head is cut at 64 KiB, so an unterminated last record may be partial: use it only alone.
  if (!blank && records.length === 0) records.push(counts);
  return records;
}

function emptyCounts(): Counts {
  return { '\t': 0, ',': 0, ';': 0, '|': 0 };
}
