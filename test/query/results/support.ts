import { DuckDBInstance, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';

export interface TestDuckDB {
  readonly connection: DuckDBConnection;
  stream(sql: string): Promise<DuckDBResult>;
  close(): void;
}

export async function openDuckDB(): Promise<TestDuckDB> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    connection,
    stream: (sql) => connection.stream(sql),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export async function collect<T>(pieces: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const piece of pieces) all.push(piece);
  return all;
}

/**
 * A small RFC 4180 parser for checking output: CRLF or LF record ends, quoted fields with
 * doubled quotes. An unquoted empty field reads as null and a quoted one as '', mirroring how
 * csvChunks writes NULL and the empty string.
 */
export function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string | null;
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
      field = value;
    } else {
      let end = i;
      while (end < text.length && !',\r\n'.includes(text[end]!)) end++;
      field = end === i ? null : text.slice(i, end);
      if (field?.includes('"')) throw new Error(`bare quote in unquoted field ${field}`);
      i = end;
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else {
      if (text.startsWith('\r\n', i)) i += 2;
      else if (text[i] === '\n') i++;
      else if (i < text.length) throw new Error(`unexpected ${text[i]} after field at ${i}`);
      records.push(record);
      record = [];
    }
  }
  return records;
}

/** The CSV text of a JSON row value, per csvChunks' rules (null stays null). */
export function csvTextOf(json: unknown): string | null {
  if (json === null) return null;
  if (typeof json === 'object') return JSON.stringify(json);
  return String(json);
}
