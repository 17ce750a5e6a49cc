import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';
import {
  ParquetReader,
  adminPrincipalId,
  datasetDir,
  expectError,
  expectNothingLeft,
  getDataset,
  ingest,
  journalFor,
  multipartBody,
  parquetFiles,
  sha256Hex,
  stagedUploads,
  ingestCreated,
  onlyParquetFile,
  waitForJob,
  type IngestCall,
} from './support/http-ingest.js';
import {
  JSON_ARRAY,
  JSON_INTEGER_TEXT,
  JSON_ROWS,
  JSON_TYPES,
  NDJSON,
  TRICKY_CSV,
  TRICKY_CSV_ROWS,
  TRICKY_CSV_TEXT,
  TRICKY_CSV_TYPES,
} from './support/fixtures.js';

let app: TestApp;
let db: ParquetReader;
let admin: string;
const scratch = tempDir('ingest-http-src');

beforeAll(async () => {
  app = await startTestApp();
  db = await ParquetReader.open();
  admin = await adminPrincipalId(app);
});
afterAll(async () => {
  db.close();
  await app.close();
  scratch.remove();
});

/** Ingests and expects 201; returns the response body. */
const created = (call: IngestCall) => ingestCreated(app, call);
/** The one Parquet file a freshly created dataset has, named after its snapshot. */
/** A CSV upload (text/csv) expecting 201. */
const createdCsv = (dataset: string, body: string, query: Record<string, string> = {}) =>
  created({ dataset, body, contentType: 'text/csv', query });
const onlyFile = (name: string, snapshotId: string, bucket = 'primary') =>
  onlyParquetFile(app, name, snapshotId, bucket);

describe('CSV round-trips through Parquet', () => {
  it('keeps quotes, commas, newlines, unicode, empty vs NULL, big integers, decimals, dates', async () => {
    const result = await createdCsv('csv_tricky', TRICKY_CSV, { filename: 'tricky.csv' });
    expect(result.rows_written).toBe(2);
    const file = onlyFile('csv_tricky', result.snapshot_id);
    const { types } = await db.read([file]);
    expect(types).toEqual(TRICKY_CSV_TYPES);
    const { rows } = await db.read([file], 'ORDER BY id', '* EXCLUDE (amount, ratio, day, ts)');
    expect(rows).toEqual(TRICKY_CSV_ROWS);
    const text = await db.text([file], 'ORDER BY id::BIGINT');
    expect(text.map(({ amount, ratio, day, ts }) => ({ amount, ratio, day, ts }))).toEqual(
      TRICKY_CSV_TEXT,
    );
    // The manifest agrees with the file.
    const columns = result.dataset.columns as Array<{ name: string; type: string }>;
    expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual(types);
  });

  it('reads TSV by ?format=tsv and by a .tsv name', async () => {
    const tsv = 'id\tname\tnote\n1\tAda Lovelace\ta, b; c\n2\tGrace "Amazing" Hopper\t\n';
    const byFormat = await created({
      dataset: 'tsv_by_format',
      body: tsv,
      query: { format: 'tsv' },
    });
    const byName = await created({
      dataset: 'tsv_by_name',
      body: tsv,
      contentType: 'application/octet-stream',
      query: { filename: 'people.tsv' },
    });
    for (const [name, result] of [
      ['tsv_by_format', byFormat],
      ['tsv_by_name', byName],
    ] as const) {
      expect(result.dataset.lineage.format).toBe('tsv');
      const { rows, names } = await db.read([onlyFile(name, result.snapshot_id)], 'ORDER BY id');
      expect(names).toEqual(['id', 'name', 'note']);
      expect(rows).toEqual([
        { id: 1n, name: 'Ada Lovelace', note: 'a, b; c' },
        { id: 2n, name: 'Grace "Amazing" Hopper', note: null },
      ]);
    }
  });

  it('reads semicolon-delimited CSV, sniffed and with ?delimiter=;', async () => {
    const csv = 'id;name;city\n1;Müller, Hans;Köln\n2;Åsa;"Malmö; Skåne"\n';
    for (const [name, query] of [
      ['semi_sniffed', { filename: 'semi.csv' }],
      ['semi_explicit', { filename: 'semi.csv', delimiter: ';' }],
    ] as const) {
      const result = await created({ dataset: name, body: csv, query });
      const { rows, names } = await db.read([onlyFile(name, result.snapshot_id)], 'ORDER BY id');
      expect(names, name).toEqual(['id', 'name', 'city']);
      expect(rows, name).toEqual([
        { id: 1n, name: 'Müller, Hans', city: 'Köln' },
        { id: 2n, name: 'Åsa', city: 'Malmö; Skåne' },
      ]);
    }
  });

  it('reads a header-less CSV with header=false: the first line is data', async () => {
    const result = await createdCsv('no_header', 'name,city\nAda,London\nGrace,New York\n', {
      header: 'false',
    });
    expect(result.rows_written).toBe(3);
    expect(result.dataset.row_count).toBe(3);
    const file = onlyFile('no_header', result.snapshot_id);
    const { rows, names } = await db.read([file]);
    expect(names).toHaveLength(2);
    expect(rows.map((r) => Object.values(r))).toEqual([
      ['name', 'city'],
      ['Ada', 'London'],
      ['Grace', 'New York'],
    ]);
  });
});

