import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../../support/app.js';

export type Row = Record<string, unknown>;

export interface IngestCall {
  readonly dataset: string;
  readonly body: string | Buffer;
  /** Extra query parameters: mode, format, key, bucket, filename, async, delimiter, header… */
  readonly query?: Record<string, string>;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly key?: string | null;
}

/** POST /ingest/file with the body as the raw file. */
export function ingest(app: TestApp, call: IngestCall): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ dataset: call.dataset, ...call.query });
  return app.request({
    method: 'POST',
    url: `/ingest/file?${query.toString()}`,
    body: call.body,
    headers: {
      ...(call.contentType !== undefined && { 'content-type': call.contentType }),
      ...call.headers,
    },
    ...(call.key !== undefined && { key: call.key }),
  });
}

/** POST /ingest/file expecting 201; returns the response body. */
export async function ingestCreated(app: TestApp, call: IngestCall) {
  const response = await ingest(app, call);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The one Parquet file a freshly created dataset has, named after its snapshot. */
export function onlyParquetFile(
  app: TestApp,
  name: string,
  snapshotId: string,
  bucket = 'primary',
): string {
  const files = parquetFiles(app, name, bucket);
  expect(files.map((f) => path.basename(f))).toEqual([`${snapshotId}.parquet`]);
  return files[0]!;
}

/** A multipart/form-data body with one file part, built by hand. */
export function multipartBody(
  boundary: string,
  file: { name: string; contentType: string; content: string | Buffer },
): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.contentType}\r\n\r\n`,
    ),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

export function sha256Hex(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function datasetDir(app: TestApp, name: string, bucket = 'primary'): string {
  return path.join(app.dataDir, 'buckets', bucket, 'datasets', name);
}

/** The Parquet files in a dataset's folder (absolute paths, sorted); [] when there is no folder. */
export function parquetFiles(app: TestApp, name: string, bucket = 'primary'): string[] {
  const dir = datasetDir(app, name, bucket);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.parquet'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Everything under `<dataDir>/staging/uploads`; [] when the folder does not exist. */
export function stagedUploads(app: TestApp): string[] {
  const dir = path.join(app.dataDir, 'staging', 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
}

export async function adminPrincipalId(app: TestApp): Promise<string> {
  const keys = await app.request({ method: 'GET', url: '/access/keys' });
  expect(keys.statusCode).toBe(200);
  return keys.json().keys[0].principal.id as string;
}

export async function journalFor(app: TestApp, entityId: string): Promise<Row[]> {
  const response = await app.request({
    method: 'GET',
    url: `/journal/history/${encodeURIComponent(entityId)}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json().events as Row[];
}

export async function getDataset(app: TestApp, name: string): Promise<LightMyRequestResponse> {
  return app.request({ method: 'GET', url: `/catalog/datasets/${encodeURIComponent(name)}` });
}

/** The error body of a refused request, after checking its status and code. */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; message: string; details?: Record<string, unknown> } {
  expect(response.statusCode, response.body).toBe(status);
  const error = response.json().error;
  expect(error.code, response.body).toBe(code);
  expect(typeof error.message).toBe('string');
  return error;
}

/** Every file under `dir`, recursively, as paths relative to it; [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Loose files in `<dataDir>/staging` itself (converted Parquet, temp objects). */
export function stagingLeftovers(app: TestApp): string[] {
  const dir = path.join(app.dataDir, 'staging');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

/** The refused ingest left nothing: no dataset, no files, no staged upload, no journal event. */
export async function expectNothingLeft(app: TestApp, name: string): Promise<void> {
  const dataset = await getDataset(app, name);
  expect(dataset.statusCode, `dataset ${name}`).toBe(404);
  expect(dataset.json().error.code).toBe('dataset_not_found');
  // Anywhere under buckets/, so a file written to the wrong folder is caught as well.
  const files = filesUnder(path.join(app.dataDir, 'buckets')).filter((f) =>
    f.split(path.sep).includes(name),
  );
  expect(files, `files of ${name}`).toEqual([]);
  expect(stagedUploads(app), 'staging/uploads').toEqual([]);
  expect(stagingLeftovers(app), 'staging').toEqual([]);
  expect(await journalFor(app, name), `journal of ${name}`).toEqual([]);
}

/** Polls GET /jobs/{id} until the job ends (10 s at most). */
export async function waitForJob(app: TestApp, id: string): Promise<Row> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await app.request({ method: 'GET', url: `/jobs/${id}` });
    expect(response.statusCode).toBe(200);
    const job = response.json() as Row;
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${String(job.state)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A DuckDB connection for reading the written Parquet back. */
export class ParquetReader {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<ParquetReader> {
    const instance = await DuckDBInstance.create(':memory:');
    return new ParquetReader(instance, await instance.connect());
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /** Rows, column names and column types of `SELECT <select> FROM <files> <tail>`. */
  async read(
    files: readonly string[],
    tail = '',
    select = '*',
  ): Promise<{ rows: Row[]; names: string[]; types: Record<string, string> }> {
    expect(files.length, 'Parquet files to read').toBeGreaterThan(0);
    const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
    const reader = await this.connection.runAndReadAll(
      `SELECT ${select} FROM read_parquet([${list}], union_by_name = true) ${tail}`,
    );
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.toString());
    return {
      rows: reader.getRowObjectsJS() as Row[],
      names,
      types: Object.fromEntries(names.map((n, i) => [n, types[i] ?? ''])),
    };
  }

  /** Every column as its text, so exact digits and dates compare as strings. */
  async text(files: readonly string[], tail = ''): Promise<Row[]> {
    return (await this.read(files, tail, 'columns(*)::VARCHAR')).rows;
  }
}
