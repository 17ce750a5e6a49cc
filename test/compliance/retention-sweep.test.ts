import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionSweep } from '../../src/compliance/retention/index.js';
import type { SubjectInput } from '../../src/compliance/subjects/index.js';
import { createContext, fixedClock, systemContext } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

// Retention windows are the defaults: 1095 days for general and for biometric data.
const clock = fixedClock('2026-03-01T08:00:00.000Z');
const given = (at: string) => ({ status: 'given' as const, text: 'face matching v1', at });
let app: TestApp;
let sweep: RetentionSweep;
const ctx = () => systemContext(clock);
const reportsDir = () => path.join(app.dataDir, 'reports');
const reportFile = (date: string) => path.join(reportsDir(), `retention-sweep-${date}.jsonl`);

beforeAll(async () => {
  app = await startTestApp({ clock });
  const subjects: [string, SubjectInput][] = [
    ['R1', { lastInteractionAt: '2020-01-01T00:00:00Z' }],
    [
      'R2',
      {
        lastInteractionAt: '2025-01-01T00:00:00Z',
        consent: { biometric: { status: 'withdrawn', at: '2025-06-01T00:00:00Z' } },
      },
    ],
    [
      'R3',
      {
        lastInteractionAt: '2022-01-01T00:00:00Z',
        consent: { biometric: given('2022-01-01T00:00:00Z') },
      },
    ],
    ['R4', { lastInteractionAt: '2026-01-01T00:00:00Z' }],
    ['R5', { lastInteractionAt: '2020-01-01T00:00:00Z', status: 'retention_expired' }],
    ['R6', { lastInteractionAt: '2020-01-01T00:00:00Z' }],
  ];
  const { services, metastore } = app.lakehouse;
  for (const [id, input] of subjects) await services.subjects.put(ctx(), id, input);
  const r6 = (await services.subjects.find('R6'))!;
  await metastore.transaction((tx) => services.subjects.save(tx, { ...r6, status: 'erased' }));
  sweep = new RetentionSweep({ metastore, dataDir: app.dataDir });
}, 60_000);
afterAll(async () => app.close());

describe('retention sweep', () => {
  it('lists subjects past either clock, with the clocks passed; erased and expired are skipped', async () => {
    const result = await sweep.run(ctx());
    expect(result.asOf).toBe('2026-03-01T08:00:00.000Z');
    expect(result.cases.map((c) => [c.subjectId, c.clocksPassed])).toEqual([
      ['R1', ['general']],
      ['R2', ['biometric']],
      ['R3', ['general', 'biometric']],
    ]);
    expect(result.cases[1]).toEqual({
      subjectId: 'R2',
      status: 'active',
      clocksPassed: ['biometric'],
      lastInteractionAt: '2025-01-01T00:00:00.000Z',
      generalPiiUntil: '2028-01-01T00:00:00.000Z',
      biometricUntil: '2025-06-01T00:00:00.000Z',
      hasPhoto: false,
    });
    expect(result.counts).toEqual({ subjects: 3, general: 2, biometric: 2 });
  });

  it('is a dry run by default: nothing is written', async () => {
    const result = await sweep.run(ctx(), { apply: false });
    expect(result).toMatchObject({ applied: false, report: null });
    expect(existsSync(reportsDir())).toBe(false);
  });

  it('applied, writes the dated JSONL report: a line per subject and a summary', async () => {
    const result = await sweep.run(ctx(), { apply: true });
    expect(result).toMatchObject({
      applied: true,
      report: 'reports/retention-sweep-2026-03-01.jsonl',
    });
    const lines = readFileSync(reportFile('2026-03-01'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        type: 'subject',
        subject_id: 'R1',
        status: 'active',
        clocks_passed: ['general'],
        last_interaction_at: '2020-01-01T00:00:00.000Z',
        general_pii_until: '2022-12-31T00:00:00.000Z',
        biometric_until: null,
        has_photo: false,
      },
      expect.objectContaining({ subject_id: 'R2', clocks_passed: ['biometric'] }),
      expect.objectContaining({ subject_id: 'R3', clocks_passed: ['general', 'biometric'] }),
      { type: 'summary', date: '2026-03-01', subjects: 3, general: 2, biometric: 2 },
    ]);
    expect(statSync(reportFile('2026-03-01')).mode & 0o777).toBe(0o600);
    expect(statSync(reportsDir()).mode & 0o777).toBe(0o700);
  });

  it('is idempotent: a re-run later the same day rewrites the same content, never a second report', async () => {
    const first = readFileSync(reportFile('2026-03-01'));
    clock.set('2026-03-01T17:30:00.000Z');
    try {
      await sweep.run(ctx(), { apply: true });
      await sweep.run(ctx(), { apply: true });
    } finally {
      clock.set('2026-03-01T08:00:00.000Z');
    }
    expect(readFileSync(reportFile('2026-03-01'))).toEqual(first);
    expect(readdirSync(reportsDir())).toEqual(['retention-sweep-2026-03-01.jsonl']);
  });

  it('forecasts with a later as_of: more subjects, a report named by that day', async () => {
    const result = await sweep.run(ctx(), {
      asOf: new Date('2029-01-01T00:00:00Z'),
      apply: true,
    });
    expect(result.cases.map((c) => c.subjectId)).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(result.report).toBe('reports/retention-sweep-2029-01-01.jsonl');
    expect(existsSync(reportFile('2029-01-01'))).toBe(true);
    const earlier = await sweep.run(ctx(), { asOf: new Date('2023-01-01T00:00:00Z') });
    expect(earlier.cases.map((c) => c.subjectId)).toEqual(['R1']);
  });

  it('never changes a subject', async () => {
    const { metastore } = app.lakehouse;
    const manifests = () =>
      metastore.db.selectFrom('subjects').selectAll().orderBy('subject_id').execute();
    const before = await manifests();
    await sweep.run(ctx(), { apply: true, asOf: new Date('2040-01-01T00:00:00Z') });
    expect(await manifests()).toEqual(before);
  });

  it('needs the admin or legal role, and a valid time', async () => {
    const analyst = createContext(
      { id: 'p-a', name: 'a', kind: 'user', roles: ['analyst'] },
      'http',
      { clock },
    );
    await expect(sweep.run(analyst)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'running the retention sweep requires one of the roles: admin, legal',
    });
    const legal = createContext({ id: 'p-l', name: 'l', kind: 'user', roles: ['legal'] }, 'http', {
      clock,
    });
    expect((await sweep.run(legal)).counts.subjects).toBe(3);
    await expect(sweep.run(ctx(), { asOf: new Date('nope') })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
