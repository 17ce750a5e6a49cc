import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  LEGAL_AUDIT_FIELDS,
  LegalAccess,
  LegalAuditService,
  LegalToken,
} from '../../src/compliance/legal/index.js';
import { fixedClock, systemContext, type RequestContext } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { deleteRow, dropAuditTriggers, entry, rewriteRow } from './support/audit-fixtures.js';

const TOKEN = 'legal-token-0123456789abcdef0123456789';
const clock = fixedClock('2026-03-01T00:00:00.000Z');
let app: TestApp;
let legal: LegalAuditService;
let ctx: RequestContext;

const at = (day: number, hour = 12) =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
/** Appends one row per time, the clock set to each. */
async function appendAt(subjectId: string, ...times: string[]) {
  for (const time of times) {
    clock.set(time);
    await app.lakehouse.services.audit.append(subjectId, entry());
  }
}
const report = (subjectId: string, window = {}) => {
  clock.set(at(20));
  return legal.report(ctx, subjectId, window);
};

beforeAll(async () => {
  app = await startTestApp({ clock });
  const ingest = (dataset: string, body: string) =>
    app.request({
      method: 'POST',
      url: `/ingest/file?dataset=${dataset}&format=csv`,
      body,
      headers: { 'content-type': 'text/csv' },
    });
  expect((await ingest('people', 'person_id,name\nP1,Ada\nP3,Cy\n')).statusCode).toBe(201);
  expect((await ingest('offices', 'office,city\nO1,Oslo\n')).statusCode).toBe(201);
  await app.request({
    method: 'PATCH',
    url: '/catalog/datasets/people/metadata',
    body: { subject_key_column: 'person_id' },
  });
  for (const [name, dataset, columns] of [
    ['people_safe', 'people', ['person_id']],
    ['offices_safe', 'offices', ['city']],
  ] as const) {
    const view = await app.request({
      method: 'POST',
      url: '/catalog/views',
      body: { name, dataset, columns },
    });
    expect(view.statusCode, view.body).toBe(201);
  }
  const { services, metastore } = app.lakehouse;
  for (const id of ['P1', 'P3', 'P4', 'T1', 'T2'])
    await services.subjects.put(systemContext(clock), id, {});
  legal = new LegalAuditService({
    metastore,
    subjects: services.subjects,
    audit: services.audit,
    views: services.views,
  });
  const access = new LegalAccess(LegalToken.fromText(TOKEN, 'test'), clock);
  ctx = access.authenticate(TOKEN, {
    source: 'http',
    requestId: 'req-legal',
    defaultPurpose: 'legal audit',
  });
}, 60_000);
afterAll(async () => app.close());

