import { AppError } from '../../core/index.js';
import { catalogFromRows, type SourceCatalog } from '../source-catalog.js';
import type { SourceConfig } from '../source-config.js';
import { listMysqlColumns } from './mysql-catalog.js';
import { closeMysql, connectMysql } from './mysql-client.js';
import { mysqlFailure } from './mysql-errors.js';
import { planMysqlColumn } from './mysql-type-mapping.js';

/**
 * Databases ("schemas"), tables and columns (with their DuckDB types): the configured database
 * only, or every non-system one the user can see when none is configured.
 */
export async function discoverMysql(config: SourceConfig): Promise<SourceCatalog> {
  const session = await connectMysql(config);
  try {
    const rows = await listMysqlColumns(session.connection, {
      schema: config.database,
      mariadb: session.server.mariadb,
    });
    return catalogFromRows(
      'mysql',
      rows.map(({ type, ...row }) => ({
        ...row,
        duckdbType: planMysqlColumn(type, session.server).duckdbType,
      })),
    );
  } catch (error) {
    throw error instanceof AppError ? error : mysqlFailure(error, { config, connecting: false });
  } finally {
    await closeMysql(session);
  }
}

/** The server's version string: proof that the source answers and the login works. */
export async function pingMysql(config: SourceConfig): Promise<string> {
  const session = await connectMysql(config);
  await closeMysql(session);
  return session.server.version;
}
