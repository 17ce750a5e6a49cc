import { DuckDBInstance, type DuckDBConnection, type Json } from '@duckdb/node-api';
import { quoteIdentifier } from '../../src/query/sql-text.js';
import { rowsOn } from '../query/raw-duckdb.js';

/** One connection of the raw instance, bound to a schema for unqualified names. */
export class RawSession {
  readonly #connection: DuckDBConnection;

  constructor(connection: DuckDBConnection) {
    this.#connection = connection;
  }

  async run(sql: string): Promise<void> {
    await this.#connection.run(sql);
  }

  /** Runs the SQL and materialises every row as JSON values (as the query benchmark's raw side). */
  rows(sql: string): Promise<Json[][]> {
    return rowsOn(this.#connection, sql);
  }

  async objects(sql: string): Promise<Record<string, Json>[]> {
    return (await this.#connection.runAndReadAll(sql)).getRowObjectsJson();
  }

  /** The first value of the first row, as a number (counts, settings). */
  async scalar(sql: string): Promise<number> {
    return Number((await this.rows(sql))[0]?.[0]);
  }

  close(): void {
    this.#connection.closeSync();
  }
}

/**
 * DuckDB called directly: one in-memory instance in this process, with the thread count of the
 * app's engines (DuckDB's default, one per core, unless the app's config sets one). Its own
 * methods run on a connection in the `main` schema.
 */
export class RawEngine extends RawSession {
  readonly #instance: DuckDBInstance;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection) {
    super(connection);
    this.#instance = instance;
  }

  static async open(threads: number | undefined): Promise<RawEngine> {
    const settings: Record<string, string> =
      threads === undefined ? {} : { threads: String(threads) };
    const instance = await DuckDBInstance.create(':memory:', settings);
    return new RawEngine(instance, await instance.connect());
  }

  /** Another connection, whose unqualified names resolve in `schema` (created if need be). */
  async session(schema: string): Promise<RawSession> {
    await this.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    const connection = await this.#instance.connect();
    await connection.run(`USE memory.${quoteIdentifier(schema)}`);
    return new RawSession(connection);
  }

  override close(): void {
    super.close();
    this.#instance.closeSync();
  }
}
