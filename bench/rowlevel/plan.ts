/**
 * What the row-level benchmark does to `placements`, in numbers: the brief's 10K-row upserts
 * (half updates, half new keys), 10 delta files, 1,000 tombstones.
 */

/** Rows per upsert, and how many of them update an existing key (the rest are new keys). */
export const BATCH_ROWS = 10_000;
export const UPDATES_PER_BATCH = BATCH_ROWS / 2;
/** Upserts before the query and compaction figures: one delta file each. */
export const DELTA_FILES = 10;
/** Keys tombstoned, in one request. */
export const TOMBSTONES = 1_000;
/**
 * The row group size of the product's delta and compacted files (`upsert-delta.ts`,
 * `compaction.service.ts`); raw writes use it too, so both sides write the same layout.
 */
export const ROW_GROUP_SIZE = 16_384;

export const DATASET = 'placements';
export const KEY_COLUMN = 'placement_id';

/** The demo's placement ids: PLC- and seven digits, numbered from 1 in row order. */
export function placementKey(n: number): string {
  return `PLC-${String(n).padStart(7, '0')}`;
}

/** 1,000 existing keys spread evenly over the base (every 1,000th at full scale). */
export function tombstoneKeys(baseRows: number): string[] {
  const step = Math.max(1, Math.floor(baseRows / TOMBSTONES));
  return Array.from({ length: TOMBSTONES }, (_, k) => placementKey(1 + k * step));
}

/**
 * The point lookup's key: mid-table, and (at full scale) neither updated by a batch nor
 * tombstoned, so it is found in the base file.
 */
export function pointKey(baseRows: number): string {
  return placementKey(Math.floor(baseRows / 2) + 50);
}

/** One key of `stride` is updated by each batch; batch b takes the keys ≡ b (mod stride). */
export function updateStride(baseRows: number): number {
  return Math.max(1, Math.floor(baseRows / UPDATES_PER_BATCH));
}
