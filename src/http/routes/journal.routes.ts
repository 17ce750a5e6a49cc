import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { JournalEvent } from '../../journal/index.js';
import { MAX_JOURNAL_PAGE } from '../../journal/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';

const EventSchema = Type.Object({
  id: Type.String(),
  ts: Timestamp,
  entity_type: Type.String(),
  entity_id: Type.String(),
  field: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  old_value: Type.Unknown(),
  new_value: Type.Unknown(),
  actor: Type.String(),
  source: Type.String(),
  workspace: Type.String(),
  request_id: Type.Union([Type.String(), Type.Null()]),
});
const EventList = Type.Object({ events: Type.Array(EventSchema) });
const Limit = Type.Integer({ minimum: 1, maximum: MAX_JOURNAL_PAGE, default: 50 });

/** Read-only: there is no route that updates or deletes an event. */
export async function journalRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Querystring: { limit: number; entity_type?: string; before?: string } }>(
    '/journal/recent',
    {
      schema: {
        tags: ['journal'],
        summary: 'Most recent events, newest first',
        querystring: Type.Object({
          limit: Limit,
          entity_type: Type.Optional(Type.String()),
          before: Type.Optional(Type.String({ description: 'Event id to page before' })),
        }),
        response: responses({ 200: EventList }, 400, 403),
      },
    },
    async (request) => {
      const { limit, entity_type, before } = request.query;
      const events = await services.journal.recent(request.ctx, limit, {
        ...(entity_type !== undefined && { entityType: entity_type }),
        ...(before !== undefined && { before }),
      });
      return { events: events.map(eventJson) };
    },
  );

  app.get<{ Params: { entity_id: string }; Querystring: { limit: number } }>(
    '/journal/history/:entity_id',
    {
      schema: {
        tags: ['journal'],
        summary: 'Every event of one entity, oldest first',
        params: Type.Object({ entity_id: Type.String() }),
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: MAX_JOURNAL_PAGE, default: MAX_JOURNAL_PAGE }),
        }),
        response: responses({ 200: EventList }, 400, 403),
      },
    },
    async (request) => ({
      events: (
        await services.journal.history(request.ctx, request.params.entity_id, request.query.limit)
      ).map(eventJson),
    }),
  );

  app.get(
    '/journal/stats',
    {
      schema: {
        tags: ['journal'],
        summary: 'Event counts by entity type and action',
        response: responses(
          {
            200: Type.Object({
              total: Type.Integer(),
              first_ts: Type.Union([Timestamp, Type.Null()]),
              last_ts: Type.Union([Timestamp, Type.Null()]),
              by_entity_type: Type.Record(Type.String(), Type.Integer()),
              by_action: Type.Record(Type.String(), Type.Integer()),
            }),
          },
          403,
        ),
      },
    },
    async (request) => {
      const stats = await services.journal.stats(request.ctx);
      return {
        total: stats.total,
        first_ts: stats.firstTs,
        last_ts: stats.lastTs,
        by_entity_type: stats.byEntityType,
        by_action: stats.byAction,
      };
    },
  );
}

function eventJson(event: JournalEvent) {
  return {
    id: event.id,
    ts: event.ts,
    entity_type: event.entityType,
    entity_id: event.entityId,
    field: event.field,
    action: event.action,
    old_value: event.oldValue ?? null,
    new_value: event.newValue ?? null,
    actor: event.actor,
    source: event.source,
    workspace: event.workspace,
    request_id: event.requestId,
  };
}
