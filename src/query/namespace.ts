import { createHash } from 'node:crypto';
import { AppError, NotFoundError, type RequestContext } from '../core/index.js';
import {
  viewDataset,
  type AiViewService,
  type CatalogService,
  type DatasetColumn,
  type DatasetView,
  type SnapshotRef,
  type Tombstone,
  type TombstoneService,
} from '../catalog/index.js';
import type { AsOf } from './as-of.js';
import type { DuckDbQueryEngine, ViewDefinition } from './duckdb/query-engine.js';
import type { AccessPolicy, AccessService, ColumnMask } from '../access/index.js';
import { maskedViewSql } from './masked-view.js';
import type { PinCache } from './pin-cache.js';
import { quoteIdentifier, sqlString } from './sql-text.js';

/** Key tables of the tombstones in force now, and of every erased key (for reads of the past). */
const TOMBSTONE_SCHEMA = 'tombstones';
const ERASED_SCHEMA = 'erased_keys';

/** What one caller may read: a schema of views in the query engine. */
export interface Namespace {
  readonly schema: string;
  readonly catalogVersion: number;
  /** Lowercased view names. */
  readonly tables: ReadonlySet<string>;
  readonly systemTables: ReadonlySet<string>;
  /**
   * The subject key column (lowercased) of each table (lowercased) about people: a subject-keyed
   * dataset, or an AI-safe view over one. Reads of these are audited per subject.
   */
  readonly subjectKeys: ReadonlyMap<string, string>;
}

/** A past point and the snapshot of each dataset that was current then. */
interface PastPoint {
  readonly at: string;
  readonly snapshots: ReadonlyMap<string, SnapshotRef>;
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

  /**
   * The caller's namespace now, or as of a past point (`as_of`: each dataset at the snapshot
   * that was current then; erased rows stay hidden).
   */
  async forContext(ctx: RequestContext, asOf?: AsOf): Promise<Namespace> {
    const version = await this.#catalog.version();
    const roles = [...ctx.principal.roles].sort().join(',');
    const past = asOf === undefined ? undefined : await this.#pastSnapshots(ctx, asOf);
    const key =
      `${version}|${roles}|${this.#pins.generation}` +
      (past === undefined
        ? ''
        : `|as_of:${[...past.snapshots.values()].map((s) => s.id).join(',')}`);
    let namespace = this.#compiled.get(key);
    if (!namespace) {
      namespace = this.#compile(ctx, key, version, roles, past);
      this.#compiled.set(key, namespace);
      namespace.catch(() => this.#compiled.delete(key));
      this.#retireOlderThan(version);
    }
    return namespace;
  }

  /** Which snapshot of each dataset the caller may read was current at the point asked for. */
  async #pastSnapshots(ctx: RequestContext, asOf: AsOf): Promise<PastPoint> {
    let at: string;
    const snapshots = new Map<string, SnapshotRef>();
    const readable = await this.#catalog.list(ctx);
    if (asOf.kind === 'snapshot') {
      const ref = await this.#catalog.snapshotById(asOf.snapshotId);
      const mayRead = ref && readable.some((d) => d.name === ref.dataset);
      if (!ref || !mayRead) {
        throw new NotFoundError('snapshot_not_found', `no snapshot with id ${asOf.snapshotId}`);
      }
      if (ref.expiredAt !== null) {
        throw new AppError(
          'snapshot_expired',
          `snapshot ${ref.id} of ${ref.dataset} was garbage-collected at ${ref.expiredAt} (past the retention window)`,
        );
      }
      at = ref.createdAt;
      snapshots.set(ref.dataset, ref);
    } else {
      at = asOf.at;
    }
    for (const dataset of readable) {
      if (snapshots.has(dataset.name)) continue;
      const ref = await this.#catalog.snapshotAt(dataset.name, at);
      if (ref) snapshots.set(dataset.name, ref);
    }
    return { at, snapshots };
  }

