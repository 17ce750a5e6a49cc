import type { Selectable } from 'kysely';
import type { Executor, JournalEventsTable } from '../metastore/index.js';
import { parseJson } from '../metastore/index.js';
import type { JournalEvent } from './journal-event.js';

type Row = Selectable<JournalEventsTable>;

export async function insertEvent(db: Executor, event: JournalEvent): Promise<void> {
  await db
    .insertInto('journal_events')
    .values({
      id: event.id,
      ts: event.ts,
      entity_type: event.entityType,
      entity_id: event.entityId,
      field: event.field,
      action: event.action,
      old_value: event.oldValue === undefined ? null : JSON.stringify(event.oldValue),
      new_value: event.newValue === undefined ? null : JSON.stringify(event.newValue),
      actor: event.actor,
      source: event.source,
      workspace: event.workspace,
      request_id: event.requestId,
    })
    .execute();
}

export async function selectRecent(
  db: Executor,
  limit: number,
  filter: { entityType?: string; before?: string } = {},
): Promise<JournalEvent[]> {
  let query = db.selectFrom('journal_events').selectAll().orderBy('seq', 'desc').limit(limit);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.before) query = query.where('id', '<', filter.before);
  return (await query.execute()).map(toEvent);
}

export async function selectHistory(
  db: Executor,
  entityId: string,
  limit: number,
): Promise<JournalEvent[]> {
  const rows = await db
    .selectFrom('journal_events')
    .selectAll()
    .where('entity_id', '=', entityId)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

export async function selectCounts(
  db: Executor,
  column: 'entity_type' | 'action',
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('journal_events')
    .select([column, (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(column)
    .execute();
  return Object.fromEntries(rows.map((r) => [r[column], Number(r.n)]));
}

export async function selectBounds(
  db: Executor,
): Promise<{ total: number; first: string | null; last: string | null }> {
  const row = await db
    .selectFrom('journal_events')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn.min('ts').as('first'),
      eb.fn.max('ts').as('last'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), first: row.first ?? null, last: row.last ?? null };
}

function toEvent(row: Row): JournalEvent {
  return {
    id: row.id,
    ts: row.ts,
    entityType: row.entity_type,
    entityId: row.entity_id,
    field: row.field,
    action: row.action,
    oldValue: parseJson(row.old_value),
    newValue: parseJson(row.new_value),
    actor: row.actor,
    source: row.source,
    workspace: row.workspace,
    requestId: row.request_id,
  };
}
