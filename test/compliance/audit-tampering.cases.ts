import { describe, expect } from 'vitest';
import { AuditChainService, type AuditFault } from '../../src/compliance/audit/index.js';
import type { AuditContext } from './audit-chain.contract.js';
import { forgedRow } from './audit-chain.contract.js';
import {
  deleteRow,
  dropAuditTriggers,
  moveRow,
  newSubject,
  rewriteRow,
  storedRow,
  testKey,
} from './support/audit-fixtures.js';

type Run = (title: string, body: () => Promise<void>) => void;

/**
 * Changes made past the database's refusals (triggers dropped, as a database owner could):
 * verify names the first bad row, its position and why.
 */
export function runTamperingCases(context: AuditContext, run: Run): void {
  describe('tampering', () => {
    const faultOf = async (subjectId: string, audit = context.audit): Promise<AuditFault> => {
      const result = await audit.verify(subjectId);
      if (result.ok) throw new Error(`expected ${subjectId} to fail verification`);
      return result.fault;
    };
    const chainOf = async (rows: number) => {
      await dropAuditTriggers(context.metastore);
      return context.chainOf(rows);
    };

    run('an edited row: its HMAC no longer matches', async () => {
      const { subjectId } = await chainOf(5);
      await rewriteRow(context.metastore, subjectId, 3, (row) => ({
        ...row,
        fields_accessed: ['email'],
      }));
      expect(await context.audit.verify(subjectId)).toEqual({
        ok: false,
        subjectId,
        rows: 2,
        fault: {
          row: 3,
          seq: 3,
          reason: 'hmac_mismatch',
          message: 'the row does not match its row_hmac',
        },
      });
    });

    run('an edited row_hmac', async () => {
      const { subjectId } = await chainOf(3);
      await rewriteRow(context.metastore, subjectId, 2, (row) => ({
        ...row,
        row_hmac: '00'.repeat(32),
      }));
      expect(await faultOf(subjectId)).toMatchObject({ row: 2, reason: 'hmac_mismatch' });
    });

    run('a deleted row: the seq after it is out of place', async () => {
      const { subjectId } = await chainOf(5);
      await deleteRow(context.metastore, subjectId, 3);
      expect(await faultOf(subjectId)).toEqual({
        row: 3,
        seq: 4,
        reason: 'seq_mismatch',
        message: 'expected seq 3, found 4',
      });
    });

    run('a deleted row with the rows after it renumbered: the link breaks', async () => {
      const { subjectId } = await chainOf(5);
      await deleteRow(context.metastore, subjectId, 3);
      await moveRow(context.metastore, subjectId, 4, 3);
      await moveRow(context.metastore, subjectId, 5, 4);
      expect(await faultOf(subjectId)).toEqual({
        row: 3,
        seq: 3,
        reason: 'prev_hash_mismatch',
        message: 'prev_hash does not match the hash of row 2',
      });
    });

    run('the last row deleted: the signed tip records one more', async () => {
      const { subjectId } = await chainOf(5);
      await deleteRow(context.metastore, subjectId, 5);
      expect(await faultOf(subjectId)).toEqual({
        row: 5,
        seq: null,
        reason: 'tip_mismatch',
        message: 'row 5 is missing: the tip records 5 rows',
      });
    });

    run('the last row deleted and the tip rewound without the key', async () => {
      const { subjectId, records } = await chainOf(5);
      await deleteRow(context.metastore, subjectId, 5);
      await context.metastore.db
        .updateTable('audit_tips')
        .set({ seq: 4, hash: records[3]!.hash })
        .where('subject_id', '=', subjectId)
        .execute();
      expect(await faultOf(subjectId)).toEqual({
        row: 4,
        seq: 4,
        reason: 'tip_mismatch',
        message: 'the tip does not match its tip_hmac',
      });
    });

    run('two rows swapped', async () => {
      const { subjectId } = await chainOf(5);
      await moveRow(context.metastore, subjectId, 2, 99);
      await moveRow(context.metastore, subjectId, 3, 2);
      await moveRow(context.metastore, subjectId, 99, 3);
      expect(await faultOf(subjectId)).toEqual({
        row: 2,
        seq: 2,
        reason: 'prev_hash_mismatch',
        message: 'prev_hash does not match the hash of row 1',
      });
    });

    run('a row inserted in the middle: forged, or a genuine row replayed', async () => {
      for (const [inserted, reason] of [
        ['forged', 'hmac_mismatch'],
        ['replayed', 'prev_hash_mismatch'],
      ] as const) {
        const { subjectId } = await chainOf(5);
        for (const seq of [5, 4, 3]) await moveRow(context.metastore, subjectId, seq, seq + 1);
        const first = await storedRow(context.metastore, subjectId, 1);
        const row_json =
          inserted === 'replayed' ? first.row_json : first.row_json.replace('placement', 'payroll');
        await context.metastore.db
          .insertInto('audit_rows')
          .values({ ...first, seq: 3, row_json })
          .execute();
        expect(await faultOf(subjectId)).toMatchObject({ row: 3, seq: 3, reason });
      }
    });

    run('a row added past the tip', async () => {
      const { subjectId } = await chainOf(5);
      await context.metastore.db.insertInto('audit_rows').values(forgedRow(subjectId, 6)).execute();
      expect(await faultOf(subjectId)).toEqual({
        row: 6,
        seq: 6,
        reason: 'tip_mismatch',
        message: "a row with seq 6 lies beyond the chain's tip (seq 5)",
      });
      const orphan = newSubject();
      await context.metastore.db.insertInto('audit_rows').values(forgedRow(orphan, 1)).execute();
      expect(await faultOf(orphan)).toMatchObject({ row: 1, seq: 1, reason: 'tip_mismatch' });
    });

    run('a row stored with a seq below 1', async () => {
      const { subjectId } = await chainOf(3);
      await moveRow(context.metastore, subjectId, 2, 0);
      expect(await faultOf(subjectId)).toEqual({
        row: 1,
        seq: 0,
        reason: 'seq_mismatch',
        message: 'expected seq 1, found 0',
      });
    });

    run("another subject's genuine first row put in place of this one's", async () => {
      const mine = await chainOf(2);
      const theirs = await chainOf(1);
      const stolen = await storedRow(context.metastore, theirs.subjectId, 1);
      await rewriteRow(context.metastore, mine.subjectId, 1, stolen.row_json);
      expect(await faultOf(mine.subjectId)).toEqual({
        row: 1,
        seq: 1,
        reason: 'subject_mismatch',
        message: `the row belongs to subject ${theirs.subjectId}`,
      });
    });

    run('an indexed column changed without the signed row', async () => {
      const { subjectId } = await chainOf(3);
      await context.metastore.db
        .updateTable('audit_rows')
        .set({ principal: 'someone-else' })
        .where('subject_id', '=', subjectId)
        .where('seq', '=', 2)
        .execute();
      expect(await faultOf(subjectId)).toEqual({
        row: 2,
        seq: 2,
        reason: 'column_mismatch',
        message: 'the principal column differs from the signed row',
      });
    });

    run('unreadable rows', async () => {
      const { subjectId } = await chainOf(3);
      await rewriteRow(context.metastore, subjectId, 2, '{"schema":');
      expect(await faultOf(subjectId)).toMatchObject({
        row: 2,
        reason: 'malformed_row',
        message: 'the stored row is not JSON',
      });
      await rewriteRow(context.metastore, subjectId, 2, '{"schema":"lakehouse.audit.v0"}');
      expect(await faultOf(subjectId)).toMatchObject({
        row: 2,
        reason: 'malformed_row',
        message: 'unknown row schema lakehouse.audit.v0',
      });
    });

    run('rows verified with another key', async () => {
      const { subjectId } = await chainOf(2);
      const stranger = new AuditChainService(context.metastore, { key: testKey() });
      expect(await faultOf(subjectId, stranger)).toMatchObject({ row: 1, reason: 'hmac_mismatch' });
    });

    run('NOT reported: the stored JSON rewritten with other key order and whitespace', async () => {
      const { subjectId } = await chainOf(4);
      for (const seq of [1, 2, 3, 4])
        await rewriteRow(context.metastore, subjectId, seq, (row) =>
          JSON.stringify(reverseKeys(row), null, 2),
        );
      const stored = await storedRow(context.metastore, subjectId, 2);
      expect(stored.row_json.startsWith('{\n  "ts"')).toBe(true);
      expect(await context.audit.verify(subjectId)).toMatchObject({ ok: true, rows: 4 });
    });
  });
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, inner]) => [key, reverseKeys(inner)]));
}
