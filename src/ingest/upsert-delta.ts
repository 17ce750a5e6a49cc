import { AppError, ConflictError } from '../core/index.js';
import type { Dataset, DatasetColumn, PhysicalColumn } from '../catalog/index.js';
import type { EngineConnection } from '../query/index.js';
import { parquetScan, quoteIdentifier, sqlString } from '../query/sql-text.js';

const ROW_GROUP_SIZE = 16_384;
/** How many offending values an error names; the count says how many there were. */
const EXAMPLES = 20;

export interface DeltaInput {
  /** The upload as read into Parquet, in the file's row order. */
  readonly incomingPath: string;
  readonly incoming: readonly PhysicalColumn[];
  readonly dataset: Dataset;
  /** The current snapshot's files (base and deltas): a key in any of them is an existing row. */
  readonly currentFiles: readonly string[];
  /** Keys hidden by tombstones (pending or being erased), with the column they key. */
  readonly erased: { readonly keyColumn: string; readonly values: readonly string[] } | null;
  /** Where the delta file is written (staging). */
  readonly target: string;
}

export interface DeltaPlan {
  /** Rows in the upload. */
  readonly received: number;
  /** Rows in the delta file: one per key, the last occurrence in the upload winning. */
  readonly rows: number;
  /** Keys that replace an existing row. */
  readonly updated: number;
  /** Keys new to the dataset. */
  readonly inserted: number;
}

/**
 * Turns an upsert upload into a delta file: the dataset's exact columns and types, one row
 * per key (the upload's last row for a key wins), refused whole if a column is missing or
 * extra, a value does not fit its column's type, a key is NULL, or a key is tombstoned
 * (deleting or resurrecting by upsert is not allowed: tombstones do that).
 */
