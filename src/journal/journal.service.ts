import { requireAdmin, uuidv7, type RequestContext } from '../core/index.js';
import type { Executor, Metastore } from '../metastore/index.js';
import type { JournalEntry, JournalEvent, JournalStats } from './journal-event.js';
import {
  insertEvent,
  selectBounds,
  selectCounts,
  selectHistory,
  selectRecent,
} from './journal.repository.js';

export const MAX_JOURNAL_PAGE = 1000;

/**
 * Records immutable events. `record` takes the caller's open transaction so the event
 * commits (or rolls back) together with the change it describes.
 */
export class JournalService {
  readonly #metastore: Metastore;

  constructor(metastore: Metastore) {
    this.#metastore = metastore;
  }

  async record(tx: Executor, ctx: RequestContext, entry: JournalEntry): Promise<JournalEvent> {
    const now = ctx.clock.now();
    const event: JournalEvent = {
      id: uuidv7(now.getTime()),
      ts: now.toISOString(),
      entityType: entry.entityType,
      entityId: entry.entityId,
      field: entry.field ?? null,
      action: entry.action,
      oldValue: entry.oldValue,
      newValue: entry.newValue,
      actor: ctx.principal.id,
      source: ctx.source,
      workspace: entry.workspace ?? 'default',
      requestId: ctx.requestId,
    };
    await insertEvent(tx, event);
    return event;
  }

  recent(
    ctx: RequestContext,
    limit: number,
    filter: { entityType?: string; before?: string } = {},
  ): Promise<JournalEvent[]> {
    requireAdmin(ctx, 'reading the journal');
    return selectRecent(this.#metastore.db, clampLimit(limit), filter);
  }

  history(
    ctx: RequestContext,
    entityId: string,
    limit = MAX_JOURNAL_PAGE,
  ): Promise<JournalEvent[]> {
    requireAdmin(ctx, 'reading the journal');
    return selectHistory(this.#metastore.db, entityId, clampLimit(limit));
  }

  async stats(ctx: RequestContext): Promise<JournalStats> {
    requireAdmin(ctx, 'reading the journal');
    const db = this.#metastore.db;
    const [bounds, byEntityType, byAction] = await Promise.all([
      selectBounds(db),
      selectCounts(db, 'entity_type'),
      selectCounts(db, 'action'),
    ]);
    return {
      total: bounds.total,
      firstTs: bounds.first,
      lastTs: bounds.last,
      byEntityType,
      byAction,
    };
  }
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_JOURNAL_PAGE, Math.floor(limit)));
}
