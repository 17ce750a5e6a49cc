import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../src/storage/index.js';

export interface ObjectStoreFixture {
  readonly store: ObjectStore;
  dispose(): Promise<void>;
}

/** The behaviour every ObjectStore must have: local filesystem now, S3 later. */
export function runObjectStoreContract(
  name: string,
  create: () => Promise<ObjectStoreFixture>,
): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let fixture: ObjectStoreFixture;
    let store: ObjectStore;
    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });
    afterEach(async () => fixture.dispose());

    it('puts and gets bytes, and heads them', async () => {
      const info = await store.put('a/b/c.txt', 'hello');
      expect(info).toMatchObject({ key: 'a/b/c.txt', size: 5 });
      expect((await store.get('a/b/c.txt')).toString()).toBe('hello');
      expect(await store.head('a/b/c.txt')).toMatchObject({ key: 'a/b/c.txt', size: 5 });
      expect(await store.head('a/b/missing')).toBeNull();
    });

    it('writes streams and reads them back as streams', async () => {
      const chunks = Array.from({ length: 100 }, (_, i) => Buffer.alloc(10_000, i));
      await store.put('big.bin', Readable.from(chunks));
      const read: Buffer[] = [];
      for await (const chunk of await store.createReadStream('big.bin')) read.push(chunk as Buffer);
      expect(Buffer.concat(read).equals(Buffer.concat(chunks))).toBe(true);
    });

    it('replaces an object atomically', async () => {
      await store.put('k', 'old');
      await store.put('k', 'new value');
      expect((await store.get('k')).toString()).toBe('new value');
    });

    it('refuses a body over maxBytes and leaves nothing behind', async () => {
      await expect(
        store.put('too-big', Buffer.alloc(101), { maxBytes: 100 }),
      ).rejects.toMatchObject({
        code: 'payload_too_large',
      });
      expect(await store.head('too-big')).toBeNull();
      expect(await store.list('')).toEqual([]);
    });

    it('keeps the old object when a replacing write fails', async () => {
      await store.put('keep', 'original');
      await expect(store.put('keep', Buffer.alloc(50), { maxBytes: 10 })).rejects.toThrow();
      expect((await store.get('keep')).toString()).toBe('original');
    });

    it('stages without making the object visible until commit', async () => {
      const staged = await store.stage('staged bytes');
      expect(staged.size).toBe(12);
      expect(staged.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.list('')).toEqual([]);
      await staged.commit('now/visible');
      expect((await store.get('now/visible')).toString()).toBe('staged bytes');
      await staged.abort(); // after commit: a no-op
      expect(await store.head('now/visible')).not.toBeNull();
    });

    it('discards an aborted stage', async () => {
      const staged = await store.stage('never');
      await staged.abort();
      expect(await store.list('')).toEqual([]);
    });

    it('deletes, reporting whether something was there', async () => {
      await store.put('x/y', '1');
      expect(await store.delete('x/y')).toBe(true);
      expect(await store.delete('x/y')).toBe(false);
      expect(await store.head('x/y')).toBeNull();
      await expect(store.get('x/y')).rejects.toMatchObject({ code: 'object_not_found' });
    });

    it('lists by prefix in key order', async () => {
      for (const key of ['b/2', 'a/1', 'a/10', 'a-z', 'b/1', 'c']) await store.put(key, key);
      expect((await store.list('')).map((o) => o.key)).toEqual([
        'a-z',
        'a/1',
        'a/10',
        'b/1',
        'b/2',
        'c',
      ]);
      expect((await store.list('a/')).map((o) => o.key)).toEqual(['a/1', 'a/10']);
      expect((await store.list('a/1')).map((o) => o.key)).toEqual(['a/1', 'a/10']);
      expect((await store.list('a')).map((o) => o.key)).toEqual(['a-z', 'a/1', 'a/10']);
      expect(await store.list('nothing/')).toEqual([]);
    });

    it.each([
      '../x',
      '/etc/passwd',
      'a\0b',
      'a/../../x',
      'a//b',
      './a',
      'a\\b',
      '',
      'a/',
      'ok/\u0007bell',
    ])('refuses the key %j', async (key) => {
      await expect(store.put(key, 'x')).rejects.toMatchObject({ code: 'invalid_object_key' });
      await expect(store.get(key)).rejects.toMatchObject({ code: 'invalid_object_key' });
      expect(await store.list('')).toEqual([]);
    });

    it('handles unicode keys', async () => {
      await store.put('résumés/Zoë Ångström.txt', 'ü');
      expect((await store.list('résumés/')).map((o) => o.key)).toEqual([
        'résumés/Zoë Ångström.txt',
      ]);
    });
  });
}
