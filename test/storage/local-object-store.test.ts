import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/storage/index.js';
import { tempDir } from '../support/temp.js';
import { runObjectStoreContract } from './object-store.contract.js';

runObjectStoreContract('local filesystem', async () => {
  const temp = tempDir('store');
  const store = new LocalObjectStore(path.join(temp.dir, 'root'), path.join(temp.dir, 'staging'));
  return { store, dispose: async () => temp.remove() };
});

describe('LocalObjectStore specifics', () => {
  it('never writes outside its root, even for refused keys', async () => {
    const temp = tempDir('store');
    const store = new LocalObjectStore(path.join(temp.dir, 'root'), path.join(temp.dir, 'staging'));
    for (const key of ['../escape', '../../escape', '/tmp/escape']) {
      await expect(store.put(key, 'x')).rejects.toMatchObject({ code: 'invalid_object_key' });
    }
    expect(existsSync(path.join(temp.dir, 'escape'))).toBe(false);
    expect(readdirSync(temp.dir)).toEqual([]); // refused before anything was staged
    temp.remove();
  });

  it('sweeps leftover staging files and prunes empty folders on delete', async () => {
    const temp = tempDir('store');
    const root = path.join(temp.dir, 'root');
    const store = new LocalObjectStore(root, path.join(temp.dir, 'staging'));
    await store.stage('left behind by a crash');
    expect(await store.sweepStaging(0)).toBe(1);
    await store.put('deep/folder/file', 'x');
    await store.delete('deep/folder/file');
    expect(existsSync(path.join(root, 'deep'))).toBe(false);
    temp.remove();
  });
});
