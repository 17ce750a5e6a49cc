import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  type RequestContext,
} from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import { bumpCatalogVersion, parseJson, type Metastore } from '../../metastore/index.js';
import { validateDatasetName } from '../dataset.js';
import type { DatasetGate } from '../dataset-gate.js';
import * as datasets from '../dataset.repository.js';
import type { AiView, Redaction } from './ai-view.js';

const KINDS = ['null', 'hash', 'mask'] as const;

export interface AiViewDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly gate: DatasetGate;
  /** Whether the caller may read a view (from grants on object type `view`). */
  readonly canReadView: (ctx: RequestContext, name: string) => Promise<boolean>;
  readonly validatePredicate: (predicate: string, columns: readonly string[]) => Promise<void>;
}

export type AiViewInput = Omit<AiView, 'createdAt' | 'createdBy'>;

/**
 * AI-safe views: validated when created (the base dataset and columns exist, the filter is a
 * plain predicate over the base columns), journaled, and compiled into the namespaces of
 * roles granted on them — without giving those roles the base dataset.
 */
export class AiViewService {
  readonly #deps: AiViewDeps;

  constructor(deps: AiViewDeps) {
    this.#deps = deps;
  }

  async create(ctx: RequestContext, input: AiViewInput): Promise<AiView> {
    validateDatasetName(input.name);
    await this.#deps.gate.require(ctx, input.dataset, 'admin', 'defining views over a dataset');
    const base = await datasets.selectDataset(this.#deps.metastore.db, input.dataset);
    if (!base) throw new NotFoundError('dataset_not_found', `no dataset named ${input.dataset}`);
    const baseColumns = base.columns.map((c) => c.name);
    validateColumns(input, baseColumns);
    if (input.rowFilter !== null) await this.#deps.validatePredicate(input.rowFilter, baseColumns);
    const view: AiView = {
      ...input,
      createdAt: ctx.clock.now().toISOString(),
      createdBy: ctx.principal.id,
    };
    await this.#deps.metastore.transaction(async (tx) => {
      if (
        await tx
          .selectFrom('ai_views')
          .select('name')
          .where('name', '=', view.name)
          .executeTakeFirst()
      ) {
        throw new ConflictError('conflict', `a view named ${view.name} exists`);
      }
      if (await datasets.selectDataset(tx, view.name))
        throw new ConflictError('conflict', `a dataset is named ${view.name}`);
      await tx
        .insertInto('ai_views')
        .values({
          name: view.name,
          dataset: view.dataset,
          description: view.description,
          columns: JSON.stringify(view.columns),
          row_filter: view.rowFilter,
          redactions: JSON.stringify(view.redactions),
          created_at: view.createdAt,
          created_by: view.createdBy,
        })
        .execute();
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'view',
        entityId: view.name,
        action: 'create',
        newValue: view,
      });
      await bumpCatalogVersion(tx);
    });
    return view;
  }

  /** Every view (for namespace compilation; not filtered by caller). */
  async all(): Promise<AiView[]> {
    const rows = await this.#deps.metastore.db
      .selectFrom('ai_views')
      .selectAll()
      .orderBy('name')
      .execute();
    return rows.map((r) => ({
      name: r.name,
      dataset: r.dataset,
      description: r.description,
      columns: parseJson<string[]>(r.columns) ?? [],
      rowFilter: r.row_filter,
      redactions: parseJson<Record<string, Redaction>>(r.redactions) ?? {},
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  }

  async list(ctx: RequestContext): Promise<AiView[]> {
    const views = await this.all();
    const visible = await Promise.all(views.map((v) => this.#deps.canReadView(ctx, v.name)));
    return views.filter((_, i) => visible[i]);
  }

  async get(ctx: RequestContext, name: string): Promise<AiView> {
    const view = (await this.all()).find((v) => v.name === name);
    if (!view || !(await this.#deps.canReadView(ctx, name)))
      throw new NotFoundError('not_found', `no view named ${name}`);
    return view;
  }

  async delete(ctx: RequestContext, name: string): Promise<void> {
    const view = (await this.all()).find((v) => v.name === name);
    if (!view) throw new NotFoundError('not_found', `no view named ${name}`);
    await this.#deps.gate.require(ctx, view.dataset, 'admin', 'deleting views over a dataset');
    await this.#deps.metastore.transaction(async (tx) => {
      await tx.deleteFrom('ai_views').where('name', '=', name).execute();
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'view',
        entityId: name,
        action: 'delete',
        oldValue: view,
      });
      await bumpCatalogVersion(tx);
    });
  }
}

function validateColumns(input: AiViewInput, baseColumns: readonly string[]): void {
  if (input.columns.length === 0) throw new ValidationError('a view needs at least one column');
  const known = new Set(baseColumns);
  const unknown = input.columns.filter((c) => !known.has(c));
  if (unknown.length)
    throw new ValidationError(`dataset ${input.dataset} has no columns ${unknown.join(', ')}`);
  if (new Set(input.columns).size !== input.columns.length)
    throw new ValidationError('columns are listed twice');
  for (const [column, redaction] of Object.entries(input.redactions)) {
    if (!input.columns.includes(column))
      throw new ValidationError(`redaction for "${column}", which the view does not expose`);
    if (!KINDS.includes(redaction.kind))
      throw new AppError('invalid_mask', `redaction kind must be one of ${KINDS.join(', ')}`);
    const keeps = [redaction.keepPrefix, redaction.keepSuffix];
    if (keeps.some((n) => !Number.isInteger(n) || n < 0 || n > 64))
      throw new AppError('invalid_mask', 'keep_prefix and keep_suffix are 0-64');
  }
}
