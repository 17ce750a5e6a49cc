import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, createContext, fixedClock } from '../../src/core/index.js';
import { JournalService } from '../../src/journal/index.js';
import { Metastore } from '../../src/metastore/index.js';

export interface MetastoreFixture {
  readonly url: string;
  dispose(): Promise<void>;
}

const ctx = createContext(SYSTEM_PRINCIPAL, 'system', {
  clock: fixedClock('2026-03-04T05:06:07.008Z'),
});

/** What every metastore backend must do; run against SQLite and PostgreSQL. */
export function runMetastoreContract(
  name: string,
  create: () => Promise<MetastoreFixture | null>,
): void {
  describe(`metastore contract: ${name}`, () => {
    let fixture: MetastoreFixture | null;
    let metastore: Metastore;
    let journal: JournalService;

    beforeAll(async () => {
      fixture = await create();
      if (!fixture) return;
      metastore = await Metastore.open(fixture.url);
      journal = new JournalService(metastore);
    });
    afterAll(async () => {
      await metastore?.close();
      await fixture?.dispose();
    });
    const run = (title: string, body: () => Promise<void>) =>
      it(title, async (test) => {
        if (!fixture) return test.skip();
        await body();
      });

    run('applies migrations once and re-opening is a no-op', async () => {
      const again = await Metastore.open(fixture!.url);
      await again.ping();
      await again.close();
      const tables = await metastore.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const table of ['principals', 'api_keys', 'buckets', 'journal_events'])
        expect(names).toContain(table);
    });

    run('commits a transaction with its journal event', async () => {
      await metastore.transaction(async (tx) => {
        await tx.insertInto('buckets').values(bucketRow('committed')).execute();
        await journal.record(tx, ctx, {
          entityType: 'bucket',
          entityId: 'committed',
          action: 'create',
        });
      });
      expect(await bucketNames()).toContain('committed');
      const events = await journal.history(ctx, 'committed');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: 'system',
        source: 'system',
        ts: '2026-03-04T05:06:07.008Z',
      });
    });

    run('rolls back the change and its event together', async () => {
      await expect(
        metastore.transaction(async (tx) => {
          await tx.insertInto('buckets').values(bucketRow('rolled-back')).execute();
          await journal.record(tx, ctx, {
            entityType: 'bucket',
            entityId: 'rolled-back',
            action: 'create',
          });
          throw new Error('fail after writing');
        }),
      ).rejects.toThrow('fail after writing');
      expect(await bucketNames()).not.toContain('rolled-back');
      expect(await journal.history(ctx, 'rolled-back')).toEqual([]);
    });

    run('refuses UPDATE and DELETE of journal events at the database', async () => {
      await metastore.transaction((tx) =>
        journal.record(tx, ctx, { entityType: 't', entityId: 'immutable', action: 'x' }),
      );
      await expect(
        sql`UPDATE journal_events SET action = 'changed' WHERE entity_id = 'immutable'`.execute(
          metastore.db,
        ),
      ).rejects.toThrow(/immutable/);
      await expect(
        sql`DELETE FROM journal_events WHERE entity_id = 'immutable'`.execute(metastore.db),
      ).rejects.toThrow(/immutable/);
      expect((await journal.history(ctx, 'immutable'))[0]?.action).toBe('x');
    });

    run('keeps JSON values exact and events in order', async () => {
      const value = {
        big: '9007199254740993',
        nested: { list: [1, 'two', null] },
        text: 'ünïcödé "quoted"',
      };
      for (let i = 0; i < 5; i += 1) {
        await metastore.transaction((tx) =>
          journal.record(tx, ctx, {
            entityType: 'order',
            entityId: 'ordered',
            action: `step-${i}`,
            newValue: value,
          }),
        );
      }
      const events = await journal.history(ctx, 'ordered');
      expect(events.map((e) => e.action)).toEqual([
        'step-0',
        'step-1',
        'step-2',
        'step-3',
        'step-4',
      ]);
      expect(events[4]!.newValue).toEqual(value);
      const ids = events.map((e) => e.id);
      expect([...ids].sort()).toEqual(ids);
    });

    run('runs concurrent transactions without losing writes', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          metastore.transaction(async (tx) => {
            await tx
              .insertInto('buckets')
              .values(bucketRow(`parallel-${i}`))
              .execute();
            await journal.record(tx, ctx, {
              entityType: 'bucket',
              entityId: `parallel-${i}`,
              action: 'create',
            });
          }),
        ),
      );
      const names = await bucketNames();
      expect(names.filter((n) => n.startsWith('parallel-'))).toHaveLength(20);
      const stats = await journal.stats(ctx);
      expect(stats.byEntityType['bucket']).toBeGreaterThanOrEqual(21);
    });

    run('enforces unique key hashes', async () => {
      await metastore.db
        .insertInto('principals')
        .values({
          id: 'p1',
          name: 'p',
          kind: 'user',
          roles: '["analyst"]',
          created_at: 'x',
          created_by: 'y',
          disabled_at: null,
        })
        .execute();
      const key = {
        principal_id: 'p1',
        name: 'k',
        key_hash: 'h',
        key_hint: 'h',
        created_at: 'x',
        created_by: 'y',
      };
      await metastore.db
        .insertInto('api_keys')
        .values({ id: 'k1', ...key })
        .execute();
      await expect(
        metastore.db
          .insertInto('api_keys')
          .values({ id: 'k2', ...key })
          .execute(),
      ).rejects.toThrow();
    });

    async function bucketNames(): Promise<string[]> {
      return (await metastore.db.selectFrom('buckets').select('name').execute()).map((r) => r.name);
    }
  });
}

function bucketRow(name: string) {
  return {
    name,
    backend: 'local',
    protected: 0,
    created_at: '2026-01-01T00:00:00.000Z',
    created_by: 'test',
  };
}
