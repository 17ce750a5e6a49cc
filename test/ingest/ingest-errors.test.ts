import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';
import {
  ParquetReader,
  expectError,
  expectNothingLeft,
  getDataset,
  ingest,
  journalFor,
  parquetFiles,
  stagedUploads,
  type IngestCall,
} from './support/http-ingest.js';

let app: TestApp;
let db: ParquetReader;
const scratch = tempDir('ingest-errors-src');

beforeAll(async () => {
  app = await startTestApp();
  db = await ParquetReader.open();
});
afterAll(async () => {
  db.close();
  await app.close();
  scratch.remove();
});

/** Ingests, expects the refusal, and checks that nothing of `call.dataset` was left behind. */
async function refused(target: TestApp, call: IngestCall, status: number, code: string) {
  const error = expectError(await ingest(target, call), status, code);
  await expectNothingLeft(target, call.dataset);
  return error;
}

async function createCsv(dataset: string, body: string, query: Record<string, string> = {}) {
  const response = await ingest(app, { dataset, body, contentType: 'text/csv', query });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** What a refused write must leave unchanged about an existing dataset. */
async function stateOf(name: string) {
  const dataset = await getDataset(app, name);
  expect(dataset.statusCode).toBe(200);
  return {
    dataset: dataset.json(),
    files: parquetFiles(app, name),
    journal: await journalFor(app, name),
  };
}

async function writeParquet(name: string, select: string): Promise<Buffer> {
  const file = path.join(scratch.dir, name);
  await db.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  return readFileSync(file);
}

describe('malformed files', () => {
  it('names the line of a ragged CSV row', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_ragged',
        body: 'id,name\n1,a\n2,b\n3,c,extra\n4,d\n',
        contentType: 'text/csv',
        query: { filename: 'ragged.csv' },
      },
      400,
      'malformed_file',
    );
    expect(error.details?.line).toBe(4);
    expect(error.message).toContain("line 4 of 'ragged.csv'");
    expect(error.message).toMatch(/3 fields .* 2 columns/);
  });

  it('names an unterminated quote', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_quote',
        body: 'id,name\n1,a\n2,"never closed\n3,c\n',
        contentType: 'text/csv',
        query: { filename: 'quote.csv' },
      },
      400,
      'malformed_file',
    );
    expect(error.message).toMatch(/quote/i);
    expect(error.details?.line).toBe(3);
    expect(error.message).toContain('line 3');
  });

  it('refuses invalid UTF-8 as encoding_error', async () => {
    const body = Buffer.concat([
      Buffer.from('id,name\n1,ok\n2,caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from('\n'),
    ]);
    const error = await refused(
      app,
      { dataset: 'err_utf8', body, contentType: 'text/csv', query: { filename: 'latin.csv' } },
      400,
      'encoding_error',
    );
    expect(error.message).toContain("line 3 of 'latin.csv' is not valid UTF-8");
    expect(error.details?.line).toBe(3);
  });

  it('refuses a 0-byte file and a header-only CSV as empty_file', async () => {
    const empty = await refused(
      app,
      { dataset: 'err_zero', body: '', contentType: 'text/csv', query: { filename: 'zero.csv' } },
      400,
      'empty_file',
    );
    expect(empty.message).toContain('0 bytes');
    const headerOnly = await refused(
      app,
      {
        dataset: 'err_header_only',
        body: 'id,name,email\n',
        contentType: 'text/csv',
        query: { filename: 'header.csv' },
      },
      400,
      'empty_file',
    );
    expect(headerOnly.message).toContain("'header.csv'");
    expect(headerOnly.message).toMatch(/no data rows/);
  });

  it('refuses a PDF with 415 unsupported_format, listing the accepted formats', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_pdf',
        body: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
        contentType: 'application/pdf',
      },
      415,
      'unsupported_format',
    );
    expect(error.message).toContain('PDF');
    expect(error.details?.accepted).toEqual(['csv', 'tsv', 'json', 'ndjson', 'parquet']);
  });

  it('refuses an NDJSON syntax error, naming its line', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_ndjson',
        body: '{"id":1}\n{"id":2,,"x":1}\n{"id":3}\n',
        contentType: 'application/x-ndjson',
        query: { filename: 'events.ndjson' },
      },
      400,
      'malformed_file',
    );
    expect(error.details?.line).toBe(2);
    expect(error.message).toContain("line 2 of 'events.ndjson'");
  });

  it('refuses a JSON array with a syntax error, naming the record', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_json',
        body: '[{"id":1},\n{"id":2 "name":"x"},\n{"id":3}]',
        contentType: 'application/json',
        query: { filename: 'people.json' },
      },
      400,
      'malformed_file',
    );
    expect(error.message).toContain("'people.json'");
    expect(error.message).toContain('not valid JSON');
    expect(error.details?.record).toBe(2);
  });

  it('refuses a truncated Parquet file', async () => {
    const whole = await writeParquet('whole.parquet', 'SELECT range AS id FROM range(100)');
    const error = await refused(
      app,
      {
        dataset: 'err_parquet',
        body: whole.subarray(0, whole.length - 16),
        contentType: 'application/vnd.apache.parquet',
        query: { filename: 'cut.parquet' },
      },
      400,
      'malformed_file',
    );
    expect(error.message).toContain("'cut.parquet'");
    expect(error.message).toMatch(/Parquet/);
    expect(error.message).toMatch(/truncated/);
  });
});

