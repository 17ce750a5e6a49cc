import {
  AppError,
  NotFoundError,
  requireAnyRole,
  type Clock,
  type Logger,
  type RequestContext,
} from '../core/index.js';
import type { CatalogService, Dataset } from '../catalog/index.js';
import type { DuckDbQueryEngine } from './duckdb/query-engine.js';
import { quoteIdentifier } from './sql-text.js';
import { tableBytesSql } from './table-size.js';

const SCHEMA = 'pinned';
const MANAGERS = ['admin', 'engineer'] as const;

export interface Pin {
  readonly dataset: string;
  readonly snapshotId: string;
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
  readonly pinnedAt: string;
  lastUsedAt: number;
}

export interface PinStats {
  readonly budgetBytes: number;
  readonly usedBytes: number;
  readonly pins: readonly Omit<Pin, 'table' | 'lastUsedAt'>[];
}

/**
 * Hot datasets held in the query engine's memory, within a byte budget (least recently used
 * evicted first). A pin serves only the snapshot it was loaded from: when the dataset changes,
 * queries go back to the Parquet files at once and the pin is reloaded in the background, so
 * a pinned dataset is never staler than its files.
 */
export class PinCache {
  readonly #engine: DuckDbQueryEngine;
  readonly #catalog: CatalogService;
  readonly #budgetBytes: number;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #pins = new Map<string, Pin>();
  readonly #reloading = new Set<string>();
  #generation = 0;
  #ready: Promise<void> | undefined;

  constructor(deps: {
    engine: DuckDbQueryEngine;
    catalog: CatalogService;
    budgetBytes: number;
    clock: Clock;
    logger: Logger;
  }) {
    this.#engine = deps.engine;
    this.#catalog = deps.catalog;
    this.#budgetBytes = deps.budgetBytes;
    this.#clock = deps.clock;
    this.#logger = deps.logger;
  }

  /** Changes whenever what is pinned changes; namespaces compiled for an older one are rebuilt. */
  get generation(): number {
    return this.#generation;
  }

  async pin(ctx: RequestContext, name: string): Promise<Pin> {
    requireAnyRole(ctx, MANAGERS, 'pinning datasets');
    const dataset = await this.#catalog.get(ctx, name);
    if (dataset.status !== 'ready')
      throw new AppError('dataset_files_missing', `dataset ${name} has missing files`);
    return this.#load(ctx, dataset);
  }

  async evict(ctx: RequestContext, name?: string): Promise<string[]> {
    requireAnyRole(ctx, MANAGERS, 'evicting pinned datasets');
    const names = name === undefined ? [...this.#pins.keys()] : [name];
    if (name !== undefined && !this.#pins.has(name))
      throw new NotFoundError('not_found', `dataset ${name} is not pinned`);
    for (const dataset of names) await this.#drop(dataset);
    return names;
  }

  stats(): PinStats {
    const pins = [...this.#pins.values()].map(({ table: _t, lastUsedAt: _l, ...pin }) => pin);
    return { budgetBytes: this.#budgetBytes, usedBytes: this.#usedBytes(), pins };
  }

  /**
   * The table serving `dataset` if its pin matches the current snapshot; otherwise undefined
   * (and a stale pin is reloaded in the background).
   */
  tableFor(ctx: RequestContext, dataset: Dataset): string | undefined {
    const pin = this.#pins.get(dataset.name);
    if (!pin) return undefined;
    if (pin.snapshotId === dataset.currentSnapshotId) {
      pin.lastUsedAt = Date.now();
      return `${SCHEMA}.${quoteIdentifier(pin.table)}`;
    }
    this.#reloadInBackground(ctx, dataset);
    return undefined;
  }

  async #load(ctx: RequestContext, dataset: Dataset): Promise<Pin> {
    await (this.#ready ??= this.#engine.adminRun(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`));
    const table = `${dataset.name}__${dataset.currentSnapshotId.replaceAll('-', '')}`;
    const source = await this.#catalog.currentRelation(ctx, dataset);
    await this.#engine.adminRun(
      `CREATE OR REPLACE TABLE ${SCHEMA}.${quoteIdentifier(table)} AS SELECT * FROM ${source}`,
    );
    const bytes = await this.#tableBytes(`${SCHEMA}.${quoteIdentifier(table)}`, dataset);
    const old = this.#pins.get(dataset.name);
    const pin: Pin = {
      dataset: dataset.name,
      snapshotId: dataset.currentSnapshotId,
      table,
      rows: dataset.rowCount,
      bytes,
      pinnedAt: this.#clock.now().toISOString(),
      lastUsedAt: Date.now(),
    };
    if (bytes > this.#budgetBytes) {
      await this.#engine.adminRun(`DROP TABLE IF EXISTS ${SCHEMA}.${quoteIdentifier(table)}`);
      throw new AppError(
        'pin_too_large',
        `dataset ${dataset.name} needs ${bytes} bytes in memory; the pin budget is ${this.#budgetBytes}`,
      );
    }
    this.#pins.set(dataset.name, pin);
    this.#generation += 1;
    if (old && old.table !== table)
      await this.#engine.adminRun(`DROP TABLE IF EXISTS ${SCHEMA}.${quoteIdentifier(old.table)}`);
    await this.#fitBudget(dataset.name);
    return pin;
  }

  async #fitBudget(keep: string): Promise<void> {
    const byAge = [...this.#pins.values()]
      .filter((p) => p.dataset !== keep)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const pin of byAge) {
      if (this.#usedBytes() <= this.#budgetBytes) return;
      await this.#drop(pin.dataset);
    }
  }

  async #drop(dataset: string): Promise<void> {
    const pin = this.#pins.get(dataset);
    if (!pin) return;
    this.#pins.delete(dataset);
    this.#generation += 1;
    await this.#engine.adminRun(`DROP TABLE IF EXISTS ${SCHEMA}.${quoteIdentifier(pin.table)}`);
  }

  #reloadInBackground(ctx: RequestContext, dataset: Dataset): void {
    if (this.#reloading.has(dataset.name)) return;
    this.#reloading.add(dataset.name);
    void this.#load(ctx, dataset)
      .catch((error: unknown) =>
        this.#logger.warn(
          { err: error, dataset: dataset.name },
          'could not reload a pinned dataset',
        ),
      )
      .finally(() => this.#reloading.delete(dataset.name));
  }

  #usedBytes(): number {
    return [...this.#pins.values()].reduce((sum, p) => sum + p.bytes, 0);
  }

  async #tableBytes(table: string, dataset: Dataset): Promise<number> {
    const rows = await this.#engine.adminQuery(tableBytesSql(table, dataset.columns));
    return Number(rows[0]?.['bytes'] ?? 0);
  }
}
