import type { CteNames } from './cte-scope.js';
import { QueryRefusedError } from './errors.js';
import { asciiLower, isObject, stringField } from './json.js';
import type { JsonObject } from './json.js';
import type { WalkContext } from './walk-context.js';

/** The schema the service puts system views in (`lakehouse.journal`). */
export const SYSTEM_SCHEMA = 'lakehouse';

/**
 * A BASE_TABLE: an unqualified name must be a visible CTE or a namespace view (the connection's
 * `USE ns_…` makes it resolve there); `lakehouse.<name>` must be a system view in scope. Any other
 * schema or catalog, and names that are really paths (`FROM '/etc/passwd'`, `FROM 'x.parquet'`,
 * which DuckDB turns into file scans), are outside the namespace.
 */
export function checkBaseTable(node: JsonObject, ctes: CteNames, context: WalkContext): void {
  const catalog = requiredString(node, 'catalog_name');
  const schema = asciiLower(requiredString(node, 'schema_name'));
  const written = requiredString(node, 'table_name');
  const name = asciiLower(written);
  if (catalog === '' && schema === '') {
    if (ctes.has(name)) return;
    if (context.scope.tables.has(name)) return void context.tables.add(name);
  }
  if (catalog === '' && schema === SYSTEM_SCHEMA && context.scope.systemTables.has(name)) {
    return void context.systemTables.add(name);
  }
  const qualified = [catalog, schema, written].filter((part) => part !== '').join('.');
  throw new QueryRefusedError(
    'table_not_in_namespace',
    `Table "${qualified}" is not in your namespace`,
  );
}

/**
 * A SHOW_REF (DESCRIBE, SHOW, SUMMARIZE). DESCRIBE carries the query it describes (`DESCRIBE t`
 * is `DESCRIBE SELECT * FROM t`), which the walk checks like any other. Of the catalog listings
 * only SHOW TABLES is allowed, serialised as table_name `"tables"` with the quotes.
 */
export function checkShowRef(node: JsonObject): void {
  const showType = stringField(node, 'show_type');
  const tableName = stringField(node, 'table_name');
  const unqualified =
    stringField(node, 'schema_name') === '' && stringField(node, 'catalog_name') === '';
  if (showType === 'DESCRIBE' && tableName === '' && isObject(node.query) && unqualified) return;
  if (
    showType === 'SHOW_UNQUALIFIED' &&
    tableName === '"tables"' &&
    node.query === null &&
    unqualified
  ) {
    return;
  }
  throw new QueryRefusedError(
    'show_not_allowed',
    `${showLabel(showType, tableName)} is not allowed`,
  );
}

function showLabel(showType: string | undefined, tableName: string | undefined): string {
  if (showType === 'SUMMARY') return 'SUMMARIZE';
  if (showType === 'SHOW_FROM') return 'SHOW TABLES FROM another schema';
  // SHOW ALL TABLES and a bare DESCRIBE/SHOW list every schema of every database.
  if (tableName === '__show_tables_expanded') return 'Listing every table (SHOW ALL TABLES)';
  const listing = (tableName ?? '').replaceAll('"', '').toUpperCase();
  return listing === '' ? 'This SHOW statement' : `SHOW ${listing}`;
}

function requiredString(node: JsonObject, key: string): string {
  const value = stringField(node, key);
  if (value !== undefined) return value;
  throw new QueryRefusedError(
    'unrecognised_parse_tree',
    `The statement was refused: a table reference has no ${key} the guard can read`,
  );
}
