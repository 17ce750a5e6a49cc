import type { Readable } from 'node:stream';
import { NotFoundError, requireAnyRole, type RequestContext } from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore } from '../metastore/index.js';
import type { BucketService } from './bucket.service.js';
import { validateKeyPrefix, validateObjectKey } from './object-key.js';
import type { ObjectInfo, ObjectStore } from './object-store.js';

/** Raw objects live under this folder of a bucket, apart from dataset and index files. */
const OBJECTS_FOLDER = 'objects/';
const WRITERS = ['admin', 'engineer'] as const;
export const MAX_LIST_PAGE = 1000;

export interface ObjectPage {
  readonly objects: ObjectInfo[];
  readonly nextAfter: string | null;
}

/** The raw object routes' service: every read and write authorized, every write journaled. */
export class ObjectService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  readonly #buckets: BucketService;
  readonly #maxBytes: number;

  constructor(
    metastore: Metastore,
    journal: JournalService,
    buckets: BucketService,
    maxBytes: number,
  ) {
    this.#metastore = metastore;
    this.#journal = journal;
    this.#buckets = buckets;
    this.#maxBytes = maxBytes;
  }

  get maxBytes(): number {
    return this.#maxBytes;
  }

  /**
   * Stages the body (written and synced, invisible), then in one metastore transaction
   * records the event and renames the file into place: both happen or neither does.
   */
  async put(
    ctx: RequestContext,
    bucket: string,
    key: string,
    body: Readable,
  ): Promise<ObjectInfo & { sha256: string }> {
    requireAnyRole(ctx, WRITERS, 'writing objects');
    validateObjectKey(key);
    const store = await this.#buckets.store(ctx, bucket);
    const staged = await store.stage(body, { maxBytes: this.#maxBytes });
    try {
      const existed = (await store.head(storeKey(key))) !== null;
      const info = await this.#metastore.transaction(async (tx) => {
        await this.#journal.record(tx, ctx, {
          entityType: 'object',
          entityId: `${bucket}/${key}`,
          action: existed ? 'replace' : 'create',
          newValue: { size: staged.size, sha256: staged.sha256 },
        });
        return staged.commit(storeKey(key));
      });
      return { ...info, key, sha256: staged.sha256 };
    } finally {
      await staged.abort();
    }
  }

  async open(
    ctx: RequestContext,
    bucket: string,
    key: string,
  ): Promise<{ info: ObjectInfo; stream: Readable }> {
    requireAnyRole(ctx, WRITERS, 'reading raw objects');
    validateObjectKey(key);
    const store = await this.#buckets.store(ctx, bucket);
    const info = await store.head(storeKey(key));
    if (!info) throw new NotFoundError('object_not_found', `no object ${key} in bucket ${bucket}`);
    return { info: { ...info, key }, stream: await store.createReadStream(storeKey(key)) };
  }

  async delete(ctx: RequestContext, bucket: string, key: string): Promise<void> {
    requireAnyRole(ctx, WRITERS, 'deleting objects');
    validateObjectKey(key);
    const store = await this.#buckets.store(ctx, bucket);
    await this.#metastore.transaction(async (tx) => {
      const info = await store.head(storeKey(key));
      if (!info)
        throw new NotFoundError('object_not_found', `no object ${key} in bucket ${bucket}`);
      await this.#journal.record(tx, ctx, {
        entityType: 'object',
        entityId: `${bucket}/${key}`,
        action: 'delete',
        oldValue: { size: info.size },
      });
      await store.delete(storeKey(key));
    });
  }

  async list(
    ctx: RequestContext,
    bucket: string,
    prefix = '',
    limit = MAX_LIST_PAGE,
    after?: string,
  ): Promise<ObjectPage> {
    requireAnyRole(ctx, WRITERS, 'listing objects');
    validateKeyPrefix(prefix);
    const store: ObjectStore = await this.#buckets.store(ctx, bucket);
    const all = (await store.list(storeKey(prefix)))
      .map((o) => ({ ...o, key: o.key.slice(OBJECTS_FOLDER.length) }))
      .filter((o) => after === undefined || o.key > after);
    const page = all.slice(0, Math.max(1, Math.min(MAX_LIST_PAGE, limit)));
    const nextAfter = all.length > page.length ? page[page.length - 1]!.key : null;
    return { objects: page, nextAfter };
  }
}

function storeKey(key: string): string {
  return `${OBJECTS_FOLDER}${key}`;
}
