import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { AppError } from '../../core/index.js';
import { tableNotFound, type FailureContext } from '../connector-errors.js';
import { CsvRowCounter } from '../csv-row-counter.js';
import type { ExportRequest } from '../export-request.js';
import type { ProgressMeter } from '../progress-meter.js';
import type { StagedTable } from '../staged-table.js';
import type { SourceConfig } from '../source-config.js';
import { listPgColumns } from './pg-catalog.js';
import { closePostgres, connectPostgres } from './pg-client.js';
import { pgFailure } from './pg-errors.js';
import { planPgColumn } from './pg-type-mapping.js';
import { maxWatermarkOf, watermarkFilter } from './pg-watermark.js';

/**
 * Streams one table (or its rows past a watermark) into a CSV file at `csvPath`, from a
 * single REPEATABLE READ snapshot: the watermark maximum and the rows come from the same
 * instant. COPY … TO STDOUT streams with backpressure, so memory does not grow with the table.
 */
export async function stagePostgresTable(
  config: SourceConfig,
  request: ExportRequest,
  csvPath: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<StagedTable> {
  const client = await connectPostgres(config);
  const context: FailureContext = { config, connecting: false, table: request };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const found = await listPgColumns(client, request);
    if (found.length === 0) throw tableNotFound(context, request);
    const incremental = request.watermark !== undefined && request.watermark.after !== null;
    meter.estimate(incremental ? null : found[0]!.estimatedRows);
    const columns = found.map((row) => ({ ...row, mapping: planPgColumn(row.type) }));
    const filter = request.watermark ? watermarkFilter(found, request.watermark) : '';
    const maxWatermark = request.watermark
      ? await maxWatermarkOf(client, request, found, filter)
      : null;
    const selects = columns.map((c) => c.mapping.select(pg.escapeIdentifier(c.name)));
    const copy = `COPY (SELECT ${selects.join(', ')} FROM ${tableSql(request)}${filter}) TO STDOUT (FORMAT csv)`;
    const staged = await copyToFile(client, copy, csvPath, meter, signal);
    await client.query('COMMIT');
    return { columns, ...staged, maxWatermark };
  } catch (error) {
    signal?.throwIfAborted();
    throw error instanceof AppError ? error : pgFailure(error, context);
  } finally {
    await closePostgres(client);
  }
}

async function copyToFile(
  client: pg.Client,
  sql: string,
  csvPath: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<{ rows: number; longestRow: number }> {
  const source = client.query(copyTo(sql));
  const counter = new CsvRowCounter((rows, bytes) => meter.reading(rows, bytes));
  await pipeline(source, counter, createWriteStream(csvPath), signal ? { signal } : {});
  meter.reading(counter.rows, counter.bytes, true);
  if (source.rowCount !== counter.rows) {
    throw new Error(`COPY reported ${source.rowCount} rows but ${counter.rows} were staged`);
  }
  return { rows: counter.rows, longestRow: counter.longestRow };
}

function tableSql(table: ExportRequest): string {
  return `${pg.escapeIdentifier(table.schema)}.${pg.escapeIdentifier(table.table)}`;
}
