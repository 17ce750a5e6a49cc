import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  exportSourceTable,
  type ExportProgress,
  type ExportRequest,
  type ExportResult,
  type SourceConfig,
} from '../../../src/connectors/index.js';
import { DuckDbEngine } from '../../../src/query/index.js';
import { tempDir } from '../../support/temp.js';

/** A DuckDB engine and a scratch directory for exports; `close` releases both. */
export interface ExportHarness {
  readonly engine: DuckDbEngine;
  readonly dir: string;
  /** Exports into `<dir>/<name>.parquet`, collecting progress reports. */
  exportTable(
    config: SourceConfig,
    request: ExportRequest,
    name: string,
    options?: { signal?: AbortSignal; onProgress?: (progress: ExportProgress) => void },
  ): Promise<{ result: ExportResult; parquetPath: string; progress: ExportProgress[] }>;
  /** Rows of a Parquet file through DuckDB, e.g. `SELECT id, CAST(x AS VARCHAR) AS x FROM file`. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Files left in the staging directory (none after any export). */
  stagedFiles(): string[];
  close(): void;
}

export async function createExportHarness(label: string): Promise<ExportHarness> {
  const engine = await DuckDbEngine.create({ threads: 2 });
  const temp = tempDir(label);
  const staging = path.join(temp.dir, 'staging');
  mkdirSync(staging);
  return {
    engine,
    dir: temp.dir,
    async exportTable(config, request, name, options = {}) {
      const parquetPath = path.join(temp.dir, `${name}.parquet`);
      const progress: ExportProgress[] = [];
      const result = await exportSourceTable(config, request, {
        parquetPath,
        stagingDir: staging,
        engine,
        onProgress: (p) => {
          progress.push(p);
          options.onProgress?.(p);
        },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { result, parquetPath, progress };
    },
    async query(sql) {
      return engine.withConnection(async (c) => [...(await c.query(sql)).rows]);
    },
    stagedFiles: () => readdirSync(staging),
    close() {
      engine.close();
      temp.remove();
    },
  };
}
