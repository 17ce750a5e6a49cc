import type { KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import {
  AUDIT_SCHEMA,
  AuditChainService,
  GENESIS,
  canonicalJson,
  hmacHex,
  sha256Hex,
  type AuditRecord,
} from '../../src/compliance/audit/index.js';
import { withSubjectLocks } from '../../src/compliance/audit/subject-lock.js';
import { Metastore } from '../../src/metastore/index.js';
import { entry, newSubject, storedRow, testKey } from './support/audit-fixtures.js';
import { runTamperingCases } from './audit-tampering.cases.js';

export interface AuditFixture {
  readonly url: string;
  dispose(): Promise<void>;
}

export interface AuditContext {
  readonly metastore: Metastore;
  readonly audit: AuditChainService;
  readonly key: KeyObject;
  /** A subject with `rows` rows appended one after another. */
  chainOf(rows: number): Promise<{ subjectId: string; records: AuditRecord[] }>;
}

const NOW = '2026-03-04T05:06:07.008Z';

/** What the audit chain must do on every metastore; run against SQLite and PostgreSQL. */
export function runAuditChainContract(
  name: string,
  create: () => Promise<AuditFixture | null>,
): void {
  describe(`audit chain: ${name}`, () => {
    let fixture: AuditFixture | null;
    const context = {} as { -readonly [K in keyof AuditContext]: AuditContext[K] };

    beforeAll(async () => {
      fixture = await create();
      if (!fixture) return;
      context.metastore = await Metastore.open(fixture.url);
      context.key = testKey();
      context.audit = new AuditChainService(context.metastore, {
        key: context.key,
        clock: fixedClock(NOW),
      });
      context.chainOf = async (rows) => {
        const subjectId = newSubject();
        const records: AuditRecord[] = [];
        for (let i = 0; i < rows; i += 1)
          records.push(await context.audit.append(subjectId, entry()));
        return { subjectId, records };
      };
    });
    afterAll(async () => {
      await context.metastore?.close();
      await fixture?.dispose();
    });
    const run = (title: string, body: () => Promise<void>) =>
      it(title, async (test) => {
        if (!fixture) return test.skip();
        await body();
      });

    run(
      'chains the first row to GENESIS and each next row to the hash of the one before',
      async () => {
        const { audit, key } = context;
        const subjectId = newSubject();
        const first = await audit.append(subjectId, entry());
        const second = await audit.append(subjectId, entry({ result: 'denied' }));
        expect(first.row).toMatchObject({
          schema: AUDIT_SCHEMA,
          ts: NOW,
          subject_id: subjectId,
          accessor: {
            principal: 'p-analyst',
            kind: 'user',
            purpose: 'placement review',
            trace_id: 't-1',
          },
          fields_accessed: ['email', 'phone'],
          result: 'success',
          prev_hash: GENESIS,
        });
        const { row_hmac: mac, ...unsigned } = first.row;
        expect(mac).toBe(hmacHex(key, canonicalJson(unsigned)));
        expect(first.hash).toBe(sha256Hex(canonicalJson(first.row)));
        expect(second).toMatchObject({ seq: 2, row: { prev_hash: first.hash, result: 'denied' } });
        expect(await audit.tip(subjectId)).toEqual({
          subjectId,
          seq: 2,
          hash: second.hash,
          updatedAt: NOW,
        });
        expect(await audit.verify(subjectId)).toEqual({
          ok: true,
          subjectId,
          rows: 2,
          tip: { subjectId, seq: 2, hash: second.hash, updatedAt: NOW },
        });
      },
    );

    run(
      'stores the canonical JSON text and indexed copies of ts, result and principal',
      async () => {
        const subjectId = newSubject();
        const record = await context.audit.append(subjectId, entry({ result: 'not_found' }));
        expect(await storedRow(context.metastore, subjectId, 1)).toEqual({
          subject_id: subjectId,
          seq: 1,
          ts: NOW,
          result: 'not_found',
          principal: 'p-analyst',
          row_json: canonicalJson(record.row),
        });
      },
    );

    run('serializes 50 concurrent appends to one subject into one intact chain', async () => {
      const { audit } = context;
      const subjectId = newSubject();
      const traceIds = Array.from({ length: 50 }, (_, i) => `trace-${i}`);
      const records = await Promise.all(
        traceIds.map((traceId) =>
          audit.append(subjectId, entry({ accessor: { ...entry().accessor, traceId } })),
        ),
      );
      expect(records.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(await audit.count(subjectId)).toBe(50);
      const rows = await audit.rows(subjectId);
      expect(new Set(rows.map((r) => r.row.accessor.trace_id))).toEqual(new Set(traceIds));
      expect(await audit.verify(subjectId)).toMatchObject({ ok: true, rows: 50 });
    });

    run(
      'serializes 50 concurrent appendMany calls to one subject (each its own commit)',
      async () => {
        const { audit } = context;
        const subjectId = newSubject();
        // appendMany bypasses group commit: 50 transactions race for the subject's lock.
        const batches = await Promise.all(
          Array.from({ length: 50 }, () => audit.appendMany([{ subjectId, entry: entry() }])),
        );
        expect(batches.map(([r]) => r!.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 50 }, (_, i) => i + 1),
        );
        expect(await audit.verify(subjectId)).toMatchObject({ ok: true, rows: 50 });
      },
    );

    run('an append that fails does not fail the appends committed with it', async () => {
      const { audit, metastore } = context;
      const [good, bad] = [newSubject(), newSubject()];
      await metastore.db.insertInto('audit_rows').values(forgedRow(bad, 1)).execute();
      const outcomes = await Promise.allSettled([
        audit.append(good, entry()),
        audit.append(good, entry()),
        audit.append(bad, entry()),
        audit.append(good, entry()),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(outcomes[2]).toMatchObject({
        reason: {
          code: 'audit_write_failed',
          message: `could not append to the audit chain of subject ${bad}`,
        },
      });
      expect(await audit.verify(good)).toMatchObject({ ok: true, rows: 3 });
    });

    run('appends to many subjects at once, each chain intact', async () => {
      const { audit } = context;
      const subjects = Array.from({ length: 20 }, () => newSubject());
      await Promise.all(
        subjects.flatMap((subjectId) =>
          Array.from({ length: 5 }, () => audit.append(subjectId, entry())),
        ),
      );
      for (const subjectId of subjects)
        expect(await audit.verify(subjectId)).toMatchObject({ ok: true, rows: 5 });
    });

    run('appendMany chains the items in order, across subjects, in one commit', async () => {
      const { audit } = context;
      const [a, b] = [newSubject(), newSubject()];
      const records = await audit.appendMany([
        { subjectId: a, entry: entry() },
        { subjectId: b, entry: entry() },
        { subjectId: a, entry: entry({ result: 'error' }) },
      ]);
      expect(records.map((r) => [r.row.subject_id, r.seq])).toEqual([
        [a, 1],
        [b, 1],
        [a, 2],
      ]);
      expect(records[2]!.row.prev_hash).toBe(records[0]!.hash);
      expect(await audit.verify(a)).toMatchObject({ ok: true, rows: 2 });
      expect(await audit.verify(b)).toMatchObject({ ok: true, rows: 1 });
      expect(await audit.appendMany([])).toEqual([]);
    });

    run('appendMany is all or nothing', async () => {
      const { audit, metastore } = context;
      const [a, b] = [newSubject(), newSubject()];
      // A row at b's next position that did not come through the chain: b's insert collides.
      await metastore.db.insertInto('audit_rows').values(forgedRow(b, 1)).execute();
      const failure = audit.appendMany([
        { subjectId: a, entry: entry() },
        { subjectId: b, entry: entry() },
      ]);
      await expect(failure).rejects.toMatchObject({
        code: 'audit_write_failed',
        message: 'could not append to the audit chain of 2 subjects',
      });
      expect(await audit.count(a)).toBe(0);
      expect(await audit.tip(a)).toBeNull();
    });

    run(
      'an append colliding with a stored row fails with audit_write_failed and writes nothing',
      async () => {
        const { audit, metastore } = context;
        const subjectId = newSubject();
        const first = await audit.append(subjectId, entry());
        await metastore.db.insertInto('audit_rows').values(forgedRow(subjectId, 2)).execute();
        const failure = audit.append(subjectId, entry());
        await expect(failure).rejects.toMatchObject({
          code: 'audit_write_failed',
          message: `could not append to the audit chain of subject ${subjectId}`,
        });
        await expect(failure).rejects.toHaveProperty('cause');
        expect(await audit.tip(subjectId)).toMatchObject({ seq: 1, hash: first.hash });
      },
    );

    run('refuses invalid entries before writing anything', async () => {
      const { audit } = context;
      const subjectId = newSubject();
      const refusal = (promise: Promise<unknown>, message: string) =>
        expect(promise).rejects.toMatchObject({ code: 'validation_failed', message });
      await refusal(
        audit.append('', entry()),
        'audit subject id must be a non-empty string of at most 200 characters',
      );
      await refusal(
        audit.append(subjectId, entry({ result: 'maybe' as never })),
        'audit result must be one of success, not_found, denied, error',
      );
      await refusal(
        audit.append(subjectId, entry({ accessor: { ...entry().accessor, purpose: '' } })),
        'audit accessor.purpose must be a non-empty string',
      );
      await refusal(
        audit.append(subjectId, entry({ fieldsAccessed: ['email', 3 as never] })),
        'audit fieldsAccessed must be an array of non-empty strings',
      );
      await refusal(
        audit.append(subjectId, entry({ fieldsAccessed: ['bad \ud800 name'] })),
        'audit entry has no canonical JSON form ($.fieldsAccessed[0]: string holds a lone UTF-16 surrogate)',
      );
      await refusal(
        audit.appendMany([
          { subjectId, entry: entry() },
          { subjectId, entry: entry({ accessor: { ...entry().accessor, kind: '' } }) },
        ]),
        'audit accessor.kind must be a non-empty string',
      );
      expect(await audit.count(subjectId)).toBe(0);
    });

    run('reads rows by seq range, the tip and counts', async () => {
      const { audit } = context;
      const { subjectId, records } = await context.chainOf(5);
      expect((await audit.rows(subjectId, { from: 2, to: 4 })).map((r) => r.seq)).toEqual([
        2, 3, 4,
      ]);
      expect(await audit.rows(subjectId)).toEqual(records);
      expect(await audit.rows(subjectId, { from: 4, to: 2 })).toEqual([]);
      expect(await audit.tip(newSubject())).toBeNull();
      expect(await audit.count(subjectId)).toBe(5);
      expect(await audit.count()).toBeGreaterThanOrEqual(5);
      expect(await audit.verify(newSubject())).toMatchObject({ ok: true, rows: 0, tip: null });
    });

    run('verifies page by page across page boundaries', async () => {
      const paged = new AuditChainService(context.metastore, {
        key: context.key,
        verifyPageSize: 3,
      });
      const { subjectId } = await context.chainOf(10);
      expect(await paged.verify(subjectId)).toMatchObject({ ok: true, rows: 10 });
      const aborted = paged.verify(subjectId, { signal: AbortSignal.abort() });
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    });

    run('the database refuses UPDATE and DELETE of rows, and DELETE of tips', async () => {
      const { metastore } = context;
      const { subjectId } = await context.chainOf(1);
      const rows = metastore.db.updateTable('audit_rows').set({ result: 'denied' });
      await expect(rows.where('subject_id', '=', subjectId).execute()).rejects.toThrow(
        'audit rows are immutable',
      );
      const remove = metastore.db.deleteFrom('audit_rows').where('subject_id', '=', subjectId);
      await expect(remove.execute()).rejects.toThrow('audit rows are immutable');
      const tip = metastore.db.deleteFrom('audit_tips').where('subject_id', '=', subjectId);
      await expect(tip.execute()).rejects.toThrow('audit tips cannot be deleted');
    });

    run('appends to another subject do not wait for a held subject lock (PostgreSQL)', async () => {
      const { audit, metastore } = context;
      // SQLite has one writer: there every append waits for the one in progress, by design.
      if (metastore.dialect !== 'postgres') return;
      const [held, other] = [newSubject(), newSubject()];
      let acquired!: () => void;
      let release!: () => void;
      const locked = new Promise<void>((resolve) => (acquired = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const holder = withSubjectLocks(metastore, [held], async () => {
        acquired();
        await released;
      });
      await locked;
      await audit.append(other, entry());
      let heldDone = false;
      const waiting = audit.append(held, entry()).then(() => (heldDone = true));
      await sleep(200);
      expect(heldDone).toBe(false);
      release();
      await holder;
      await waiting;
      expect(await audit.verify(held)).toMatchObject({ ok: true, rows: 1 });
    });

    runTamperingCases(context, run);
  });
}

/** A row written straight into the table, past the chain. */
export function forgedRow(subjectId: string, seq: number) {
  return {
    subject_id: subjectId,
    seq,
    ts: NOW,
    result: 'success',
    principal: 'intruder',
    row_json: '{"schema":"lakehouse.audit.v1"}',
  };
}
