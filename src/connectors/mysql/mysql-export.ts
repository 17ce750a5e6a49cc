import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../core/index.js';
import { tableNotFound, type FailureContext } from '../connector-errors.js';
import type { ExportRequest } from '../export-request.js';
import type { ProgressMeter } from '../progress-meter.js';
import type { SourceConfig } from '../source-config.js';
import type { StagedTable } from '../staged-table.js';
import { listMysqlColumns } from './mysql-catalog.js';
import {
  closeMysql,
  connectMysql,
  streamingConnection,
  type MysqlSession,
} from './mysql-client.js';
import { mysqlFailure } from './mysql-errors.js';
import { mysqlIdentifier } from './mysql-identifier.js';
import { CsvRowWriter } from './csv-row-writer.js';
import { planMysqlColumn } from './mysql-type-mapping.js';
import { maxWatermarkOf, watermarkFilter } from './mysql-watermark.js';

/**
 * Streams one table (or its rows past a watermark) into a CSV file at `csvPath`, from one
 * consistent InnoDB snapshot. Rows come over the binary protocol (FLOAT and DOUBLE as their
 * exact bits: the text protocol rounds them) and mysql2 pauses the socket while the file
 * catches up, so memory does not grow with the table.
 */
export async function stageMysqlTable(
  config: SourceConfig,
  request: ExportRequest,
  csvPath: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<StagedTable> {
  const session = await connectMysql(config);
  const context: FailureContext = { config, connecting: false, table: request };
  try {
    await session.connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await session.connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const found = await listMysqlColumns(session.connection, {
      schema: request.schema,
      table: request.table,
      mariadb: session.server.mariadb,
    });
    if (found.length === 0) throw tableNotFound(context, request);
    const incremental = request.watermark !== undefined && request.watermark.after !== null;
    meter.estimate(incremental ? null : found[0]!.estimatedRows);
    const columns = found.map((row) => ({
      ...row,
      mapping: planMysqlColumn(row.type, session.server),
    }));
    const filter = watermarkFilter(request, found);
    const maxWatermark = request.watermark
      ? await maxWatermarkOf(session, request, found, filter)
      : null;
    const selects = columns.map((c) => c.mapping.select(mysqlIdentifier(c.name)));
    const sql = `SELECT ${selects.join(', ')} FROM ${tableSql(request)}${filter.sql}`;
    const staged = await streamToFile(session, sql, filter.params, csvPath, meter, signal);
    await session.connection.query('COMMIT');
    return { columns, ...staged, maxWatermark };
  } catch (error) {
    signal?.throwIfAborted();
    throw error instanceof AppError ? error : mysqlFailure(error, context);
  } finally {
    await closeMysql(session);
  }
}

async function streamToFile(
  session: MysqlSession,
  sql: string,
  params: readonly string[],
  csvPath: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<{ rows: number; longestRow: number }> {
  // The callback API's query is what streams; the promise wrapper would buffer every row.
  const rows = streamingConnection(session)
    .execute({ sql, rowsAsArray: true }, [...params])
    .stream();
  const writer = new CsvRowWriter((count, bytes) => meter.reading(count, bytes));
  try {
    await pipeline(rows, writer, createWriteStream(csvPath), signal ? { signal } : {});
  } catch (error) {
    // A stream torn down mid-result leaves the protocol out of step: never reuse the session.
    session.connection.destroy();
    throw error;
  }
  meter.reading(writer.rows, writer.bytes, true);
  return { rows: writer.rows, longestRow: writer.longestRow };
}

function tableSql(table: ExportRequest): string {
  return `${mysqlIdentifier(table.schema)}.${mysqlIdentifier(table.table)}`;
}
