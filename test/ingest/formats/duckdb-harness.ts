import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  FileRejectedError,
  csvOptionsFromHead,
  csvOptionsFromQuery,
  detectFormat,
  diagnoseReadFailure,
  emptyFileProblem,
  readerSql,
} from '../../../src/ingest/formats/index.js';
import type {
  FileFormat,
  IngestFileError,
  ReaderOptions,
  RunSql,
} from '../../../src/ingest/formats/index.js';
import { tempDir } from '../../support/temp.js';

export type Row = Record<string, unknown>;

/** What ingest would end up with: typed columns and text values, or the client's error. */
export type Outcome =
  | {
      readonly ok: true;
      readonly format: FileFormat;
      readonly types: Record<string, string>;
      readonly rows: Row[];
    }
  | { readonly ok: false; readonly problem: IngestFileError };

/**
 * Real DuckDB over real files in a temp directory. `ingest` walks the whole format layer the way
 * the ingest service will: detect → options from head and query → readerSql → run → diagnose.
 */
export class DuckDbHarness {
  private constructor(
    readonly dir: string,
    private readonly removeDir: () => void,
    private readonly connection: DuckDBConnection,
    private readonly close: () => void,
  ) {}

  static async open(label: string): Promise<DuckDbHarness> {
    const temp = tempDir(label);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const close = (): void => {
      connection.closeSync();
      instance.closeSync();
    };
    return new DuckDbHarness(temp.dir, temp.remove, connection, close);
  }

  dispose(): void {
    this.close();
    this.removeDir();
  }

  write(name: string, content: string | Buffer): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, content);
    return file;
  }

  async rows(sql: string): Promise<Row[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
  }

  async types(sql: string): Promise<Record<string, string>> {
    const reader = await this.connection.runAndReadAll(sql);
    const types = reader.columnTypes().map(String);
    return Object.fromEntries(reader.columnNames().map((name, i) => [name, types[i] ?? '']));
  }

  /** The error DuckDB throws for `sql`; fails the test if it succeeds. */
  async failure(sql: string): Promise<Error> {
    try {
      await this.connection.run(sql);
    } catch (error) {
      if (error instanceof Error) return error;
    }
    throw new Error(`expected DuckDB to fail: ${sql}`);
  }

  async ingest(
    name: string,
    content: string | Buffer,
    query: Record<string, string> = {},
  ): Promise<Outcome> {
    const file = this.write(name, content);
    const head = Buffer.from(content).subarray(0, 64 * 1024);
    try {
      const format = detectFormat({
        explicit: query.format,
        contentType: query.contentType,
        fileName: name,
        head,
      });
      const empty = emptyFileProblem({ byteSize: head.length }, format, name);
      if (empty) return { ok: false, problem: empty };
      const csv = { ...csvOptionsFromHead(head, format), ...csvOptionsFromQuery(query) };
      const options = { format, csv };
      return await this.readAll(file, name, head, options);
    } catch (error) {
      if (error instanceof FileRejectedError) return { ok: false, problem: error.problem };
      throw error;
    }
  }

  private async readAll(
    file: string,
    name: string,
    head: Buffer,
    options: ReaderOptions,
  ): Promise<Outcome> {
    const reader = readerSql(file, options);
    try {
      const types = await this.types(`SELECT * FROM ${reader} LIMIT 0`);
      const rows = await this.rows(`SELECT columns(*)::VARCHAR FROM ${reader}`);
      const empty = emptyFileProblem({ rowCount: rows.length }, options.format, name);
      return empty
        ? { ok: false, problem: empty }
        : { ok: true, format: options.format, types, rows };
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      const run: RunSql = (sql) => this.rows(sql);
      return {
        ok: false,
        problem: await diagnoseReadFailure(
          { error, path: file, options, head, displayName: name },
          run,
        ),
      };
    }
  }
}

/** Narrows an outcome in a test, with a readable failure when it is the other kind. */
export function succeeded(outcome: Outcome): Extract<Outcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.problem)}`);
  return outcome;
}

export function rejected(outcome: Outcome): IngestFileError {
  if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.rows)}`);
  return outcome.problem;
}
