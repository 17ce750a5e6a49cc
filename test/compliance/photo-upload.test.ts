import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LegalAccess, LegalToken } from '../../src/compliance/legal/index.js';
import { MAX_PHOTO_BYTES, PhotoService, PhotoStore } from '../../src/compliance/photos/index.js';
import type { SubjectInput } from '../../src/compliance/subjects/index.js';
import { fixedClock, systemContext, type RequestContext } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const TOKEN = 'legal-token-0123456789abcdef0123456789';
const clock = fixedClock('2026-03-01T00:00:00.000Z');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const GIVEN = { consent: { biometric: { status: 'given', text: 'face matching v1' } } } as const;

let app: TestApp;
let photos: PhotoService;
let ctx: RequestContext;

const put = (id: string, input: SubjectInput = GIVEN) =>
  app.lakehouse.services.subjects.put(systemContext(clock), id, input);
const find = async (id: string) => (await app.lakehouse.services.subjects.find(id))!;
const chain = async (id: string) => (await app.lakehouse.services.audit.rows(id)).map((r) => r.row);
const privateRoot = () => path.join(app.dataDir, 'private');
const subjectDir = async (id: string) =>
  path.join(privateRoot(), 'subjects', (await find(id)).storageKey);
const filesOf = async (id: string) => {
  const dir = await subjectDir(id);
  return existsSync(dir) ? readdirSync(dir) : [];
};
const mode = (file: string) => statSync(file).mode & 0o777;
const upload = (id: string, bytes: Buffer = PNG, contentType: string | undefined = 'image/png') =>
  photos.upload(ctx, id, { bytes, contentType });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

/** A trigger making the metastore itself refuse a statement, as a full disk or lost permission would. */
async function refuseInSqlite(name: string, statement: string): Promise<() => Promise<void>> {
  const db = app.lakehouse.metastore.db;
  await sql
    .raw(`CREATE TRIGGER ${name} ${statement} BEGIN SELECT RAISE(ABORT, 'refused by test'); END`)
    .execute(db);
  return async () => {
    await sql.raw(`DROP TRIGGER ${name}`).execute(db);
  };
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  const { services, metastore } = app.lakehouse;
  photos = new PhotoService({
    metastore,
    subjects: services.subjects,
    journal: services.journal,
    audit: services.audit,
    store: PhotoStore.forDataDir(app.dataDir),
  });
  ctx = new LegalAccess(LegalToken.fromText(TOKEN, 'test'), clock).authenticate(TOKEN, {
    source: 'http',
    requestId: 'req-photo',
    defaultPurpose: 'biometric enrolment',
  });
}, 60_000);
afterAll(async () => app.close());