/** The rows of the JSON fixture, exact, with the manifest's types matching the file's. */
async function expectJsonRows(file: string, columns: Array<{ name: string; type: string }>) {
  // Exact digits first: an integer stored as DOUBLE would read 9.223372036854776e+18 or -5.0.
  const text = await db.text([file], 'ORDER BY id::BIGINT');
  expect(text.map((r) => ({ big: r.big, delta: r.delta }))).toEqual(JSON_INTEGER_TEXT);
  const { rows, types } = await db.read([file], 'ORDER BY id');
  // The client's type text quotes struct field names ("a"), the manifest's does not.
  const unquoted = Object.entries(types).map(([name, type]) => [name, type.replaceAll('"', '')]);
  expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual(
    Object.fromEntries(unquoted),
  );
  expect(Object.fromEntries(unquoted)).toEqual(JSON_TYPES);
  expect(rows).toEqual(JSON_ROWS);
}

describe('JSON, NDJSON and Parquet round-trips', () => {
  it('reads a JSON array of objects with nested objects, arrays, big ints and nulls', async () => {
    const result = await created({
      dataset: 'json_array',
      body: JSON_ARRAY,
      contentType: 'application/json',
    });
    expect(result.dataset.lineage.format).toBe('json');
    await expectJsonRows(onlyFile('json_array', result.snapshot_id), result.dataset.columns);
  });

  it('reads NDJSON by content type and by a .ndjson name', async () => {
    const byType = await created({
      dataset: 'ndjson_by_type',
      body: NDJSON,
      contentType: 'application/x-ndjson',
    });
    const byName = await created({
      dataset: 'ndjson_by_name',
      body: NDJSON,
      contentType: 'application/octet-stream',
      query: { filename: 'events.ndjson' },
    });
    expect(byType.dataset.lineage.format).toBe('ndjson');
    expect(byName.dataset.lineage.format).toBe('ndjson');
    await expectJsonRows(onlyFile('ndjson_by_type', byType.snapshot_id), byType.dataset.columns);
    await expectJsonRows(onlyFile('ndjson_by_name', byName.snapshot_id), byName.dataset.columns);
  });

  it('ingests an uploaded Parquet file, keeping its types and values', async () => {
    const source = path.join(scratch.dir, 'source.parquet');
    await db.run(
      `COPY (SELECT * FROM (VALUES
         (1::BIGINT, 'Ada ""x""', 12345678901234.56::DECIMAL(18,2), DATE '2026-01-31', 7::INTEGER),
         (2::BIGINT, '東京', 0.10::DECIMAL(18,2), DATE '1999-12-31', NULL::INTEGER)
       ) t(id, name, amount, day, n)) TO '${source}' (FORMAT parquet)`,
    );
    const bytes = readFileSync(source);
    const result = await created({
      dataset: 'from_parquet',
      body: bytes,
      contentType: 'application/vnd.apache.parquet',
    });
    expect(result.dataset.lineage).toMatchObject({ format: 'parquet', checksum: sha256Hex(bytes) });
    const file = onlyFile('from_parquet', result.snapshot_id);
    const { types } = await db.read([file]);
    expect(types).toEqual({
      id: 'BIGINT',
      name: 'VARCHAR',
      amount: 'DECIMAL(18,2)',
      day: 'DATE',
      n: 'INTEGER',
    });
    expect(await db.text([file], 'ORDER BY id::BIGINT')).toEqual([
      { id: '1', name: 'Ada ""x""', amount: '12345678901234.56', day: '2026-01-31', n: '7' },
      { id: '2', name: '東京', amount: '0.10', day: '1999-12-31', n: null },
    ]);
  });

  it('takes a multipart/form-data upload like a raw body', async () => {
    const csv = 'id,name\n1,"Lovelace, Ada"\n2,山田\n';
    const boundary = '----lakehouse-test-boundary-7MA4YWxkTrZu0gW';
    const result = await created({
      dataset: 'multipart_upload',
      body: multipartBody(boundary, { name: 'people.csv', contentType: 'text/csv', content: csv }),
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
    const raw = await createdCsv('multipart_raw', csv);
    expect(result.dataset.lineage).toMatchObject({
      source: 'people.csv',
      format: 'csv',
      checksum: sha256Hex(csv),
    });
    expect(result.dataset.columns).toEqual(raw.dataset.columns);
    const fromMultipart = await db.read([onlyFile('multipart_upload', result.snapshot_id)]);
    const fromRaw = await db.read([onlyFile('multipart_raw', raw.snapshot_id)]);
    expect(fromMultipart.rows).toEqual([
      { id: 1n, name: 'Lovelace, Ada' },
      { id: 2n, name: '山田' },
    ]);
    expect(fromMultipart).toEqual(fromRaw);
  });
});

describe('manifest, journal and modes', () => {
  it('records a complete manifest and exactly one ingest_create event', async () => {
    const csv = 'id,name,joined\n1,Ada,2026-01-31\n2,Grace,2025-06-30\n3,Katherine,2024-02-29\n';
    const result = await createdCsv('manifest_people', csv, { key: 'id', filename: 'people.csv' });
    const file = onlyFile('manifest_people', result.snapshot_id);
    const dataset = result.dataset;
    expect(typeof result.job_id).toBe('string');
    expect(result.rows_written).toBe(3);
    expect(dataset).toMatchObject({
      name: 'manifest_people',
      bucket: 'primary',
      row_count: 3,
      size_bytes: statSync(file).size,
      row_key_column: 'id',
      current_snapshot_id: result.snapshot_id,
      status: 'ready',
      created_by: admin,
      lineage: {
        source_system: 'upload',
        source: 'people.csv',
        format: 'csv',
        job_id: result.job_id,
        checksum: sha256Hex(csv),
        actor: admin,
        mode: 'create',
      },
    });
    expect(dataset.size_bytes).toBeGreaterThan(0);
    expect(dataset.columns.map((c: { name: string; type: string }) => [c.name, c.type])).toEqual([
      ['id', 'BIGINT'],
      ['name', 'VARCHAR'],
      ['joined', 'DATE'],
    ]);
    expect(dataset.columns.every((c: { is_pii: unknown }) => typeof c.is_pii === 'boolean')).toBe(
      true,
    );
    // The catalog serves the same manifest.
    const fetched = await getDataset(app, 'manifest_people');
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(dataset);
    const list = await app.request({ method: 'GET', url: '/catalog/datasets' });
    const names = list.json().datasets.map((d: { name: string }) => d.name);
    expect(names.filter((n: string) => n === 'manifest_people')).toHaveLength(1);

    const events = await journalFor(app, 'manifest_people');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity_type: 'dataset',
      entity_id: 'manifest_people',
      action: 'ingest_create',
      actor: admin,
      new_value: { snapshot_id: result.snapshot_id, rows: 3, job_id: result.job_id },
    });
    const recent = await app.request({ method: 'GET', url: '/journal/recent?limit=1000' });
    const mine = recent
      .json()
      .events.filter((e: { entity_id: string }) => e.entity_id === 'manifest_people');
    expect(mine.map((e: { action: string }) => e.action)).toEqual(['ingest_create']);
    expect(stagedUploads(app)).toEqual([]);
  });

  it('appends: row counts add up and both files are readable', async () => {
    const first = await createdCsv('append_people', 'id,name\n1,Ada\n2,Grace\n', { key: 'id' });
    const second = await createdCsv('append_people', 'id,name\n3,Katherine\n4,Dorothy\n5,Mary\n', {
      mode: 'append',
    });
    expect(second.rows_written).toBe(3);
    expect(second.dataset).toMatchObject({
      row_count: 5,
      row_key_column: 'id',
      current_snapshot_id: second.snapshot_id,
      lineage: { mode: 'append', job_id: second.job_id },
    });
    const files = parquetFiles(app, 'append_people');
    expect(files.map((f) => path.basename(f)).sort()).toEqual(
      [`${first.snapshot_id}.parquet`, `${second.snapshot_id}.parquet`].sort(),
    );
    expect(second.dataset.size_bytes).toBe(files.reduce((sum, f) => sum + statSync(f).size, 0));
    const { rows } = await db.read(files, 'ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(['Ada', 'Grace', 'Katherine', 'Dorothy', 'Mary']);
    const actions = (await journalFor(app, 'append_people')).map((e) => e.action);
    expect(actions).toEqual(['ingest_create', 'ingest_append']);
  });

  it('replaces: the current snapshot holds only the new rows', async () => {
    await createdCsv('replace_people', 'id,name\n1,Ada\n2,Grace\n3,Katherine\n');
    const replaced = await createdCsv('replace_people', 'id,name\n10,Dorothy\n', {
      mode: 'replace',
    });
    expect(replaced.rows_written).toBe(1);
    expect(replaced.dataset).toMatchObject({
      row_count: 1,
      current_snapshot_id: replaced.snapshot_id,
      lineage: { mode: 'replace' },
    });
    const current = path.join(datasetDir(app, 'replace_people'), `${replaced.snapshot_id}.parquet`);
    expect(replaced.dataset.size_bytes).toBe(statSync(current).size);
    const { rows } = await db.read([current]);
    expect(rows).toEqual([{ id: 10n, name: 'Dorothy' }]);
    const actions = (await journalFor(app, 'replace_people')).map((e) => e.action);
    expect(actions).toEqual(['ingest_create', 'ingest_replace']);
  });

  it('runs async=true as a job (202) that reports rows, bytes and 100 %', async () => {
    const csv =
      'id,name\n' + Array.from({ length: 50 }, (_, i) => `${i + 1},name ${i + 1}`).join('\n');
    const response = await ingest(app, {
      dataset: 'async_people',
      body: csv,
      contentType: 'text/csv',
      query: { async: 'true' },
    });
    expect(response.statusCode, response.body).toBe(202);
    const { job_id, status_url } = response.json();
    expect(typeof job_id).toBe('string');
    expect(status_url).toBe(`/jobs/${job_id}`);
    const job = await waitForJob(app, job_id);
    expect(job).toMatchObject({
      id: job_id,
      kind: 'ingest',
      state: 'succeeded',
      dataset: 'async_people',
      rows_processed: 50,
      bytes_total: Buffer.byteLength(csv),
      percent: 100,
    });
    const dataset = await getDataset(app, 'async_people');
    expect(dataset.statusCode).toBe(200);
    expect(dataset.json()).toMatchObject({ row_count: 50, lineage: { job_id } });
    const { rows } = await db.read(parquetFiles(app, 'async_people'), 'ORDER BY id');
    expect(rows).toHaveLength(50);
    expect(rows[49]).toEqual({ id: 50n, name: 'name 50' });
  });
});

describe('buckets', () => {
  beforeAll(async () => {
    const response = await app.request({
      method: 'POST',
      url: '/storage/buckets',
      body: { name: 'archive' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('puts the dataset in the bucket named by X-Lakehouse-Bucket or ?bucket=', async () => {
    const byHeader = await created({
      dataset: 'archived_by_header',
      body: 'id,v\n1,a\n',
      contentType: 'text/csv',
      headers: { 'x-lakehouse-bucket': 'archive' },
    });
    const byQuery = await createdCsv('archived_by_query', 'id,v\n1,a\n', { bucket: 'archive' });
    for (const [name, result] of [
      ['archived_by_header', byHeader],
      ['archived_by_query', byQuery],
    ] as const) {
      expect(result.dataset.bucket).toBe('archive');
      const file = onlyFile(name, result.snapshot_id, 'archive');
      expect(parquetFiles(app, name, 'primary')).toEqual([]);
      expect((await db.read([file])).rows).toEqual([{ id: 1n, v: 'a' }]);
    }
  });

  it('refuses an unknown bucket with 404, naming the valid ones, and keeps nothing', async () => {
    const response = await ingest(app, {
      dataset: 'lost_in_bucket',
      body: 'id,v\n1,a\n',
      contentType: 'text/csv',
      query: { bucket: 'nope' },
    });
    const error = expectError(response, 404, 'bucket_not_found');
    expect(error.details).toEqual({ valid_buckets: ['archive', 'primary', 'rescue'] });
    expect(error.message).toContain('nope');
    await expectNothingLeft(app, 'lost_in_bucket');
  });
});
