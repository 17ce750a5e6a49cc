import type { Metastore } from '../metastore/index.js';
import type { DuckDbQueryEngine } from './duckdb/query-engine.js';

const SCHEMA = 'lakehouse';
const ROWS_TABLE = 'journal_rows';
const COLUMNS = [
  'seq',
  'id',
  'ts',
  'entity_type',
  'entity_id',
  'field',
  'action',
  'old_value',
  'new_value',
  'actor',
  'source',
  'workspace',
  'request_id',
] as const;
const BATCH = 10_000;

/**
 * The journal as the system view `lakehouse.journal` in the query engine (admins only; the
 * guard enforces who may name it). The journal is append-only, so the mirror only ever adds
 * the events past the last sequence number it holds, just before a query reads it.
 */
export class JournalMirror {
  readonly #engine: DuckDbQueryEngine;
  readonly #metastore: Metastore;
  #lastSeq = 0;
  #ready: Promise<void> | undefined;
  #syncing: Promise<void> = Promise.resolve();

  constructor(engine: DuckDbQueryEngine, metastore: Metastore) {
    this.#engine = engine;
    this.#metastore = metastore;
  }

  /** Brings the mirror up to date (serialised: concurrent callers share one pass). */
  sync(): Promise<void> {
    this.#syncing = this.#syncing.then(() => this.#catchUp());
    return this.#syncing;
  }

  async #catchUp(): Promise<void> {
    await (this.#ready ??= this.#create());
    for (;;) {
      const rows = await this.#metastore.db
        .selectFrom('journal_events')
        .selectAll()
        .where('seq', '>', this.#lastSeq)
        .orderBy('seq')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) return;
      await this.#engine.appendText(
        SCHEMA,
        ROWS_TABLE,
        rows.map((row) =>
          COLUMNS.map((column) => (row[column] === null ? null : String(row[column]))),
        ),
      );
      this.#lastSeq = Number(rows[rows.length - 1]!.seq);
    }
  }

  async #create(): Promise<void> {
    const columns = COLUMNS.map((c) => `${c} VARCHAR`).join(', ');
    await this.#engine.adminRun(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await this.#engine.adminRun(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.${ROWS_TABLE} (${columns})`);
    await this.#engine.adminRun(
      `CREATE OR REPLACE VIEW ${SCHEMA}.journal AS SELECT seq::BIGINT AS seq, id, ts::TIMESTAMPTZ AS ts, entity_type, entity_id, field, action, ` +
        `old_value::JSON AS old_value, new_value::JSON AS new_value, actor, source, workspace, request_id FROM ${SCHEMA}.${ROWS_TABLE}`,
    );
  }
}
