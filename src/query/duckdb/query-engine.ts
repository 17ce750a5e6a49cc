import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBResult,
  type DuckDBValue,
} from '@duckdb/node-api';
import { AppError } from '../../core/index.js';
import { quoteIdentifier, sqlString } from '../sql-text.js';
import {
  arrowIpcChunks,
  csvChunks,
  ndjsonChunks,
  readJsonRows,
  resultColumns,
  type ResultColumn,
} from './results/index.js';

async function serialize(connection: DuckDBConnection, sql: string): Promise<string> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS ast', [
    sql,
  ]);
  return String(reader.getRowObjectsJson()[0]!['ast']);
}

export interface QueryEngineOptions {
  /** Folders queries may read (the data files); everything else is unreachable. */
  readonly allowedDirectories: readonly string[];
  readonly tempDirectory: string;
  readonly threads?: number;
  readonly memoryLimit?: string;
  readonly poolSize?: number;
}

export interface ViewDefinition {
  readonly name: string;
  /** The SELECT the view stands for; built by services, never from caller SQL. */
  readonly sql: string;
}

export type StreamFormat = 'csv' | 'ndjson' | 'arrow';

export interface JsonResult {
  readonly columns: ResultColumn[];
  readonly rows: unknown[][];
  readonly truncated: boolean;
  readonly rowCount: number;
}

/** A caller's query on a borrowed, namespace-bound connection. */
export interface QuerySession {
  /** DuckDB's own parse of the SQL, as JSON text (json_serialize_sql). */
  serialize(sql: string): Promise<string>;
  /** Runs the SQL and reads at most `maxRows` rows as JSON-safe values. */
  readJson(sql: string, params: readonly unknown[], maxRows: number): Promise<JsonResult>;
}

const FORMATTERS: Record<
  StreamFormat,
  (result: DuckDBResult) => AsyncGenerator<string | Uint8Array>
> = {
  csv: (result) => csvChunks(result),
  ndjson: (result) => ndjsonChunks(result),
  arrow: (result) => arrowIpcChunks(result),
};

/**
 * The DuckDB instance that runs callers' SQL. It is sandboxed once, at creation, and the
 * sandbox cannot be undone: external access is off except for the data folders, extensions
 * never load, and the configuration is locked. Namespaces are schemas of views; a session
 * binds its connection to one with USE (search paths stay changeable under the lock).
 */
