import { AppError } from '../core/index.js';
import { parquetScan, quoteIdentifier } from '../query/sql-text.js';
import type { FileKind } from './snapshot.js';

/** A data file of a snapshot where the engine can read it. */
export interface LocatedFile {
  readonly path: string;
  readonly kind: FileKind;
}

const RANK = '__lakehouse_delta_rank';

/**
 * The SQL relation holding a snapshot's rows: its base files, with every key that a delta
 * file carries replaced by that key's latest version ("latest wins": later delta files beat
 * earlier ones; each delta file holds one row per key, deduplicated when it was written).
 * A snapshot without deltas is a plain scan of its files, at no extra cost.
 */
export function datasetRelation(files: readonly LocatedFile[], keyColumn: string | null): string {
  const base = files.filter((f) => f.kind === 'base').map((f) => f.path);
  const deltas = files.filter((f) => f.kind === 'delta').map((f) => f.path);
  if (deltas.length === 0) return parquetScan(base);
  if (keyColumn === null) {
    throw new AppError(
      'internal',
      'a dataset with delta files has no row key; compact it before removing the key',
    );
  }
  const key = quoteIdentifier(keyColumn);
  const latest = latestDeltaRows(deltas, key);
  if (base.length === 0) return `(${latest})`;
  const deltaKeys = deltas.map((path) => `SELECT ${key} FROM ${parquetScan([path])}`);
  const unchanged =
    `SELECT b.* FROM ${parquetScan(base)} AS b ANTI JOIN (${deltaKeys.join(' UNION ALL ')}) AS d ` +
    `ON b.${key} = d.${key}`;
  return `(${unchanged} UNION ALL BY NAME ${latest})`;
}

/** One row per key across the delta files: the one from the latest file. */
function latestDeltaRows(deltas: readonly string[], key: string): string {
  if (deltas.length === 1) return `SELECT * FROM ${parquetScan(deltas)}`;
  const ranked = deltas
    .map((path, rank) => `SELECT *, ${rank} AS ${RANK} FROM ${parquetScan([path])}`)
    .join(' UNION ALL BY NAME ');
  return (
    `SELECT * EXCLUDE (${RANK}) FROM (${ranked}) ` +
    `QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY ${RANK} DESC) = 1`
  );
}