describe('photo upload', () => {
  it('stores the photo privately under a unique name, relative to the private root', async () => {
    await put('PH1');
    const outcome = await upload('PH1');
    const key = (await find('PH1')).storageKey;
    expect(outcome.photo).toEqual({
      path: expect.stringMatching(
        new RegExp(
          `^subjects/${key}/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.png$`,
        ),
      ),
      contentType: 'image/png',
      bytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      uploadedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(outcome.replaced).toBeNull();
    const file = path.join(privateRoot(), ...outcome.photo.path.split('/'));
    expect(readFileSync(file)).toEqual(PNG);
    expect(mode(file)).toBe(0o600);
    for (const dir of [privateRoot(), path.join(privateRoot(), 'subjects'), path.dirname(file)])
      expect(mode(dir), dir).toBe(0o700);
    expect((await find('PH1')).photo).toEqual(outcome.photo);
  });

  it('audits the upload (fields photo, principal legal) and journals the manifest change', async () => {
    expect((await chain('PH1')).at(-1)).toMatchObject({
      accessor: { principal: 'legal', kind: 'service', purpose: 'biometric enrolment' },
      fields_accessed: ['photo'],
      result: 'success',
    });
    const events = await app.lakehouse.services.journal.history(systemContext(), 'PH1');
    expect(events.find((e) => e.action === 'photo')).toMatchObject({
      actor: 'legal',
      field: 'photo',
      oldValue: null,
      newValue: { content_type: 'image/png', bytes: PNG.length },
    });
  });

  it('accepts media type parameters and any case; the extension follows the type', async () => {
    await put('PH2');
    const outcome = await upload('PH2', JPEG, 'IMAGE/JPEG; charset=binary');
    expect(outcome.photo.contentType).toBe('image/jpeg');
    expect(outcome.photo.path).toMatch(/\.jpg$/);
  });

  it('replaces an earlier photo, removing the old file only after the new one is committed', async () => {
    await put('PH3');
    const first = await upload('PH3');
    const second = await upload('PH3', JPEG, 'image/jpeg');
    expect(second.replaced).toEqual(first.photo);
    expect(await filesOf('PH3')).toEqual([path.posix.basename(second.photo.path)]);
    expect((await find('PH3')).photo).toEqual(second.photo);
  });

  it('refuses other media types (415), empty (400) and oversized (413) photos, writing nothing', async () => {
    await put('PH4');
    for (const type of ['image/gif', 'text/plain', 'image/pngx', undefined]) {
      const attempt = photos.upload(ctx, 'PH4', { bytes: PNG, contentType: type });
      expect(await refusal(attempt), String(type)).toMatchObject({
        code: 'unsupported_media_type',
        status: 415,
      });
    }
    expect(await refusal(upload('PH4', Buffer.alloc(0)))).toMatchObject({
      code: 'validation_failed',
      message: 'the photo is empty: send the image bytes as the body',
    });
    expect(await refusal(upload('PH4', Buffer.alloc(MAX_PHOTO_BYTES + 1)))).toMatchObject({
      code: 'payload_too_large',
      status: 413,
    });
    expect(await filesOf('PH4')).toEqual([]);
    expect(await upload('PH4', Buffer.alloc(MAX_PHOTO_BYTES, 1))).toMatchObject({
      photo: { bytes: MAX_PHOTO_BYTES },
    });
  });

  it('404s an unknown subject', async () => {
    expect(await refusal(upload('NOBODY'))).toMatchObject({
      code: 'subject_not_found',
      status: 404,
    });
    expect(await refusal(photos.precheck(ctx, 'NOBODY', 'image/png'))).toMatchObject({
      code: 'subject_not_found',
    });
  });

  it('403 consent_required, with the current status, without consent given or when not active; audited as denied', async () => {
    const cases: [string, SubjectInput, Record<string, unknown>][] = [
      ['PC1', {}, { status: 'active', biometric_consent: 'never_collected' }],
      [
        'PC2',
        { consent: { biometric: { status: 'withdrawn', at: '2026-02-01T00:00:00Z' } } },
        { status: 'active', biometric_consent: 'withdrawn' },
      ],
      [
        'PC3',
        { ...GIVEN, status: 'withdrawn' },
        { status: 'withdrawn', biometric_consent: 'given' },
      ],
      [
        'PC4',
        { ...GIVEN, status: 'retention_expired' },
        { status: 'retention_expired', biometric_consent: 'given' },
      ],
    ];
    for (const [id, input, details] of cases) {
      await put(id, input);
      for (const attempt of [upload(id), photos.precheck(ctx, id, 'image/png')]) {
        const error = await refusal(attempt);
        expect(error, id).toMatchObject({ code: 'consent_required', status: 403 });
        expect((error as { details: unknown }).details, id).toMatchObject({
          subject_id: id,
          ...details,
        });
      }
      expect((await chain(id)).map((r) => r.result)).toEqual(['denied', 'denied']);
      expect(await filesOf(id)).toEqual([]);
    }
    const error = (await refusal(upload('PC3'))) as Error;
    expect(error.message).toBe('subject PC3 is withdrawn: no biometric data may be collected');
  });

  it('refuses an erased subject', async () => {
    await put('PC5');
    const { metastore, services } = app.lakehouse;
    const subject = await find('PC5');
    await metastore.transaction((tx) =>
      services.subjects.save(tx, { ...subject, status: 'erased' }),
    );
    expect(await refusal(upload('PC5'))).toMatchObject({
      code: 'consent_required',
      details: { status: 'erased' },
    });
  });
});

describe('photo upload undone when a later step fails', () => {
  it('audit append fails: the new photo is removed and the manifest restored (500 audit_write_failed)', async () => {
    await put('PR1');
    const first = await upload('PR1');
    const before = await find('PR1');
    const rowsBefore = await app.lakehouse.services.audit.count('PR1');
    // A real refusal by the metastore, not a stub: the audit service's insert fails.
    const restore = await refuseInSqlite(
      'refuse_audit_pr1',
      "BEFORE INSERT ON audit_rows WHEN NEW.subject_id = 'PR1'",
    );
    let error: unknown;
    try {
      error = await refusal(upload('PR1', JPEG, 'image/jpeg'));
    } finally {
      await restore();
    }
    expect(error).toMatchObject({
      code: 'audit_write_failed',
      status: 500,
      message:
        'could not audit the photo upload of subject PR1; the photo was removed and the manifest restored',
    });
    expect((error as Error).cause).toMatchObject({ code: 'audit_write_failed' });
    expect(await find('PR1')).toEqual(before);
    expect(await filesOf('PR1')).toEqual([path.posix.basename(first.photo.path)]);
    expect(await app.lakehouse.services.audit.count('PR1')).toBe(rowsBefore);
    const actions = (await app.lakehouse.services.journal.history(systemContext(), 'PR1')).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['photo', 'photo_rollback']));
  });

  it('manifest update fails: the new photo is removed and nothing is audited', async () => {
    await put('PR2');
    const before = await find('PR2');
    const restore = await refuseInSqlite(
      'refuse_subject_pr2',
      "BEFORE UPDATE ON subjects WHEN NEW.subject_id = 'PR2'",
    );
    let error: unknown;
    try {
      error = await refusal(upload('PR2'));
    } finally {
      await restore();
    }
    expect((error as Error).message).toContain('refused by test');
    expect(await filesOf('PR2')).toEqual([]);
    expect(await find('PR2')).toEqual(before);
    expect(await app.lakehouse.services.audit.count('PR2')).toBe(0);
  });
});
