import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { expect } from 'vitest';
import { isAppError } from '../../../src/core/errors.js';
import { guardStatement } from '../../../src/query/guard/index.js';
import type { GuardedStatement, GuardScope, SerializeSql } from '../../../src/query/guard/index.js';

/** The scope most tests use: four namespace views and one system view. */
export const SCOPE: GuardScope = {
  tables: new Set(['people', 'candidates', 't', 'orders']),
  systemTables: new Set(['journal']),
};

/** A real in-memory DuckDB whose only job is to run json_serialize_sql. */
export class SerializingDuckDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<SerializingDuckDb> {
    const instance = await DuckDBInstance.create(':memory:');
    return new SerializingDuckDb(instance, await instance.connect());
  }

  // The ::VARCHAR cast is needed: an untyped $1 fails with "first argument must be a VARCHAR".
  readonly serialize: SerializeSql = async (sql) => {
    const reader = await this.connection.runAndReadAll(
      'SELECT json_serialize_sql($1::VARCHAR) AS j',
      [sql],
    );
    return String(reader.getRowObjectsJS()[0]?.j);
  };

  guard(sql: string, scope: GuardScope = SCOPE): Promise<GuardedStatement> {
    return guardStatement(sql, scope, this.serialize);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export interface Rejection {
  readonly code: string;
  readonly status: number;
  readonly reason: unknown;
  readonly message: string;
}

/** The AppError a guard call rejected with; fails the test if it resolved. */
export async function rejectionOf(attempt: Promise<unknown>): Promise<Rejection> {
  const outcome = await attempt.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if ('resolved' in outcome) {
    expect.fail(`expected a refusal, got ${JSON.stringify(outcome.resolved)}`);
  }
  const { error } = outcome;
  if (!isAppError(error)) throw error;
  const details = error.details as { reason?: unknown } | undefined;
  return {
    code: error.code,
    status: error.status,
    reason: details?.reason,
    message: error.message,
  };
}