export async function writeDelta(
  connection: EngineConnection,
  input: DeltaInput,
): Promise<DeltaPlan> {
  const keyColumn = input.dataset.rowKeyColumn!;
  const sourceNames = matchColumns(input.dataset, input.incoming);
  const source = `read_parquet(${sqlString(input.incomingPath)}, file_row_number = true)`;
  await refuseNullKeys(connection, source, sourceNames.get(keyColumn)!, keyColumn);
  await refuseUncastable(connection, source, input.dataset.columns, input.incoming, sourceNames);
  const casts = input.dataset.columns
    .map(
      (c) =>
        `CAST(${quoteIdentifier(sourceNames.get(c.name)!)} AS ${c.type}) AS ${quoteIdentifier(c.name)}`,
    )
    .join(', ');
  const key = quoteIdentifier(sourceNames.get(keyColumn)!);
  await connection.run(
    `COPY (SELECT ${casts} FROM ${source} QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY file_row_number DESC) = 1) ` +
      `TO ${sqlString(input.target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
  );
  const delta = `read_parquet(${sqlString(input.target)})`;
  if (input.erased) await refuseErased(connection, delta, input.erased);
  const counts = await connection.query(
    `SELECT (SELECT count(*) FROM ${source}) AS received, (SELECT count(*) FROM ${delta}) AS rows_, ` +
      // Keys straight from the files, no merge: an upsert never brings back a tombstoned key.
      `(SELECT count(*) FROM ${delta} AS d SEMI JOIN (SELECT ${quoteIdentifier(keyColumn)} FROM ${parquetScan(input.currentFiles)}) AS r ` +
      `ON d.${quoteIdentifier(keyColumn)} = r.${quoteIdentifier(keyColumn)}) AS updated`,
  );
  const row = counts.rows[0]!;
  const rows = Number(row['rows_']);
  const updated = Number(row['updated']);
  return { received: Number(row['received']), rows, updated, inserted: rows - updated };
}

/** Each dataset column's name in the upload (matched case-insensitively, like SQL). */
function matchColumns(dataset: Dataset, incoming: readonly PhysicalColumn[]): Map<string, string> {
  const byFolded = new Map(incoming.map((c) => [c.name.toLowerCase(), c.name]));
  const known = new Set(dataset.columns.map((c) => c.name.toLowerCase()));
  const missing = dataset.columns
    .filter((c) => !byFolded.has(c.name.toLowerCase()))
    .map((c) => c.name);
  const extra = incoming.filter((c) => !known.has(c.name.toLowerCase())).map((c) => c.name);
  if (missing.length > 0 || extra.length > 0) {
    throw new ConflictError(
      'schema_conflict',
      `an upsert carries whole rows: every column of dataset ${dataset.name} and no other` +
        (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
        (extra.length > 0 ? `; unknown: ${extra.join(', ')}` : ''),
      { missing, unknown: extra },
    );
  }
  return new Map(dataset.columns.map((c) => [c.name, byFolded.get(c.name.toLowerCase())!]));
}

async function refuseNullKeys(
  connection: EngineConnection,
  source: string,
  sourceKey: string,
  keyColumn: string,
): Promise<void> {
  const result = await connection.query(
    `SELECT count(*) AS n FROM ${source} WHERE ${quoteIdentifier(sourceKey)} IS NULL`,
  );
  const nulls = Number(result.rows[0]!['n']);
  if (nulls > 0) {
    throw new AppError(
      'invalid_row_key',
      `${nulls} rows have no value in the row key column "${keyColumn}"`,
      { details: { column: keyColumn, null_values: nulls } },
    );
  }
}

/** Every value must convert to its column's type exactly as declared; the first column that does not is named. */
async function refuseUncastable(
  connection: EngineConnection,
  source: string,
  columns: readonly DatasetColumn[],
  incoming: readonly PhysicalColumn[],
  sourceNames: ReadonlyMap<string, string>,
): Promise<void> {
  const incomingType = new Map(incoming.map((c) => [c.name, c.type]));
  for (const column of columns) {
    const name = sourceNames.get(column.name)!;
    if (incomingType.get(name) === column.type) continue;
    const value = quoteIdentifier(name);
    const result = await connection.query(
      `SELECT CAST(${value} AS VARCHAR) AS v, count(*) OVER () AS n FROM ${source} ` +
        `WHERE ${value} IS NOT NULL AND TRY_CAST(${value} AS ${column.type}) IS NULL LIMIT ${EXAMPLES}`,
    );
    if (result.rows.length === 0) continue;
    const examples = result.rows.map((r) => String(r['v']));
    throw new AppError(
      'invalid_value',
      `${Number(result.rows[0]!['n'])} values of column "${column.name}" are not valid ${column.type}, e.g. "${examples[0]}"`,
      { details: { column: column.name, type: column.type, examples } },
    );
  }
}

async function refuseErased(
  connection: EngineConnection,
  delta: string,
  erased: NonNullable<DeltaInput['erased']>,
): Promise<void> {
  await connection.run('CREATE OR REPLACE TEMP TABLE upsert_erased_keys (value VARCHAR)');
  for (let i = 0; i < erased.values.length; i += 1000) {
    const batch = erased.values.slice(i, i + 1000).map((v) => `(${sqlString(v)})`);
    await connection.run(`INSERT INTO upsert_erased_keys VALUES ${batch.join(', ')}`);
  }
  const key = `CAST(${quoteIdentifier(erased.keyColumn)} AS VARCHAR)`;
  const result = await connection.query(
    `SELECT DISTINCT ${key} AS v FROM ${delta} WHERE ${key} IN (SELECT value FROM upsert_erased_keys) ORDER BY 1 LIMIT ${EXAMPLES}`,
  );
  await connection.run('DROP TABLE upsert_erased_keys');
  if (result.rows.length === 0) return;
  const values = result.rows.map((r) => String(r['v']));
  throw new ConflictError(
    'key_tombstoned',
    `rows keyed ${erased.keyColumn} = ${values.map((v) => `"${v}"`).join(', ')} are tombstoned; an upsert cannot bring them back`,
    { key_column: erased.keyColumn, values },
  );
}
