import { AppError } from '../../core/index.js';
import { catalogFromRows, type SourceCatalog } from '../source-catalog.js';
import type { SourceConfig } from '../source-config.js';
import { listPgColumns } from './pg-catalog.js';
import { closePostgres, connectPostgres } from './pg-client.js';
import { pgFailure } from './pg-errors.js';
import { planPgColumn } from './pg-type-mapping.js';

/** Schemas, tables and columns (with their DuckDB types) of the configured database. */
export async function discoverPostgres(config: SourceConfig): Promise<SourceCatalog> {
  const client = await connectPostgres(config);
  try {
    const rows = await listPgColumns(client);
    return catalogFromRows(
      'postgres',
      rows.map(({ type, ...row }) => ({ ...row, duckdbType: planPgColumn(type).duckdbType })),
    );
  } catch (error) {
    throw error instanceof AppError ? error : pgFailure(error, { config, connecting: false });
  } finally {
    await closePostgres(client);
  }
}

/** The server's version string: proof that the source answers and the login works. */
export async function pingPostgres(config: SourceConfig): Promise<string> {
  const client = await connectPostgres(config);
  try {
    const result = await client.query<{ version: string }>('SELECT version() AS version');
    return result.rows[0]!.version;
  } catch (error) {
    throw pgFailure(error, { config, connecting: false });
  } finally {
    await closePostgres(client);
  }
}
