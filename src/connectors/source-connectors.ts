import { exportThroughStaging, type TableStager } from './export-table.js';
import type { ExportOptions, ExportRequest, ExportResult } from './export-request.js';
import { discoverMysql, pingMysql } from './mysql/mysql-discover.js';
import { stageMysqlTable } from './mysql/mysql-export.js';
import { discoverPostgres, pingPostgres } from './postgres/pg-discover.js';
import { stagePostgresTable } from './postgres/pg-export.js';
import type { SourceCatalog } from './source-catalog.js';
import type { SourceConfig, SourceSystem } from './source-config.js';

interface SourceConnector {
  ping(config: SourceConfig): Promise<string>;
  discover(config: SourceConfig): Promise<SourceCatalog>;
  stage(config: SourceConfig, request: ExportRequest): TableStager;
}

const CONNECTORS: Readonly<Record<SourceSystem, SourceConnector>> = {
  postgres: {
    ping: pingPostgres,
    discover: discoverPostgres,
    stage: (config, request) => (csvPath, meter, signal) =>
      stagePostgresTable(config, request, csvPath, meter, signal),
  },
  mysql: {
    ping: pingMysql,
    discover: discoverMysql,
    stage: (config, request) => (csvPath, meter, signal) =>
      stageMysqlTable(config, request, csvPath, meter, signal),
  },
};

/** Connects and logs in; returns the server's version string. */
export function checkSourceConnection(config: SourceConfig): Promise<string> {
  return CONNECTORS[config.system].ping(config);
}

/** Schemas, tables (with estimated row counts) and columns (with source and DuckDB types). */
export function discoverSource(config: SourceConfig): Promise<SourceCatalog> {
  return CONNECTORS[config.system].discover(config);
}

/**
 * Imports one table (all of it, or the rows past a watermark) into one Parquet file, streamed
 * from one consistent snapshot of the source with memory that does not grow with the table.
 */
export function exportSourceTable(
  config: SourceConfig,
  request: ExportRequest,
  options: ExportOptions,
): Promise<ExportResult> {
  return exportThroughStaging(CONNECTORS[config.system].stage(config, request), options);
}
