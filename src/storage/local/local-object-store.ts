import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncDirectory, AppError, NotFoundError, uuidv7 } from '../../core/index.js';
import { validateKeyPrefix, validateObjectKey } from '../object-key.js';
import type {
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  StagedObject,
  WriteOptions,
} from '../object-store.js';

/**
 * Objects as files under `root`. A write goes to a temp file in `stagingDir` (same
 * filesystem), is fsynced, then renamed into place and the directory fsynced: readers
 * see the old file or the complete new one. Leftover temp files after a crash are never
 * visible under a key and are swept by `sweepStaging`.
 */
export class LocalObjectStore implements ObjectStore {
  readonly #root: string;
  readonly #staging: string;

  constructor(root: string, stagingDir: string) {
    this.#root = path.resolve(root);
    this.#staging = path.resolve(stagingDir);
  }

  get root(): string {
    return this.#root;
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.#path(key));
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await stat(this.#path(key));
      return info.isFile() ? { key, size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if (isNoEntry(error)) return null;
      throw error;
    }
  }

  async put(key: string, body: ObjectBody, options: WriteOptions = {}): Promise<ObjectInfo> {
    this.#path(key); // validate before reading the body
    const staged = await this.stage(body, options);
    try {
      return await staged.commit(key);
    } finally {
      await staged.abort();
    }
  }

  async stage(body: ObjectBody, options: WriteOptions = {}): Promise<StagedObject> {
    await mkdir(this.#staging, { recursive: true });
    const temp = path.join(this.#staging, `${uuidv7()}.tmp`);
    try {
      const { size, sha256 } = await writeSynced(temp, body, options.maxBytes);
      return this.#staged(temp, size, sha256);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async stageFile(localPath: string): Promise<StagedObject> {
    const resolved = path.resolve(localPath);
    if (!resolved.startsWith(this.#staging + path.sep)) {
      throw new Error(`stageFile takes files inside the staging area, not ${resolved}`);
    }
    const hash = createHash('sha256');
    let size = 0;
    const handle = await open(resolved, 'r+');
    try {
      for await (const chunk of handle.createReadStream({
        autoClose: false,
      }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        hash.update(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    return this.#staged(resolved, size, hash.digest('hex'));
  }

  async delete(key: string): Promise<boolean> {
    const file = this.#path(key);
    try {
      await unlink(file);
    } catch (error) {
      if (isNoEntry(error)) return false;
      throw error;
    }
    await syncDirectory(path.dirname(file));
    await this.#pruneEmptyDirs(path.dirname(file));
    return true;
  }

  async list(prefix = ''): Promise<ObjectInfo[]> {
    validateKeyPrefix(prefix);
    // Start the walk at the deepest folder the prefix names; filter the rest by name.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: ObjectInfo[] = [];
    await this.#walk(folder, prefix, found);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async createReadStream(key: string): Promise<Readable> {
    const file = this.#path(key);
    const handle = await open(file, 'r').catch((error: unknown) => {
      throw notFoundOr(error, key);
    });
    // Reading from an open handle keeps serving the old bytes even if a put replaces the file.
    return handle.createReadStream({ autoClose: true });
  }

  localPath(key: string): string {
    return this.#path(key);
  }

  /** Removes temp files older than `olderThanMs` (left behind by a crash). */
  async sweepStaging(olderThanMs = 0): Promise<number> {
    const names = await readdir(this.#staging).catch(() => [] as string[]);
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.#staging, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs <= cutoff) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #staged(temp: string, size: number, sha256: string): StagedObject {
    let done = false;
    const commit = async (key: string): Promise<ObjectInfo> => {
      const target = this.#path(key);
      await renameIntoPlace(temp, target);
      done = true;
      await syncDirectory(path.dirname(target));
      return { key, size, modifiedAt: new Date() };
    };
    const abort = async (): Promise<void> => {
      if (!done) await rm(temp, { force: true });
      done = true;
    };
    return { size, sha256, commit, abort };
  }

  #path(key: string): string {
    validateObjectKey(key);
    const resolved = path.resolve(this.#root, key);
    // Belt and braces: validation already forbids this, the resolved path proves it.
    if (!resolved.startsWith(this.#root + path.sep)) {
      throw new AppError('invalid_object_key', 'invalid object key: it escapes the bucket root');
    }
    return resolved;
  }

  async #walk(folder: string, prefix: string, found: ObjectInfo[]): Promise<void> {
    const dir = folder === '' ? this.#root : path.join(this.#root, folder);
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (isNoEntry(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      const key = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (prefix.startsWith(`${key}/`) || key.startsWith(prefix))
          await this.#walk(key, prefix, found);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const info = await stat(path.join(dir, entry.name)).catch(() => null);
        if (info) found.push({ key, size: info.size, modifiedAt: info.mtime });
      }
    }
  }

  async #pruneEmptyDirs(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(this.#root + path.sep)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty, or already gone: stop
      }
      current = path.dirname(current);
    }
  }
}

async function writeSynced(
  file: string,
  body: ObjectBody,
  maxBytes: number | undefined,
): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) {
        callback(
          new AppError('payload_too_large', `object exceeds the limit of ${maxBytes} bytes`),
        );
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.from([toBuffer(body)]);
  const out = createWriteStream(file, { flags: 'wx' });
  await pipeline(source, meter, out);
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

async function renameIntoPlace(temp: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await rename(temp, target);
  } catch (error) {
    // A concurrent delete may have pruned the freshly made folder; make it again once.
    if (!isNoEntry(error)) throw error;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temp, target);
  }
}

function toBuffer(body: Buffer | Uint8Array | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
}

function isNoEntry(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function notFoundOr(error: unknown, key: string): unknown {
  if (isNoEntry(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') {
    return new NotFoundError('object_not_found', `no object with key ${key}`);
  }
  return error;
}