  async #compile(
    ctx: RequestContext,
    key: string,
    version: number,
    roles: string,
    past: PastPoint | undefined,
  ): Promise<Namespace> {
    const schema = `ns_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    const datasets = await this.#catalog.list(ctx); // only what the caller may read
    const policy = await this.#access.policy();
    const views: ViewDefinition[] = [];
    const subjectKeys = new Map<string, string>();
    for (const dataset of datasets) {
      const source = await this.#source(ctx, dataset, past);
      if (!source) continue; // it did not exist yet at the point asked for
      if (dataset.subjectKeyColumn)
        subjectKeys.set(dataset.name.toLowerCase(), dataset.subjectKeyColumn.toLowerCase());
      const sql = source.unavailable
        ? source.sql
        : maskedViewSql(source.sql, source.columns, policy.dataset(ctx.principal, dataset.name));
      views.push({ name: dataset.name, sql });
    }
    views.push(...(await this.#aiViews(ctx, policy, past, subjectKeys)));
    await this.#engine.defineSchema(schema, views);
    return {
      schema,
      catalogVersion: version,
      tables: new Set(views.map((v) => v.name.toLowerCase())),
      // The journal holds every change with old and new values: administrators only.
      systemTables: new Set(roles.split(',').includes('admin') ? ['journal'] : []),
      subjectKeys,
    };
  }

  /**
   * The AI-safe views the caller is granted, each over its base dataset's data directly: a
   * grant on the view gives its whitelisted, redacted, filtered rows — never the base dataset.
   */
  async #aiViews(
    ctx: RequestContext,
    policy: AccessPolicy,
    past: PastPoint | undefined,
    subjectKeys: Map<string, string>,
  ): Promise<ViewDefinition[]> {
    const views: ViewDefinition[] = [];
    for (const view of await this.#views.all()) {
      if (!policy.allows(ctx.principal, 'view', view.name, 'read')) continue;
      const base = await this.#catalog.find(view.dataset);
      if (!base) continue;
      if (base.subjectKeyColumn)
        subjectKeys.set(view.name.toLowerCase(), base.subjectKeyColumn.toLowerCase());
      const source = await this.#source(ctx, viewDataset(base, new Date()), past);
      if (!source) continue;
      const columns = view.columns.map((name) => source.columns.find((c) => c.name === name));
      if (columns.some((c) => c === undefined)) {
        const message = `view ${view.name} reads columns that dataset ${view.dataset} did not have at ${past?.at}`;
        views.push({ name: view.name, sql: unavailableSql(message) });
        continue;
      }
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
      const sql = source.unavailable
        ? source.sql
        : maskedViewSql(source.sql, columns as DatasetColumn[], access);
      views.push({ name: view.name, sql });
    }
    return views;
  }

  /**
   * What the dataset's view reads from — its pinned table or its files (base merged with
   * deltas), now or at a past snapshot — minus the rows its tombstones hide (an anti-join
   * against a key table, not a literal list: see PERFORMANCE-NOTES). Undefined when the
   * dataset did not exist at the past point.
   */
  async #source(
    ctx: RequestContext,
    dataset: DatasetView,
    past: PastPoint | undefined,
  ): Promise<
    { sql: string; columns: readonly DatasetColumn[]; unavailable?: boolean } | undefined
  > {
    const unavailable = (message: string) => ({
      sql: unavailableSql(message),
      columns: dataset.columns,
      unavailable: true,
    });
    if (dataset.status !== 'ready') {
      return unavailable(
        `dataset ${dataset.name} has missing data files; restore them and run POST /catalog/resync-missing`,
      );
    }
    if (past === undefined) {
      const source =
        this.#pins.tableFor(ctx, dataset) ?? (await this.#catalog.currentRelation(ctx, dataset));
      const tombstones = await this.#tombstones.all(dataset.name);
      const sql = await this.#withoutTombstoned(source, TOMBSTONE_SCHEMA, dataset.name, tombstones);
      return { sql, columns: dataset.columns };
    }
    const snapshot = past.snapshots.get(dataset.name);
    if (!snapshot) return undefined;
    if (snapshot.expiredAt !== null) {
      return unavailable(
        `dataset ${dataset.name} as of ${past.at} is past the snapshot retention window (snapshot ${snapshot.id} was garbage-collected)`,
      );
    }
    const source = await this.#catalog.snapshotRelation(ctx, dataset, snapshot.id);
    // The past hides every erased key too: erasure reaches back in time.
    const erased = await this.#tombstones.erased(dataset.name);
    const sql = await this.#withoutTombstoned(source, ERASED_SCHEMA, dataset.name, erased);
    return { sql, columns: snapshot.columns };
  }

  async #withoutTombstoned(
    source: string,
    schema: string,
    table: string,
    tombstones: readonly Tombstone[],
  ): Promise<string> {
    if (tombstones.length === 0) return source;
    const qualified = `${schema}.${quoteIdentifier(table)}`;
    await this.#engine.adminRun(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await this.#engine.adminRun(`CREATE OR REPLACE TABLE ${qualified} (value VARCHAR)`);
    await this.#engine.appendText(
      schema,
      table,
      tombstones.map((t) => [t.value]),
    );
    const key = `CAST(${quoteIdentifier(tombstones[0]!.keyColumn)} AS VARCHAR)`;
    // A row with no key matches no tombstone (and `NULL NOT IN (…)` would hide it).
    const column = quoteIdentifier(tombstones[0]!.keyColumn);
    return `(SELECT * FROM ${source} WHERE ${column} IS NULL OR ${key} NOT IN (SELECT value FROM ${qualified}))`;
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

/**
 * A view that fails when read, with the message (an unreadable dataset is refused, never served
 * as empty). The filter makes even `count(*)`, which needs no column, evaluate the error.
 */
function unavailableSql(message: string): string {
  const error = `error(${sqlString(message)})`;
  return `SELECT ${error} AS unavailable FROM range(1) WHERE ${error} IS NULL`;
}
