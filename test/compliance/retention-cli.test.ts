/** `lakehouse retention-sweep` against a data directory prepared by a test app (runs the built CLI). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY } from '../support/app.js';
import { runCli } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

// The CLI runs on the real clock: the subjects' dates lie far enough in the past or future.
const temp = tempDir('retention-cli');
const env = { LAKEHOUSE_ADMIN_KEY: TEST_ADMIN_KEY };
const sweep = (...args: string[]) =>
  runCli(['retention-sweep', ...args, '--data-dir', temp.dir], env);

beforeAll(async () => {
  const app = await startTestApp({ dataDir: temp.dir });
  const put = (id: string, body: unknown) =>
    app.request({ method: 'PUT', url: `/subjects/${id}`, body });
  await put('OLD', { last_interaction_at: '2000-01-01T00:00:00Z' });
  await put('BIO', {
    last_interaction_at: '2099-01-01T00:00:00Z',
    consent: { biometric: { status: 'withdrawn', at: '2001-01-01T00:00:00Z' } },
  });
  await put('FUTURE', { last_interaction_at: '2099-01-01T00:00:00Z' });
  await app.stop();
}, 60_000);
afterAll(() => temp.remove());

describe('lakehouse retention-sweep', () => {
  it('dry run by default: prints the subjects and clocks, writes nothing, exits 0', async () => {
    const result = await sweep();
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^subject_id\s+status\s+clocks_passed\s+general_pii_until/);
    expect(lines[2]).toMatch(
      /^BIO\s+active\s+biometric\s+2102-01-01T00:00:00.000Z\s+2001-01-01T00:00:00.000Z\s+false$/,
    );
    expect(lines[3]).toMatch(/^OLD\s+active\s+general\s+2002-12-31T00:00:00.000Z\s+false$/);
    expect(lines[4]).toMatch(/^2 subjects past retention as of \S+ \(general: 1, biometric: 1\)$/);
    expect(lines[5]).toBe('Dry run: nothing written (use --apply to write the report)');
    expect(existsSync(path.join(temp.dir, 'reports'))).toBe(false);
  });

  it('--as-of forecasts: a later time lists more subjects', async () => {
    const result = await sweep('--as-of', '2105-01-01T00:00:00Z', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      as_of: '2105-01-01T00:00:00.000Z',
      applied: false,
      report: null,
      counts: { subjects: 3, general: 3, biometric: 1 },
    });
    expect(json.subjects.map((s: { subject_id: string }) => s.subject_id)).toEqual([
      'BIO',
      'FUTURE',
      'OLD',
    ]);
  });

  it('--apply writes the dated report; a re-run rewrites identical content', async () => {
    const first = await sweep('--apply', '--as-of', '2105-01-01T12:00:00Z');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Report written: reports/retention-sweep-2105-01-01.jsonl');
    const file = path.join(temp.dir, 'reports', 'retention-sweep-2105-01-01.jsonl');
    const content = readFileSync(file, 'utf8');
    expect(
      content
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['subject', 'subject', 'subject', 'summary']);
    const again = await sweep('--apply', '--as-of', '2105-01-01T18:00:00Z');
    expect(again.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('--apply on the real clock names the report by today', async () => {
    const result = await sweep('--apply', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.report).toBe(`reports/retention-sweep-${json.as_of.slice(0, 10)}.jsonl`);
    expect(existsSync(path.join(temp.dir, json.report))).toBe(true);
  });

  it('refuses a bad --as-of (exit 2)', async () => {
    const result = await sweep('--as-of', 'tomorrow');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error (validation_failed): --as-of must be an ISO 8601 timestamp, got "tomorrow"',
    );
  });
});