describe('legal audit report', () => {
  it('returns the rows in the time window, verifies the whole chain, with root and tip', async () => {
    await appendAt('P1', at(2), at(2, 13), at(5), at(9));
    const records = await app.lakehouse.services.audit.rows('P1');
    const result = await report('P1', { from: at(5, 0), to: '2026-03-09T12:00:00Z' });
    expect(result.rows.map((r) => [r.seq, r.ts])).toEqual([
      [3, at(5)],
      [4, at(9)],
    ]);
    expect(result.rows[0]!.hash).toBe(records[2]!.hash);
    expect(result.rows[0]!.row).toEqual(records[2]!.row);
    expect(result.verification).toMatchObject({ ok: true, rows: 5 }); // the report's own row too
    expect(result.root).toBe(records[0]!.hash);
    expect(result.tip).toMatchObject({ seq: 5, hash: result.access.hash });
    expect(result.manifest?.subjectId).toBe('P1');
    expect(result.tampered).toBe(false);
    expect(result.tamperReasons).toEqual([]);
    expect(result.attestation).toEqual({
      rowsInChain: 5,
      rowsVerified: 5,
      rowsInWindow: 2,
      rowsReturned: 2,
      truncated: false,
      window: { from: at(5, 0), to: at(9) },
      verified: true,
      tampered: false,
      complete: true,
      generatedAt: at(20),
    });
  });

  it('appends its own row: principal legal, kind service, the purpose, the fields read', async () => {
    const result = await report('P1');
    expect(result.access.row).toMatchObject({
      ts: at(20),
      subject_id: 'P1',
      accessor: {
        principal: 'legal',
        kind: 'service',
        purpose: 'legal audit',
        trace_id: 'req-legal',
      },
      fields_accessed: [...LEGAL_AUDIT_FIELDS],
      result: 'success',
    });
    // An open window returns the whole chain, this read's row last.
    expect(result.rows.at(-1)?.seq).toBe(result.access.seq);
    expect(result.rows).toHaveLength(result.attestation.rowsInChain);
  });

  it('lists the datasets holding the subject and the AI-safe views over them only', async () => {
    const result = await report('P1');
    expect(result.datasets).toEqual([{ dataset: 'people', keyColumn: 'person_id', rows: 1 }]);
    expect(result.safeViews.map((v) => [v.name, v.dataset, v.columns])).toEqual([
      ['people_safe', 'people', ['person_id']],
    ]);
  });

  it('an empty chain that nothing points to is not tampered', async () => {
    const result = await report('P4');
    expect(result.tampered).toBe(false);
    expect(result.datasets).toEqual([]);
    expect(result.rows.map((r) => r.seq)).toEqual([1]); // the report's own row
  });

  it('flags an empty chain as tampered when the subject has rows in datasets', async () => {
    const result = await report('P3');
    expect(result.tampered).toBe(true);
    expect(result.tamperReasons).toEqual([
      'the subject has rows in people but the chain is empty: either they were never read or the chain was deleted',
    ]);
    expect(result.attestation).toMatchObject({ tampered: true, complete: false, verified: true });
  });

  it('reports a subject with a chain but no manifest, and 404s one with neither (appending nothing)', async () => {
    await appendAt('NOMANIFEST', at(3));
    const result = await report('NOMANIFEST');
    expect(result.manifest).toBeNull();
    expect(result.verification.ok).toBe(true);
    await expect(report('NOBODY')).rejects.toMatchObject({
      code: 'subject_not_found',
      message: 'no subject NOBODY and no audit chain',
    });
    expect(await app.lakehouse.services.audit.count('NOBODY')).toBe(0);
  });

  it('refuses a bad window', async () => {
    await expect(report('P1', { from: at(9), to: at(2) })).rejects.toMatchObject({
      code: 'validation_failed',
      message: `from (${at(9)}) is after to (${at(2)})`,
    });
    await expect(report('P1', { from: 'last tuesday' })).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'from must be an ISO 8601 timestamp, got "last tuesday"',
    });
  });
});

describe('legal audit of a tampered chain (triggers dropped, as a database owner could)', () => {
  beforeAll(async () => dropAuditTriggers(app.lakehouse.metastore));

  it('flags a chain whose rows were all deleted while its signed tip records them', async () => {
    await appendAt('T1', at(2), at(3), at(4));
    for (const seq of [1, 2, 3]) await deleteRow(app.lakehouse.metastore, 'T1', seq);
    const result = await report('T1');
    expect(result.tampered).toBe(true);
    expect(result.tamperReasons[0]).toBe("the chain's tip records 3 rows but none is stored");
    expect(result.verification.ok).toBe(false);
    expect(result.attestation.complete).toBe(false);
  });

  it('flags a chain deleted whole, tip included, when the manifest records a photo', async () => {
    const { metastore, services } = app.lakehouse;
    await appendAt('T2', at(2));
    const subject = (await services.subjects.find('T2'))!;
    const photo = {
      path: 'subjects/x/y.png',
      contentType: 'image/png',
      bytes: 1,
      sha256: '0'.repeat(64),
      uploadedAt: at(2),
    };
    await metastore.transaction((tx) => services.subjects.save(tx, { ...subject, photo }));
    await deleteRow(metastore, 'T2', 1);
    await sql`DELETE FROM audit_tips WHERE subject_id = 'T2'`.execute(metastore.db);
    const result = await report('T2');
    expect(result.verification.ok).toBe(true); // an empty chain verifies: only the evidence shows
    expect(result.tamperReasons).toEqual([
      `the manifest records a photo uploaded at ${at(2)}, an audited access, but the chain is empty`,
    ]);
  });

  it('names the first bad row of an edited chain and still shows the unreadable row as stored', async () => {
    await appendAt('T3', at(2), at(3), at(4));
    await rewriteRow(app.lakehouse.metastore, 'T3', 2, (row) => ({ ...row, fields_accessed: [] }));
    await rewriteRow(app.lakehouse.metastore, 'T3', 3, '{not json');
    const result = await report('T3');
    expect(result.verification).toMatchObject({
      ok: false,
      rows: 1,
      fault: { row: 2, seq: 2, reason: 'hmac_mismatch' },
    });
    expect(result.tampered).toBe(true);
    expect(result.tamperReasons).toEqual(['row 2: the row does not match its row_hmac']);
    expect(result.rows[2]).toEqual({
      seq: 3,
      ts: at(4),
      hash: null,
      row: null,
      stored: '{not json',
    });
    expect(result.rows).toHaveLength(4);
  });
});
