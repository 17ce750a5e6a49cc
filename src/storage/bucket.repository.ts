import type { Executor } from '../metastore/index.js';
import type { Bucket } from './bucket.js';

interface BucketRow {
  name: string;
  backend: string;
  protected: number;
  created_at: string;
  created_by: string;
}

export async function selectBuckets(db: Executor): Promise<Bucket[]> {
  const rows = await db.selectFrom('buckets').selectAll().orderBy('name').execute();
  return rows.map(toBucket);
}

export async function selectBucket(db: Executor, name: string): Promise<Bucket | undefined> {
  const row = await db
    .selectFrom('buckets')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toBucket(row);
}

export async function insertBucket(db: Executor, bucket: Bucket): Promise<void> {
  await db
    .insertInto('buckets')
    .values({
      name: bucket.name,
      backend: bucket.backend,
      protected: bucket.protected ? 1 : 0,
      created_at: bucket.createdAt,
      created_by: bucket.createdBy,
    })
    .execute();
}

export async function deleteBucketRow(db: Executor, name: string): Promise<void> {
  await db.deleteFrom('buckets').where('name', '=', name).execute();
}

function toBucket(row: BucketRow): Bucket {
  return {
    name: row.name,
    backend: 'local',
    protected: row.protected === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
