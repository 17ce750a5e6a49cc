/**
 * GET /audit/subjects/{id} through the real app. Needs the wiring of LegalAccess and
 * LegalAuditService into Services and legalRoutes into the HTTP app.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lakehouse } from '../../src/app.js';
import { createLogger, loadConfig } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';

const TOKEN = 'legal-token-0123456789abcdef0123456789';
let app: TestApp;

const audit = (
  id: string,
  headers: Record<string, string> = { 'x-lakehouse-legal-token': TOKEN },
) => app.request({ method: 'GET', url: `/audit/subjects/${id}`, key: null, headers });

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_LEGAL_TOKEN: TOKEN } });
  const ingest = await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=people&format=csv',
    body: 'person_id,name\nP1,Ada\n',
    headers: { 'content-type': 'text/csv' },
  });
  expect(ingest.statusCode, ingest.body).toBe(201);
  await app.request({
    method: 'PATCH',
    url: '/catalog/datasets/people/metadata',
    body: { subject_key_column: 'person_id' },
  });
  await app.request({
    method: 'POST',
    url: '/catalog/views',
    body: { name: 'people_safe', dataset: 'people', columns: ['person_id'] },
  });
  await app.request({ method: 'PUT', url: '/subjects/P1', body: {} });
  await app.request({ method: 'GET', url: '/subjects/P1' }); // one audited lookup
}, 60_000);
afterAll(async () => app.close());

describe('GET /audit/subjects/{id}', () => {
  it('answers with the legal token alone (no API key): manifest, rows, verification, attestation', async () => {
    const response = await audit('P1', {
      'x-lakehouse-legal-token': TOKEN,
      'x-lakehouse-purpose': 'court order 42',
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      subject_id: 'P1',
      manifest: { subject_id: 'P1', status: 'active' },
      window: { from: null, to: null },
      verification: { ok: true, rows: 2 },
      datasets: [{ dataset: 'people', key_column: 'person_id', rows: 1 }],
      safe_views: [
        {
          name: 'people_safe',
          dataset: 'people',
          columns: ['person_id'],
          redacted_columns: [],
          row_filter: null,
        },
      ],
      tampered: false,
      tamper_reasons: [],
      attestation: {
        rows_in_chain: 2,
        rows_verified: 2,
        rows_in_window: 2,
        rows_returned: 2,
        truncated: false,
        verified: true,
        tampered: false,
        complete: true,
      },
    });
    expect(report.rows.map((r: { seq: number }) => r.seq)).toEqual([1, 2]);
    expect(report.chain.root).toBe(report.rows[0].hash);
    expect(report.chain.tip).toMatchObject({ seq: 2, hash: report.access.hash });
    expect(report.rows[1].row).toMatchObject({
      accessor: { principal: 'legal', kind: 'service', purpose: 'court order 42' },
      fields_accessed: ['manifest', 'audit_chain', 'datasets', 'safe_views'],
    });
  });

  it('defaults the audited purpose to "legal audit" and filters rows by the time window', async () => {
    const far = await audit('P1?from=2000-01-01T00:00:00Z&to=2000-12-31T00:00:00Z');
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json()).toMatchObject({
      rows: [],
      window: { from: '2000-01-01T00:00:00.000Z', to: '2000-12-31T00:00:00.000Z' },
      attestation: { rows_in_window: 0, rows_returned: 0, rows_in_chain: 3 },
    });
    const rows = (await app.lakehouse.services.audit.rows('P1')).map((r) => r.row);
    expect(rows.at(-1)?.accessor.purpose).toBe('legal audit');
  });

  it('401 without the token or with a wrong one; an API key does not open it', async () => {
    const missing = await audit('P1', {});
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toEqual({
      code: 'unauthorized',
      message: 'missing legal token: send "X-Lakehouse-Legal-Token: <token>"',
    });
    const wrong = await audit('P1', { 'x-lakehouse-legal-token': `${TOKEN}x` });
    expect(wrong.json().error).toEqual({ code: 'unauthorized', message: 'invalid legal token' });
    const withKey = await app.request({ method: 'GET', url: '/audit/subjects/P1' });
    expect(withKey.statusCode).toBe(401);
  });

  it('404 for a subject with neither manifest nor chain; 400 for a bad window', async () => {
    const missing = await audit('NOBODY');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('subject_not_found');
    const bad = await audit('P1?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('legal token configuration', () => {
  it('503 legal_token_not_configured, saying why, when no token is configured', async () => {
    const bare = await startTestApp();
    try {
      const response = await bare.request({
        method: 'GET',
        url: '/audit/subjects/P1',
        key: null,
        headers: { 'x-lakehouse-legal-token': TOKEN },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toEqual({
        code: 'legal_token_not_configured',
        message:
          'the legal routes are disabled because no legal token is configured: set LAKEHOUSE_LEGAL_TOKEN ' +
          'or LAKEHOUSE_LEGAL_TOKEN_FILE (at least 32 bytes) and restart',
      });
    } finally {
      await bare.close();
    }
  });

  it('reads the token from a file, and refuses to start with a file token under 32 bytes', async () => {
    const temp = tempDir('legal-file');
    try {
      const file = path.join(temp.dir, 'legal.token');
      writeFileSync(file, 'short\n', { mode: 0o600 });
      const config = loadConfig({
        LAKEHOUSE_DATA_DIR: path.join(temp.dir, 'data'),
        LAKEHOUSE_DEMO: 'off',
        LAKEHOUSE_LEGAL_TOKEN_FILE: file,
      });
      await expect(Lakehouse.create(config, { logger: createLogger('silent') })).rejects.toThrow(
        `LAKEHOUSE_LEGAL_TOKEN_FILE (${file}): the legal token must be at least 32 bytes (got 5)`,
      );
      writeFileSync(file, `${TOKEN}\n`);
      const fromFile = await startTestApp({
        dataDir: path.join(temp.dir, 'data'),
        env: { LAKEHOUSE_LEGAL_TOKEN_FILE: file },
      });
      try {
        await fromFile.request({ method: 'PUT', url: '/subjects/F1', body: {} });
        const response = await fromFile.request({
          method: 'GET',
          url: '/audit/subjects/F1',
          key: null,
          headers: { 'x-lakehouse-legal-token': TOKEN },
        });
        expect(response.statusCode, response.body).toBe(200);
      } finally {
        await fromFile.stop();
      }
    } finally {
      temp.remove();
    }
  });
});
