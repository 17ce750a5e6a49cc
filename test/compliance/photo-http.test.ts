/**
 * POST /subjects/{id}/photo through the real app. Needs the wiring of LegalAccess and
 * PhotoService into Services and photoRoutes into the HTTP app.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../src/compliance/photos/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const TOKEN = 'legal-token-0123456789abcdef0123456789';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let app: TestApp;

const post = (
  id: string,
  body: Buffer | string | undefined,
  contentType: string | null = 'image/png',
  token: string | null = TOKEN,
) =>
  app.request({
    method: 'POST',
    url: `/subjects/${id}/photo`,
    key: null,
    ...(body !== undefined && { body }),
    headers: {
      ...(contentType !== null && { 'content-type': contentType }),
      ...(token !== null && { 'x-lakehouse-legal-token': token }),
    },
  });
const consent = (id: string, body: unknown) =>
  app.request({ method: 'PUT', url: `/subjects/${id}`, body });
const GIVEN = { consent: { biometric: { status: 'given', text: 'face matching v1' } } };

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_LEGAL_TOKEN: TOKEN } });
  for (const id of ['H1', 'H2', 'H3']) expect((await consent(id, GIVEN)).statusCode).toBe(200);
  await consent('H4', {});
  await consent('H5', { ...GIVEN, status: 'withdrawn' });
}, 60_000);
afterAll(async () => app.close());

describe('POST /subjects/{id}/photo', () => {
  it('201: stored 0600 in a 0700 directory, path relative to <dataDir>/private, manifest updated', async () => {
    const response = await post('H1', PNG, 'Image/PNG; charset=binary');
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      subject_id: 'H1',
      photo: { content_type: 'image/png', bytes: PNG.length },
      replaced: false,
    });
    expect(body.photo.path).toMatch(/^subjects\/[a-z0-9_-]+-[0-9a-f]{16}\/[0-9a-f-]{36}\.png$/);
    const file = path.join(app.dataDir, 'private', ...body.photo.path.split('/'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const manifest = (await app.request({ method: 'GET', url: '/subjects/H1' })).json();
    expect(manifest.photo).toEqual(body.photo);
    const rows = (await app.lakehouse.services.audit.rows('H1')).map((r) => r.row);
    expect(rows[0]).toMatchObject({
      accessor: { principal: 'legal', kind: 'service', purpose: 'biometric enrolment' },
      fields_accessed: ['photo'],
      result: 'success',
    });
  });

  it('replaces an earlier photo; the audited purpose comes from X-Lakehouse-Purpose', async () => {
    const first = (await post('H2', PNG)).json();
    const response = await app.request({
      method: 'POST',
      url: '/subjects/H2/photo',
      key: null,
      body: Buffer.from('ffd8ffe000104a464946', 'hex'),
      headers: {
        'content-type': 'image/jpeg',
        'x-lakehouse-legal-token': TOKEN,
        'x-lakehouse-purpose': 'badge photo',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      replaced: true,
      photo: { content_type: 'image/jpeg' },
    });
    const dir = path.join(app.dataDir, 'private', path.posix.dirname(first.photo.path));
    expect(readdirSync(dir)).toEqual([path.posix.basename(response.json().photo.path)]);
    const rows = (await app.lakehouse.services.audit.rows('H2')).map((r) => r.row);
    expect(rows.at(-1)?.accessor.purpose).toBe('badge photo');
  });

  it('415 for other media types, before anything is stored', async () => {
    for (const type of ['text/plain', 'image/gif', 'application/json', null]) {
      const response = await post('H3', type === 'application/json' ? '{}' : PNG, type);
      expect(response.statusCode, `${type}: ${response.body}`).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    }
  });

  it('413 beyond 10 MiB; exactly 10 MiB is accepted', async () => {
    const over = await post('H3', Buffer.alloc(MAX_PHOTO_BYTES + 1));
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('payload_too_large');
    const limit = await post('H3', Buffer.alloc(MAX_PHOTO_BYTES, 7));
    expect(limit.statusCode, limit.body).toBe(201);
  });

  it('400 for an empty body', async () => {
    const response = await post('H3', Buffer.alloc(0));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('404 for an unknown subject', async () => {
    const response = await post('NOBODY', PNG);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('subject_not_found');
  });

  it('403 consent_required with the current status', async () => {
    const never = await post('H4', PNG);
    expect(never.statusCode).toBe(403);
    expect(never.json().error).toMatchObject({
      code: 'consent_required',
      details: { status: 'active', biometric_consent: 'never_collected' },
    });
    const withdrawn = await post('H5', PNG);
    expect(withdrawn.json().error).toMatchObject({
      code: 'consent_required',
      message: 'subject H5 is withdrawn: no biometric data may be collected',
      details: { status: 'withdrawn' },
    });
  });

  it('401 without the legal token or with a wrong one; an API key does not open it', async () => {
    expect((await post('H3', PNG, 'image/png', null)).statusCode).toBe(401);
    expect((await post('H3', PNG, 'image/png', 'nope')).json().error.message).toBe(
      'invalid legal token',
    );
    const withKey = await app.request({
      method: 'POST',
      url: '/subjects/H3/photo',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(withKey.statusCode).toBe(401);
  });

  it('500 audit_write_failed when the audit row cannot be written: photo removed, manifest restored', async () => {
    await consent('H6', GIVEN);
    const db = app.lakehouse.metastore.db;
    // The metastore itself refuses the audit insert (a real failure, not a stub).
    await sql
      .raw(
        "CREATE TRIGGER refuse_h6 BEFORE INSERT ON audit_rows WHEN NEW.subject_id = 'H6' " +
          "BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
      )
      .execute(db);
    try {
      const response = await post('H6', PNG);
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('audit_write_failed');
    } finally {
      await sql.raw('DROP TRIGGER refuse_h6').execute(db);
    }
    const manifest = (await app.request({ method: 'GET', url: '/subjects/H6' })).json();
    expect(manifest.photo).toBeNull();
    const dir = path.join(app.dataDir, 'private', 'subjects', manifest.storage_key);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('photo upload without a configured legal token', () => {
  it('503 legal_token_not_configured', async () => {
    const bare = await startTestApp();
    try {
      const response = await bare.request({
        method: 'POST',
        url: '/subjects/H1/photo',
        key: null,
        body: PNG,
        headers: { 'content-type': 'image/png', 'x-lakehouse-legal-token': TOKEN },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('legal_token_not_configured');
    } finally {
      await bare.close();
    }
  });
});
