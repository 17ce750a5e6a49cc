import type { Readable } from 'node:stream';

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface WriteOptions {
  /** Refuse (413) and discard a body larger than this. */
  readonly maxBytes?: number;
}

export type ObjectBody = Buffer | Uint8Array | string | Readable;

/** Bytes written and synced but not yet visible under any key. */
export interface StagedObject {
  readonly size: number;
  readonly sha256: string;
  /** Makes the bytes visible under `key` atomically (replacing any object there). */
  commit(key: string): Promise<ObjectInfo>;
  /** Discards the bytes. Safe to call after commit (does nothing then). */
  abort(): Promise<void>;
}

/**
 * Object storage. Writes are atomic: a reader sees the old object or the whole new one,
 * never a part. Implementations: local filesystem now, S3-compatible later; both run
 * the contract suite in test/storage/object-store.contract.ts.
 */
export interface ObjectStore {
  get(key: string): Promise<Buffer>;
  head(key: string): Promise<ObjectInfo | null>;
  put(key: string, body: ObjectBody, options?: WriteOptions): Promise<ObjectInfo>;
  stage(body: ObjectBody, options?: WriteOptions): Promise<StagedObject>;
  /**
   * Takes over a file an engine wrote into the staging area (same filesystem), syncs it, and
   * returns it staged for commit. The file is moved, not copied.
   */
  stageFile(localPath: string): Promise<StagedObject>;
  delete(key: string): Promise<boolean>;
  list(prefix?: string): Promise<ObjectInfo[]>;
  createReadStream(key: string): Promise<Readable>;
  /** A local file path for engines that read files directly, when the store has one. */
  localPath(key: string): string | null;
}