describe('refused requests', () => {
  it('refuses create on an existing dataset with 409 and leaves it unchanged', async () => {
    await createCsv('err_exists', 'id,name\n1,Ada\n');
    const before = await stateOf('err_exists');
    const error = expectError(
      await ingest(app, {
        dataset: 'err_exists',
        body: 'id,name\n2,Eve\n',
        contentType: 'text/csv',
      }),
      409,
      'dataset_exists',
    );
    expect(error.message).toContain('err_exists');
    expect(await stateOf('err_exists')).toEqual(before);
    expect(before.journal).toHaveLength(1);
    expect(stagedUploads(app)).toEqual([]);
  });

  it('refuses append to a missing dataset with 404', async () => {
    const error = await refused(
      app,
      {
        dataset: 'err_missing',
        body: 'id\n1\n',
        contentType: 'text/csv',
        query: { mode: 'append' },
      },
      404,
      'dataset_not_found',
    );
    expect(error.message).toContain('err_missing');
  });

  it('refuses a row key that is missing, duplicated or NULL', async () => {
    const missing = await refused(
      app,
      { dataset: 'err_key_missing', body: 'id,name\n1,a\n', query: { key: 'nope' } },
      400,
      'invalid_row_key',
    );
    expect(missing.message).toContain('"nope"');
    expect(missing.details).toMatchObject({ column: 'nope' });
    const duplicated = await refused(
      app,
      { dataset: 'err_key_dup', body: 'id,name\n1,a\n2,b\n1,c\n', query: { key: 'id' } },
      400,
      'invalid_row_key',
    );
    expect(duplicated.message).toMatch(/duplicate/);
    expect(duplicated.details).toEqual({ column: 'id', duplicate_values: 1 });
    const withNull = await refused(
      app,
      { dataset: 'err_key_null', body: 'id,name\n1,a\n,b\n,c\n', query: { key: 'id' } },
      400,
      'invalid_row_key',
    );
    expect(withNull.message).toMatch(/NULL/);
    expect(withNull.details).toEqual({ column: 'id', null_values: 2 });
  });

  it('refuses an analyst key with 403 and writes nothing', async () => {
    const created = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'a', roles: ['analyst'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const error = await refused(
      app,
      { dataset: 'err_analyst', body: 'id\n1\n', contentType: 'text/csv', key: created.json().key },
      403,
      'forbidden',
    );
    expect(error.message).toMatch(/ingesting data/);
  });
});

describe('schema evolution on append', () => {
  const incompatible = 'id,age\n3,old\n';

  it('refuses an incompatible append with 409 schema_conflict and changes nothing', async () => {
    await createCsv('err_schema', 'id,age\n1,30\n2,40\n');
    const before = await stateOf('err_schema');
    expect(before.dataset.columns.map((c: { type: string }) => c.type)).toEqual([
      'BIGINT',
      'BIGINT',
    ]);
    const error = expectError(
      await ingest(app, {
        dataset: 'err_schema',
        body: incompatible,
        contentType: 'text/csv',
        query: { mode: 'append' },
      }),
      409,
      'schema_conflict',
    );
    const details = error.details as { changes: Array<Record<string, unknown>>; rules: unknown[] };
    expect(details.changes).toContainEqual(
      expect.objectContaining({ column: 'age', kind: 'incompatible', compatible: false }),
    );
    expect(details.rules.length).toBeGreaterThan(0);
    expect(details.rules).toContainEqual(expect.objectContaining({ column: 'age' }));
    expect(await stateOf('err_schema')).toEqual(before);
    expect(stagedUploads(app)).toEqual([]);
  });

  it('previews the same conflict with schema-diff, writing nothing', async () => {
    const before = await stateOf('err_schema');
    const diff = await app.request({
      method: 'POST',
      url: '/catalog/datasets/err_schema/schema-diff?filename=more.csv',
      body: incompatible,
      headers: { 'content-type': 'text/csv' },
    });
    expect(diff.statusCode, diff.body).toBe(200);
    const body = diff.json();
    expect(body.compatible).toBe(false);
    expect(body.changes).toContainEqual(
      expect.objectContaining({ column: 'age', kind: 'incompatible', from: 'BIGINT' }),
    );
    expect(body.rules.length).toBeGreaterThan(0);
    const compatible = await app.request({
      method: 'POST',
      url: '/catalog/datasets/err_schema/schema-diff?filename=ok.csv',
      body: 'id,age,email\n5,50,x@example.com\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(compatible.statusCode, compatible.body).toBe(200);
    expect(compatible.json()).toMatchObject({ compatible: true, rules: [] });
    expect(compatible.json().changes).toContainEqual(
      expect.objectContaining({ column: 'email', kind: 'added', compatible: true }),
    );
    expect(await stateOf('err_schema')).toEqual(before);
    expect(stagedUploads(app)).toEqual([]);
  });

  it('accepts a compatible append: a new column, and INTEGER widened to BIGINT', async () => {
    const source = await writeParquet(
      'ints.parquet',
      'SELECT * FROM (VALUES (1::BIGINT, 30::INTEGER), (2::BIGINT, 40::INTEGER)) t(id, age)',
    );
    const first = await ingest(app, {
      dataset: 'widen_people',
      body: source,
      contentType: 'application/vnd.apache.parquet',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().dataset.columns.map((c: { type: string }) => c.type)).toEqual([
      'BIGINT',
      'INTEGER',
    ]);
    const appended = await ingest(app, {
      dataset: 'widen_people',
      body: 'id,age,email\n3,3000000000,c@example.com\n',
      contentType: 'text/csv',
      query: { mode: 'append' },
    });
    expect(appended.statusCode, appended.body).toBe(201);
    const dataset = appended.json().dataset;
    expect(dataset.row_count).toBe(3);
    expect(dataset.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['id', 'BIGINT'],
      ['age', 'BIGINT'],
      ['email', 'VARCHAR'],
    ]);
    const { rows } = await db.read(parquetFiles(app, 'widen_people'), 'ORDER BY id');
    expect(rows).toEqual([
      { id: 1n, age: 30n, email: null },
      { id: 2n, age: 40n, email: null },
      { id: 3n, age: 3000000000n, email: 'c@example.com' },
    ]);
  });
});

describe('limits checked before the body is read', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { LAKEHOUSE_MAX_UPLOAD_BYTES: '1KiB' } });
  });
  afterAll(() => limited.close());

  const oversized = 'id,name\n' + Array.from({ length: 200 }, (_, i) => `${i},n${i}`).join('\n');

  it('refuses bad dataset names without staging the body', async () => {
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(1024);
    for (const name of ['Bad-Name', 'select', '1abc', 'a'.repeat(64)]) {
      // Over the upload limit: staging it would have been a 413, not a 400.
      const error = expectError(
        await ingest(limited, { dataset: name, body: oversized, contentType: 'text/csv' }),
        400,
        'invalid_dataset_name',
      );
      expect(error.message).toContain(name);
      await expectNothingLeft(limited, name);
    }
    expect(existsSync(path.join(limited.dataDir, 'staging', 'uploads'))).toBe(false);
  });

  it('refuses an oversized upload with 413 and keeps nothing', async () => {
    const error = await refused(
      limited,
      { dataset: 'err_too_big', body: oversized, contentType: 'text/csv' },
      413,
      'payload_too_large',
    );
    expect(error.message).toContain('1024 bytes');
  });
});
