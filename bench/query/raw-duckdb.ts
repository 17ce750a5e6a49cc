import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBValue,
  type Json,
} from '@duckdb/node-api';
import { startTimer } from '../support/timer.js';

/** Dataset name → its Parquet files. */
export type DatasetFiles = Readonly<Record<string, readonly string[]>>;

/**
 * The ceiling ours is compared with: DuckDB called directly, default settings, one view per
 * dataset over the very Parquet files our catalog points at. Results are materialised as JSON
 * values (`getRowsJson`), so the raw side pays for converting results too.
 */
export class RawDuckDb {
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#instance = instance;
    this.#connection = connection;
  }

  /** A new instance with a view per dataset: `CREATE VIEW x AS SELECT * FROM read_parquet(…)`. */
  static async open(files: DatasetFiles): Promise<RawDuckDb> {
    const raw = await RawDuckDb.empty();
    await raw.defineViews(files);
    return raw;
  }

  /** A new instance with nothing defined yet. */
  static async empty(): Promise<RawDuckDb> {
    const instance = await DuckDBInstance.create(':memory:');
    return new RawDuckDb(instance, await instance.connect());
  }

  async defineViews(files: DatasetFiles): Promise<void> {
    for (const [name, paths] of Object.entries(files)) {
      await this.#connection.run(`CREATE VIEW ${name} AS SELECT * FROM ${parquetScan(paths)}`);
    }
  }

  /**
   * Replaces the views of `names` with in-memory tables (`CREATE TABLE … AS SELECT *`): the raw
   * counterpart of pinning. Returns the seconds it took.
   */
  async materialise(files: DatasetFiles, names: readonly string[]): Promise<number> {
    const elapsed = startTimer();
    for (const name of names) {
      const paths = files[name];
      if (paths === undefined) throw new Error(`no files for dataset ${name}`);
      await this.#connection.run(`DROP VIEW IF EXISTS ${name}`);
      await this.#connection.run(`CREATE TABLE ${name} AS SELECT * FROM ${parquetScan(paths)}`);
    }
    return elapsed();
  }

  /** Runs the SQL and materialises every row as JSON values. */
  async rows(sql: string, params: readonly DuckDBValue[] = []): Promise<Json[][]> {
    return rowsOn(this.#connection, sql, params);
  }

  /** Another connection to the same instance, for concurrent load. */
  connect(): Promise<DuckDBConnection> {
    return this.#instance.connect();
  }

  /** The connection `rows` uses, for timing steps of the raw path separately. */
  get connection(): DuckDBConnection {
    return this.#connection;
  }

  close(): void {
    this.#connection.closeSync();
    this.#instance.closeSync();
  }
}

export async function rowsOn(
  connection: DuckDBConnection,
  sql: string,
  params: readonly DuckDBValue[] = [],
): Promise<Json[][]> {
  const reader = await connection.runAndReadAll(sql, params.length > 0 ? [...params] : undefined);
  return reader.getRowsJson();
}

/** What a DuckDB user writes for a list of Parquet files (paths are ours: no quotes inside). */
function parquetScan(paths: readonly string[]): string {
  return `read_parquet([${paths.map((p) => `'${p.replaceAll("'", "''")}'`).join(', ')}])`;
}
