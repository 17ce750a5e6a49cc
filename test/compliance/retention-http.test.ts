/**
 * POST /subjects/retention-sweep through the real app. Needs the wiring of RetentionSweep
 * into Services and retentionRoutes into the HTTP app.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const clock = fixedClock('2026-03-01T08:00:00.000Z');
let app: TestApp;
const keys = { legal: '', analyst: '' };

const sweep = (body: unknown, key?: string) =>
  app.request({
    method: 'POST',
    url: '/subjects/retention-sweep',
    body,
    ...(key !== undefined && { key }),
  });

beforeAll(async () => {
  app = await startTestApp({ clock });
  await app.request({
    method: 'PUT',
    url: '/subjects/OLD',
    body: { last_interaction_at: '2020-01-01T00:00:00Z' },
  });
  await app.request({
    method: 'PUT',
    url: '/subjects/NEW',
    body: { last_interaction_at: '2026-01-01T00:00:00Z' },
  });
  for (const role of ['legal', 'analyst'] as const)
    keys[role] = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: role, roles: [role] },
      })
    ).json().key;
}, 60_000);
afterAll(async () => app.close());

describe('POST /subjects/retention-sweep', () => {
  it('dry run by default: lists subjects past a clock, writes nothing', async () => {
    for (const response of [await sweep({}), await sweep({ apply: false })]) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        as_of: '2026-03-01T08:00:00.000Z',
        date: '2026-03-01',
        applied: false,
        report: null,
        counts: { subjects: 1, general: 1, biometric: 0 },
        subjects: [
          {
            subject_id: 'OLD',
            status: 'active',
            clocks_passed: ['general'],
            last_interaction_at: '2020-01-01T00:00:00.000Z',
            general_pii_until: '2022-12-31T00:00:00.000Z',
            biometric_until: null,
            has_photo: false,
          },
        ],
      });
    }
  });

  it('apply writes the report; as_of forecasts; the legal role may run it, analysts may not', async () => {
    const applied = await sweep({ apply: true, as_of: '2030-01-01T00:00:00Z' }, keys.legal);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      applied: true,
      report: 'reports/retention-sweep-2030-01-01.jsonl',
      counts: { subjects: 2 },
    });
    const text = readFileSync(path.join(app.dataDir, applied.json().report), 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(3);
    const refused = await sweep({}, keys.analyst);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details.missing_privilege).toEqual(['admin', 'legal']);
  });

  it('400 for a bad as_of or an unknown field', async () => {
    const bad = await sweep({ as_of: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('as_of must be an ISO 8601 timestamp, got "soon"');
    expect(existsSync(path.join(app.dataDir, 'reports', 'retention-sweep-2026-03-01.jsonl'))).toBe(
      false,
    );
    expect((await sweep({ dry_run: true })).statusCode).toBe(400);
  });
});
