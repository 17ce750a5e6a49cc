import { createHash } from 'node:crypto';
import type { RequestContext } from '../core/index.js';
import {
  viewDataset,
  type AiViewService,
  type CatalogService,
  type DatasetView,
  type TombstoneService,
} from '../catalog/index.js';
import type { DuckDbQueryEngine, ViewDefinition } from './duckdb/query-engine.js';
import type { AccessPolicy, AccessService, ColumnMask } from '../access/index.js';
import { maskedViewSql } from './masked-view.js';
import type { PinCache } from './pin-cache.js';
import { quoteIdentifier, sqlString } from './sql-text.js';

const TOMBSTONE_SCHEMA = 'tombstones';

/** What one caller may read: a schema of views in the query engine. */
export interface Namespace {
  readonly schema: string;
  readonly catalogVersion: number;
  /** Lowercased view names. */
  readonly tables: ReadonlySet<string>;
  readonly systemTables: ReadonlySet<string>;
}

/** How old namespaces linger (for queries still running on them) before they are dropped. */
const RETIRE_AFTER_MS = 60_000;

/**
 * Compiles a caller's namespace — one view per dataset they may read — from the catalog's
 * current snapshots, once per (catalog version, role set), and reuses it until the catalog
 * changes. A change is visible to the next query: the version is checked on every query.
 */
export class NamespaceRegistry {
  readonly #engine: DuckDbQueryEngine;
  readonly #catalog: CatalogService;
  readonly #compiled = new Map<string, Promise<Namespace>>();

  readonly #pins: PinCache;
  readonly #access: AccessService;
  readonly #views: AiViewService;
  readonly #tombstones: TombstoneService;

  constructor(
    engine: DuckDbQueryEngine,
    catalog: CatalogService,
    pins: PinCache,
    access: AccessService,
    views: AiViewService,
    tombstones: TombstoneService,
  ) {
    this.#engine = engine;
    this.#catalog = catalog;
    this.#pins = pins;
    this.#access = access;
    this.#views = views;
    this.#tombstones = tombstones;
  }

  async forContext(ctx: RequestContext): Promise<Namespace> {
    const version = await this.#catalog.version();
    const roles = [...ctx.principal.roles].sort().join(',');
    const key = `${version}|${roles}|${this.#pins.generation}`;
    let namespace = this.#compiled.get(key);
    if (!namespace) {
      namespace = this.#compile(ctx, key, version, roles);
      this.#compiled.set(key, namespace);
      namespace.catch(() => this.#compiled.delete(key));
      this.#retireOlderThan(version);
    }
    return namespace;
  }

  async #compile(
    ctx: RequestContext,
    key: string,
    version: number,
    roles: string,
  ): Promise<Namespace> {
    const schema = `ns_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    const datasets = await this.#catalog.list(ctx); // only what the caller may read
    const policy = await this.#access.policy();
    const views: ViewDefinition[] = [];
    for (const dataset of datasets) {
      const source = await this.#datasetSource(ctx, dataset);
      const sql = source.startsWith('SELECT')
        ? source
        : maskedViewSql(source, dataset.columns, policy.dataset(ctx.principal, dataset.name));
      views.push({ name: dataset.name, sql });
    }
    views.push(...(await this.#aiViews(ctx, policy)));
    await this.#engine.defineSchema(schema, views);
    return {
      schema,
      catalogVersion: version,
      tables: new Set(views.map((v) => v.name.toLowerCase())),
      // The journal holds every change with old and new values: administrators only.
      systemTables: new Set(roles.split(',').includes('admin') ? ['journal'] : []),
    };
  }

  /**
   * The AI-safe views the caller is granted, each over its base dataset's data directly: a
   * grant on the view gives its whitelisted, redacted, filtered rows — never the base dataset.
   */
  async #aiViews(ctx: RequestContext, policy: AccessPolicy): Promise<ViewDefinition[]> {
    const views: ViewDefinition[] = [];
    for (const view of await this.#views.all()) {
      if (!policy.allows(ctx.principal, 'view', view.name, 'read')) continue;
      const base = await this.#catalog.find(view.dataset);
      if (!base) continue;
      const source = await this.#datasetSource(ctx, viewDataset(base, new Date()));
      const columns = view.columns.map((name) => base.columns.find((c) => c.name === name)!);
      const masks = new Map<string, ColumnMask>(
        Object.entries(view.redactions).map(([column, r]) => [
          column.toLowerCase(),
          {
            role: 'view',
            dataset: view.dataset,
            column,
            kind: r.kind,
            keepPrefix: r.keepPrefix,
            keepSuffix: r.keepSuffix,
          },
        ]),
      );
      const access = {
        privilege: 'read' as const,
        masks,
        filters: view.rowFilter ? [view.rowFilter] : [],
        unrestricted: false,
      };
      const sql = source.startsWith('SELECT') ? source : maskedViewSql(source, columns, access);
      views.push({ name: view.name, sql });
    }
    return views;
  }

  /**
   * What the dataset's view reads from: its pinned table or its Parquet files, minus the rows
   * its tombstones hide (an anti-join against a key table, not a literal list: see
   * PERFORMANCE-NOTES).
   */
  async #datasetSource(ctx: RequestContext, dataset: DatasetView): Promise<string> {
    if (dataset.status !== 'ready') {
      const message = `dataset ${dataset.name} has missing data files; restore them and run POST /catalog/resync-missing`;
      return `SELECT error(${sqlString(message)}) AS unavailable`;
    }
    const source =
      this.#pins.tableFor(ctx, dataset) ?? (await this.#catalog.currentRelation(ctx, dataset));
    const tombstones = await this.#tombstones.all(dataset.name);
    if (tombstones.length === 0) return source;
    const table = `${TOMBSTONE_SCHEMA}.${quoteIdentifier(dataset.name)}`;
    await this.#engine.adminRun(`CREATE SCHEMA IF NOT EXISTS ${TOMBSTONE_SCHEMA}`);
    await this.#engine.adminRun(`CREATE OR REPLACE TABLE ${table} (value VARCHAR)`);
    await this.#engine.appendText(
      TOMBSTONE_SCHEMA,
      dataset.name,
      tombstones.map((t) => [t.value]),
    );
    const key = `CAST(${quoteIdentifier(tombstones[0]!.keyColumn)} AS VARCHAR)`;
    return `(SELECT * FROM ${source} WHERE ${key} NOT IN (SELECT value FROM ${table}))`;
  }

  #retireOlderThan(version: number): void {
    const generation = this.#pins.generation;
    for (const [key, namespace] of this.#compiled) {
      const [keyVersion, , keyGeneration] = key.split('|');
      if (Number(keyVersion) >= version && Number(keyGeneration) === generation) continue;
      this.#compiled.delete(key);
      const timer = setTimeout(() => {
        void namespace.then((ns) => this.#engine.dropSchema(ns.schema)).catch(() => {});
      }, RETIRE_AFTER_MS);
      timer.unref();
    }
  }
}
