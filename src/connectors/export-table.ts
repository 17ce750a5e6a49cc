import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/index.js';
import type { ExportOptions, ExportResult } from './export-request.js';
import { ProgressMeter } from './progress-meter.js';
import { writeStagedParquet } from './staged-parquet.js';
import type { StagedTable } from './staged-table.js';

/** A system's half of an export: stream the source rows into a CSV file at `csvPath`. */
export type TableStager = (
  csvPath: string,
  meter: ProgressMeter,
  signal?: AbortSignal,
) => Promise<StagedTable>;

/**
 * Source → staging CSV → Parquet. The source connection is released before DuckDB starts, so
 * a slow conversion never holds a snapshot open on the source. The staging file is always
 * removed; the Parquet file exists only if every staged row was written.
 */
export async function exportThroughStaging(
  stage: TableStager,
  options: ExportOptions,
): Promise<ExportResult> {
  options.signal?.throwIfAborted();
  const csvPath = path.join(options.stagingDir, `source-export-${randomUUID()}.csv`);
  const meter = new ProgressMeter(options.onProgress);
  try {
    const staged = await stage(csvPath, meter, options.signal);
    const { parquetPath } = options;
    const written = await writeStagedParquet(
      options.engine,
      { csvPath, columns: staged.columns, longestRow: staged.longestRow, parquetPath },
      meter,
      options.signal,
    );
    if (written !== staged.rows) {
      await rm(parquetPath, { force: true });
      throw new AppError('internal', `${staged.rows} rows were staged but ${written} written`);
    }
    return {
      rows: written,
      columns: staged.columns.map((c) => ({
        name: c.name,
        sourceType: c.sourceType,
        nullable: c.nullable,
        duckdbType: c.mapping.duckdbType,
      })),
      maxWatermark: staged.maxWatermark,
      stagedBytes: meter.stagedBytes,
    };
  } finally {
    await rm(csvPath, { force: true });
  }
}
