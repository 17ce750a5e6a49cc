import { createHash } from 'node:crypto';
import { chmod, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, uuidv7 } from '../../core/index.js';
import { PHOTO_EXTENSIONS, type PhotoType } from './photo-type.js';

/** A photo written to the private store. */
export interface StoredPhoto {
  /** Relative to the store's root, with `/` separators: `subjects/<storage key>/<uuidv7>.jpg`. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

const STORAGE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Biometric photos on local disk under a private root (`<dataDir>/private`), one directory per
 * subject (`subjects/<storage key>/`, mode 0700), one file per upload (mode 0600) under a fresh
 * name, so a new photo never overwrites the one the manifest still points at.
 */
export class PhotoStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  /** The store of a data directory: `<dataDir>/private`. */
  static forDataDir(dataDir: string): PhotoStore {
    return new PhotoStore(path.join(dataDir, 'private'));
  }

  get root(): string {
    return this.#root;
  }

  /** Writes the bytes durably (file and directory entry synced) under a new unique name. */
  async write(storageKey: string, bytes: Buffer, type: PhotoType): Promise<StoredPhoto> {
    if (!STORAGE_KEY.test(storageKey))
      throw new Error(`storage key ${JSON.stringify(storageKey)} is not file-system safe`);
    const dir = await this.#privateDir(storageKey);
    const relative = `subjects/${storageKey}/${uuidv7()}${PHOTO_EXTENSIONS[type]}`;
    const file = this.absolute(relative);
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // the mode given to open is narrowed by the umask, never widened
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    } finally {
      await handle.close();
    }
    await syncDirectory(dir);
    return {
      path: relative,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  /** Removes a photo; a photo already gone is not an error. */
  async remove(relative: string): Promise<void> {
    await rm(this.absolute(relative), { force: true });
  }

  /** The absolute path of a stored photo; refuses a path leading out of the root. */
  absolute(relative: string): string {
    const file = path.resolve(this.#root, ...relative.split('/'));
    if (!file.startsWith(this.#root + path.sep))
      throw new Error(`photo path ${JSON.stringify(relative)} leads out of the private store`);
    return file;
  }

  /** `<root>/subjects/<key>`, every level owner-only (mkdir's mode is narrowed by the umask). */
  async #privateDir(storageKey: string): Promise<string> {
    const subjects = path.join(this.#root, 'subjects');
    const dir = path.join(subjects, storageKey);
    for (const level of [this.#root, subjects, dir]) {
      await mkdir(level, { recursive: true, mode: 0o700 });
      await chmod(level, 0o700);
    }
    return dir;
  }
}
