import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requireAdmin,
  uuidv7,
  type RequestContext,
} from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore } from '../metastore/index.js';
import { PROTECTED_BUCKETS, validateBucketName, type Bucket } from './bucket.js';
import * as repo from './bucket.repository.js';
import { LocalObjectStore } from './local/local-object-store.js';
import type { ObjectStore } from './object-store.js';

/** Named buckets: a registry in the metastore, each backed by its own object store. */
export class BucketService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  readonly #dataDir: string;

  constructor(metastore: Metastore, journal: JournalService, dataDir: string) {
    this.#metastore = metastore;
    this.#journal = journal;
    this.#dataDir = dataDir;
  }

  /** Makes sure the protected buckets exist and every bucket has its folder. */
  async ensureDefaults(ctx: RequestContext): Promise<void> {
    for (const name of PROTECTED_BUCKETS) {
      await this.#metastore.transaction(async (tx) => {
        if (await repo.selectBucket(tx, name)) return;
        await this.#insert(tx, ctx, name, true);
      });
    }
    for (const bucket of await repo.selectBuckets(this.#metastore.db)) {
      await mkdir(this.#bucketDir(bucket.name), { recursive: true });
    }
    await mkdir(this.#stagingDir(), { recursive: true });
    await this.#stagingStore().sweepStaging(60 * 60_000);
  }

  list(_ctx: RequestContext): Promise<Bucket[]> {
    return repo.selectBuckets(this.#metastore.db);
  }

  async get(_ctx: RequestContext, name: string): Promise<Bucket> {
    const bucket = await repo.selectBucket(this.#metastore.db, name);
    if (!bucket) throw await this.#notFound(name);
    return bucket;
  }

  async create(ctx: RequestContext, name: string): Promise<Bucket> {
    requireAdmin(ctx, 'creating buckets');
    validateBucketName(name);
    await this.#metastore.transaction(async (tx) => {
      if (await repo.selectBucket(tx, name)) {
        throw new ConflictError('bucket_exists', `bucket ${name} already exists`);
      }
      await this.#insert(tx, ctx, name, false);
      // The folder exists before the bucket becomes visible.
      await mkdir(this.#bucketDir(name), { recursive: true });
    });
    return this.get(ctx, name);
  }

  async delete(ctx: RequestContext, name: string): Promise<void> {
    requireAdmin(ctx, 'deleting buckets');
    await this.#metastore.transaction(async (tx) => {
      const bucket = await repo.selectBucket(tx, name);
      if (!bucket) throw await this.#notFound(name);
      if (bucket.protected) {
        throw new ForbiddenError(
          `bucket ${name} is protected and cannot be deleted`,
          { bucket: name },
          'bucket_protected',
        );
      }
      if (!(await isEmptyDir(this.#bucketDir(name)))) {
        throw new ConflictError(
          'bucket_not_empty',
          `bucket ${name} is not empty; delete its objects first`,
        );
      }
      await repo.deleteBucketRow(tx, name);
      await this.#journal.record(tx, ctx, {
        entityType: 'bucket',
        entityId: name,
        action: 'delete',
        oldValue: { name, backend: bucket.backend },
      });
    });
    await rm(this.#bucketDir(name), { recursive: true, force: true });
  }

  /** The object store of an existing bucket (404 naming the valid buckets otherwise). */
  async store(ctx: RequestContext, name: string): Promise<ObjectStore> {
    await this.get(ctx, name);
    return new LocalObjectStore(this.#bucketDir(name), this.#stagingDir());
  }

  /** A fresh path in the staging area, for engines that write files themselves. */
  stagingPath(suffix: string): string {
    return path.join(this.#stagingDir(), `${uuidv7()}${suffix}`);
  }

  #stagingStore(): LocalObjectStore {
    return new LocalObjectStore(path.join(this.#dataDir, 'buckets'), this.#stagingDir());
  }

  async #insert(
    tx: Parameters<typeof repo.insertBucket>[0],
    ctx: RequestContext,
    name: string,
    isProtected: boolean,
  ) {
    const bucket: Bucket = {
      name,
      backend: 'local',
      protected: isProtected,
      createdAt: ctx.clock.now().toISOString(),
      createdBy: ctx.principal.id,
    };
    await repo.insertBucket(tx, bucket);
    await this.#journal.record(tx, ctx, {
      entityType: 'bucket',
      entityId: name,
      action: 'create',
      newValue: { name, backend: bucket.backend, protected: isProtected },
    });
  }

  async #notFound(name: string): Promise<NotFoundError> {
    const valid = (await repo.selectBuckets(this.#metastore.db)).map((b) => b.name);
    return new NotFoundError(
      'bucket_not_found',
      `no bucket named ${name}; valid buckets: ${valid.join(', ')}`,
      {
        valid_buckets: valid,
      },
    );
  }

  #bucketDir(name: string): string {
    return path.join(this.#dataDir, 'buckets', name);
  }

  #stagingDir(): string {
    return path.join(this.#dataDir, 'staging');
  }
}

async function isEmptyDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.length === 0;
}
