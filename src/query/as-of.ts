import { ValidationError } from '../core/index.js';

/** A point in the past to read at: one snapshot of one dataset, or a moment for all of them. */
export type AsOf =
  | { readonly kind: 'snapshot'; readonly snapshotId: string }
  | { readonly kind: 'time'; readonly at: string };

const SNAPSHOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * `as_of` is a snapshot id or an ISO 8601 timestamp; a timestamp without a zone is UTC (the
 * server's zone must not change what a query means).
 */
export function parseAsOf(value: string): AsOf {
  const text = value.trim();
  if (SNAPSHOT_ID.test(text)) return { kind: 'snapshot', snapshotId: text.toLowerCase() };
  if (ISO_DATE_TIME.test(text)) {
    const dateOnly = text.length === 10;
    const zoned = dateOnly || HAS_ZONE.test(text) ? text : `${text.replace(' ', 'T')}Z`;
    const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : zoned.replace(' ', 'T'));
    if (!Number.isNaN(ms)) return { kind: 'time', at: new Date(ms).toISOString() };
  }
  throw new ValidationError(
    `as_of must be a snapshot id or an ISO 8601 timestamp such as 2026-01-31T12:00:00Z, got "${value}"`,
  );
}
