/** Metastore: the SQL source of truth (SQLite or PostgreSQL), its schema and migrations. */
export { Metastore, type Executor, type MetastoreDb, type MetastoreTx } from './metastore.js';
export type { MetastoreDialect } from './dialect.js';
export type * from './schema.js';
export { isoTime, parseJson } from './values.js';
export { bumpCatalogVersion, selectCatalogVersion } from './catalog-version.js';
