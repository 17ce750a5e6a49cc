import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MAX_JSON_ROWS } from '../../ingest/index.js';
import type { Services } from '../../services.js';
import { datasetJson, DatasetSchema } from './catalog.schemas.js';
import { responses } from '../schemas.js';

const ROWS_BODY_LIMIT = 32 * 1024 * 1024;

/** Small JSON batches of whole rows, upserted by the dataset's row key. */
export async function rowsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Params: { name: string }; Body: { rows: Record<string, unknown>[] } }>(
    '/catalog/datasets/:name/rows',
    {
      // 10,000 whole rows of a wide dataset are several MB: more than the general JSON limit.
      bodyLimit: ROWS_BODY_LIMIT,
      schema: {
        tags: ['catalog'],
        summary: 'Upsert whole rows by the row key (latest wins); deleting is done by tombstones',
        description:
          'Every row carries every column of the dataset (null for no value). Values are cast to the ' +
          'column types exactly (send 64-bit integers and decimals as strings to keep every digit); ' +
          'a batch with any bad row, a NULL key or a tombstoned key changes nothing. ' +
          `At most ${MAX_JSON_ROWS} rows and 32 MiB; upload a file with mode=upsert for more.`,
        params: Type.Object({ name: Type.String() }),
        body: Type.Object(
          {
            rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
              minItems: 1,
              maxItems: MAX_JSON_ROWS,
            }),
          },
          { additionalProperties: false },
        ),
        response: responses(
          {
            200: Type.Object({
              snapshot_id: Type.String(),
              rows_received: Type.Integer(),
              rows_inserted: Type.Integer(),
              rows_updated: Type.Integer(),
              dataset: DatasetSchema,
            }),
          },
          400,
          403,
          404,
          409,
          413,
        ),
      },
    },
    async (request) => {
      const result = await services.ingest.upsertRows(
        request.ctx,
        request.params.name,
        request.body.rows,
      );
      return {
        snapshot_id: result.snapshotId,
        rows_received: result.upsert!.received,
        rows_inserted: result.upsert!.inserted,
        rows_updated: result.upsert!.updated,
        dataset: datasetJson(result.dataset),
      };
    },
  );
}
