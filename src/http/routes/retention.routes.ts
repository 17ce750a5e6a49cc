import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { retentionCaseJson, type RetentionSweep } from '../../compliance/retention/index.js';
import { validTimestamp } from '../../compliance/subjects/index.js';
import { responses } from '../schemas.js';

/** What the retention route needs from the services. */
export interface RetentionRouteServices {
  readonly retention: RetentionSweep;
}

const SweepBody = Type.Object(
  {
    as_of: Type.Optional(
      Type.String({
        description: 'ISO-8601 time to judge the clocks at; default now (later = forecast)',
      }),
    ),
    apply: Type.Optional(
      Type.Boolean({ description: 'Write the dated JSONL report; default false (dry run)' }),
    ),
  },
  { additionalProperties: false },
);

const SweepResult = Type.Object({
  as_of: Type.String(),
  date: Type.String(),
  applied: Type.Boolean(),
  report: Type.Union([Type.String(), Type.Null()], {
    description: 'reports/retention-sweep-<date>.jsonl in the data directory; null on a dry run',
  }),
  counts: Type.Object({
    subjects: Type.Integer(),
    general: Type.Integer(),
    biometric: Type.Integer(),
  }),
  subjects: Type.Array(Type.Unknown()),
});

/** The retention sweep: a report of subjects past their retention clocks (admin and legal roles). */
export async function retentionRoutes(
  app: FastifyInstance,
  services: RetentionRouteServices,
): Promise<void> {
  app.post<{ Body: { as_of?: string; apply?: boolean } | undefined }>(
    '/subjects/retention-sweep',
    {
      schema: {
        tags: ['compliance'],
        summary: 'List subjects past a retention clock; apply=true writes the dated report',
        description:
          'Nothing but the report is written: no subject or data is changed. Re-running the same day with ' +
          'the same result rewrites the same report.',
        body: Type.Optional(SweepBody),
        response: responses({ 200: SweepResult }, 400, 403),
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const asOf =
        body.as_of === undefined ? undefined : new Date(validTimestamp(body.as_of, 'as_of'));
      const result = await services.retention.run(request.ctx, {
        ...(asOf !== undefined && { asOf }),
        apply: body.apply === true,
      });
      return {
        as_of: result.asOf,
        date: result.date,
        applied: result.applied,
        report: result.report,
        counts: result.counts,
        subjects: result.cases.map(retentionCaseJson),
      };
    },
  );
}
