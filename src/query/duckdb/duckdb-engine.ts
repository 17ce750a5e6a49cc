import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { EngineConnection, EngineProgress, EngineResult } from '../engine.js';

export interface DuckDbEngineOptions {
  /** Worker threads; DuckDB's default is the core count. */
  readonly threads?: number;
  /** e.g. '2GB'; DuckDB's default is 80% of RAM. */
  readonly memoryLimit?: string;
  /** Where DuckDB spills when a query exceeds memory. */
  readonly tempDirectory?: string;
  /** Connections kept open for reuse. */
  readonly poolSize?: number;
}

/**
 * The one place that talks to DuckDB. A small connection pool over one instance; callers
 * borrow a connection for the span of one unit of work.
 */
export class DuckDbEngine {
  readonly #instance: DuckDBInstance;
  readonly #idle: DuckDBConnection[] = [];
  readonly #poolSize: number;
  #closed = false;

  private constructor(instance: DuckDBInstance, poolSize: number) {
    this.#instance = instance;
    this.#poolSize = poolSize;
  }

  static async create(options: DuckDbEngineOptions = {}): Promise<DuckDbEngine> {
    const settings: Record<string, string> = {};
    if (options.threads !== undefined) settings['threads'] = String(options.threads);
    if (options.memoryLimit !== undefined) settings['memory_limit'] = options.memoryLimit;
    if (options.tempDirectory !== undefined) settings['temp_directory'] = options.tempDirectory;
    const instance = await DuckDBInstance.create(':memory:', settings);
    return new DuckDbEngine(instance, options.poolSize ?? 4);
  }

  async withConnection<T>(work: (connection: EngineConnection) => Promise<T>): Promise<T> {
    if (this.#closed) throw new Error('the query engine is closed');
    const raw = this.#idle.pop() ?? (await this.#instance.connect());
    try {
      return await work(wrap(raw));
    } finally {
      if (!this.#closed && this.#idle.length < this.#poolSize) this.#idle.push(raw);
      else raw.closeSync();
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const connection of this.#idle.splice(0)) connection.closeSync();
    this.#instance.closeSync();
  }
}

function wrap(connection: DuckDBConnection): EngineConnection {
  return {
    async run(sql, params) {
      await connection.run(sql, params as DuckDBValue[] | undefined);
    },
    async query(sql, params): Promise<EngineResult> {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[] | undefined);
      return {
        columns: reader
          .columnNames()
          .map((name, i) => ({ name, type: reader.columnTypes()[i]!.toString() })),
        rows: reader.getRowObjectsJson() as Record<string, unknown>[],
      };
    },
    progress(): EngineProgress {
      const p = connection.progress;
      return {
        percentage: p.percentage,
        rowsProcessed: Number(p.rows_processed),
        totalRows: Number(p.total_rows_to_process),
      };
    },
    interrupt: () => connection.interrupt(),
  };
}
