/** `lakehouse audit verify` against a data directory prepared by a test app (runs the built CLI). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metastore } from '../../src/metastore/index.js';
import { startTestApp, TEST_ADMIN_KEY } from '../support/app.js';
import { runCli } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';
import { deleteRow, dropAuditTriggers, entry, rewriteRow } from './support/audit-fixtures.js';

const temp = tempDir('audit-cli');
const env = { LAKEHOUSE_ADMIN_KEY: TEST_ADMIN_KEY };
const verify = (...args: string[]) =>
  runCli(['audit', 'verify', ...args, '--data-dir', temp.dir], env);

/** Changes the metastore past its refusals, with the app stopped (as a database owner could). */
async function tamper(work: (metastore: Metastore) => Promise<void>): Promise<void> {
  const metastore = await Metastore.open(`sqlite:${path.join(temp.dir, 'metastore.sqlite')}`);
  try {
    await dropAuditTriggers(metastore);
    await work(metastore);
  } finally {
    await metastore.close();
  }
}

beforeAll(async () => {
  const app = await startTestApp({ dataDir: temp.dir });
  const audit = app.lakehouse.services.audit;
  for (const [subjectId, rows] of [
    ['A', 3],
    ['B', 2],
    ['C', 1],
  ] as const)
    for (let i = 0; i < rows; i += 1) await audit.append(subjectId, entry());
  await app.stop();
}, 60_000);
afterAll(() => temp.remove());

describe('lakehouse audit verify', () => {
  it('exits 0 when every chain is intact, one line per subject', async () => {
    const result = await verify('--all');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'ok      A (3 rows)',
      'ok      B (2 rows)',
      'ok      C (1 row)',
      '3 chains verified: 3 intact, 0 broken',
    ]);
  });

  it('needs --subject or --all (exit 2)', async () => {
    for (const args of [[], ['--all', '--subject', 'A']]) {
      const result = await verify(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error (bad_request): give either --subject <id> or --all');
    }
  });

  it('exits 1 naming the first bad row of an edited chain; other chains still checked', async () => {
    await tamper((metastore) =>
      rewriteRow(metastore, 'B', 2, (row) => ({ ...row, fields_accessed: ['salary'] })),
    );
    const all = await verify('--all');
    expect(all.code, all.stderr).toBe(1);
    expect(all.stdout.trimEnd().split('\n')).toEqual([
      'ok      A (3 rows)',
      'BROKEN  B: row 2 (seq 2) hmac_mismatch: the row does not match its row_hmac [1 row intact before it]',
      'ok      C (1 row)',
      '3 chains verified: 2 intact, 1 broken',
    ]);
    expect((await verify('--subject', 'A')).code).toBe(0);
    const one = await verify('--subject', 'B', '--json');
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout)).toEqual({
      subjects: 1,
      intact: 0,
      broken: [
        {
          subject_id: 'B',
          rows_intact: 1,
          fault: {
            row: 2,
            seq: 2,
            reason: 'hmac_mismatch',
            message: 'the row does not match its row_hmac',
          },
        },
      ],
    });
  });

  it('finds a chain whose every row was deleted by its signed tip', async () => {
    await tamper((metastore) => deleteRow(metastore, 'C', 1));
    const result = await verify('--all');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'BROKEN  C: row 1 (seq missing) tip_mismatch: row 1 is missing: the tip records 1 rows',
    );
  });
});
