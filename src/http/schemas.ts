import { Type, type TSchema } from '@sinclair/typebox';

/** `{ "error": { "code", "message", "details"? } }` — the one error shape of every route. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every error, on every route' },
);

const errorRef = Type.Ref('ErrorResponse');

/** Response map for a route: the success schema plus the standard error statuses. */
export function responses(
  success: Record<number, TSchema>,
  ...errorStatuses: number[]
): Record<number, TSchema> {
  const map: Record<number, TSchema> = { ...success, 401: errorRef, 500: errorRef };
  for (const status of errorStatuses) map[status] = errorRef;
  return map;
}

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