export class DuckDbQueryEngine {
  readonly #instance: DuckDBInstance;
  readonly #admin: DuckDBConnection;
  readonly #idle: DuckDBConnection[] = [];
  readonly #poolSize: number;
  #adminQueue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(instance: DuckDBInstance, admin: DuckDBConnection, poolSize: number) {
    this.#instance = instance;
    this.#admin = admin;
    this.#poolSize = poolSize;
  }

  static async create(options: QueryEngineOptions): Promise<DuckDbQueryEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const admin = await instance.connect();
    const settings = [
      options.threads !== undefined && `SET threads = ${options.threads}`,
      options.memoryLimit !== undefined && `SET memory_limit = ${sqlString(options.memoryLimit)}`,
      `SET temp_directory = ${sqlString(options.tempDirectory)}`,
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `SET allowed_directories = [${options.allowedDirectories.map(sqlString).join(', ')}]`,
      'SET enable_external_access = false',
      'SET lock_configuration = true',
    ].filter((s): s is string => typeof s === 'string');
    for (const statement of settings) await admin.run(statement);
    return new DuckDbQueryEngine(instance, admin, options.poolSize ?? 8);
  }

  /** Creates or replaces a schema of views (and the tables given), atomically. */
  defineSchema(schema: string, views: readonly ViewDefinition[]): Promise<void> {
    return this.#serialAdmin(async () => {
      await this.#admin.run('BEGIN TRANSACTION');
      try {
        await this.#admin.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
        for (const view of views) {
          await this.#admin.run(
            `CREATE OR REPLACE VIEW ${quoteIdentifier(schema)}.${quoteIdentifier(view.name)} AS ${view.sql}`,
          );
        }
        await this.#admin.run('COMMIT');
      } catch (error) {
        await this.#admin.run('ROLLBACK');
        throw error;
      }
    });
  }

  dropSchema(schema: string): Promise<void> {
    return this.#serialAdmin(async () => {
      await this.#admin.run(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    });
  }

  /** Runs trusted, service-built SQL on the admin connection (pins, system tables). */
  adminRun(sql: string, params?: readonly unknown[]): Promise<void> {
    return this.#serialAdmin(async () => {
      await this.#admin.run(sql, params as DuckDBValue[] | undefined);
    });
  }

  /** Appends rows of text (or null) to a table, in order, on the admin connection. */
  appendText(
    schema: string,
    table: string,
    rows: readonly (readonly (string | null)[])[],
  ): Promise<void> {
    return this.#serialAdmin(async () => {
      const appender = await this.#admin.createAppender(table, schema);
      try {
        for (const row of rows) {
          for (const value of row) {
            if (value === null) appender.appendNull();
            else appender.appendVarchar(value);
          }
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    });
  }

  /** DuckDB's parse of some SQL as JSON text; parsing reads no data. */
  serialize(sql: string): Promise<string> {
    return this.#serialAdmin(() => serialize(this.#admin, sql));
  }

  async adminQuery(sql: string): Promise<Record<string, unknown>[]> {
    return this.#serialAdmin(
      async () =>
        (await this.#admin.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    );
  }

  /**
   * Borrows a connection bound to `schema` for the span of `work`. The work is interrupted
   * after `timeoutMs`, and then fails with query_timeout.
   */
  async session<T>(
    schema: string,
    timeoutMs: number,
    work: (session: QuerySession) => Promise<T>,
  ): Promise<T> {
    const lease = await this.#lease(schema, timeoutMs);
    try {
      return await work({
        serialize: (sql) => serialize(lease.connection, sql),
        readJson: async (sql, params, maxRows) => {
          const result = await lease.connection.stream(sql, params as DuckDBValue[]);
          return { columns: resultColumns(result), ...(await readJsonRows(result, maxRows)) };
        },
      });
    } catch (error) {
      throw lease.explain(error);
    } finally {
      lease.release();
    }
  }

  /**
   * Streams a result in an output format. The connection stays borrowed until the consumer
   * has read everything or stops (the generator's finally releases it); `check` runs first,
   * on the bound connection, so the guard sees the caller's namespace.
   */
  async *streamFormat(
    schema: string,
    sql: string,
    params: readonly unknown[],
    format: StreamFormat,
    check: (serialize: (sql: string) => Promise<string>) => Promise<void>,
    timeoutMs: number,
  ): AsyncGenerator<string | Uint8Array> {
    // The whole stream, including the time the client takes to read it, is one query's time.
    const lease = await this.#lease(schema, timeoutMs);
    try {
      await check((text) => serialize(lease.connection, text));
      const result = await lease.connection.stream(sql, params as DuckDBValue[]);
      yield* FORMATTERS[format](result);
    } catch (error) {
      throw lease.explain(error);
    } finally {
      lease.release();
    }
  }

  /**
   * A pooled connection bound to a namespace, interrupted after `timeoutMs`; `explain` turns the
   * interruption into query_timeout, `release` returns the connection to the pool.
   */
  async #lease(schema: string, timeoutMs: number) {
    if (this.#closed) throw new AppError('not_ready', 'the query engine is shut down');
    const connection = this.#idle.pop() ?? (await this.#instance.connect());
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      connection.interrupt();
    }, timeoutMs);
    const release = () => {
      clearTimeout(timer);
      if (!this.#closed && this.#idle.length < this.#poolSize) this.#idle.push(connection);
      else connection.closeSync();
    };
    try {
      await connection.run(`USE memory.${quoteIdentifier(schema)}`);
    } catch (error) {
      release();
      throw error;
    }
    const explain = (error: unknown): unknown =>
      timedOut
        ? new AppError(
            'query_timeout',
            `the query ran longer than ${timeoutMs} ms and was interrupted`,
            { cause: error },
          )
        : error;
    return { connection, release, explain };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const connection of this.#idle.splice(0)) connection.closeSync();
    this.#admin.closeSync();
    this.#instance.closeSync();
  }

  #serialAdmin<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#adminQueue.then(work, work);
    this.#adminQueue = next.catch(() => {});
    return next;
  }
}
