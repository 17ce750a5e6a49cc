import {
  JSON_MAPPING,
  TEXT_MAPPING,
  decimalMapping,
  failExpression,
  hexBlobMapping,
  nativeMapping,
  textExpression,
  type ColumnMapping,
} from '../column-mapping.js';
import { numericTypmod, type PgType } from './pg-type.js';

/**
 * A PostgreSQL column's journey: `select` is the expression COPY writes (its text is staged),
 * the ColumnMapping turns that text into DuckDB's type. docs/CONNECTOR-TYPES.md is the table.
 */
export interface PgColumnPlan extends ColumnMapping {
  readonly select: (ref: string) => string;
}

const AS_IS = (ref: string): string => ref;

/**
 * PostgreSQL's ISO output ends dates before year 1 with ` BC`, which DuckDB would read as the
 * same year AD (a date) or refuse (a timestamp). DuckDB writes ` (BC)` after the date part.
 */
function beforeChrist(duckdbType: string): ColumnMapping {
  return {
    duckdbType,
    fromText: (text) =>
      `CASE WHEN ends_with(${text}, ' BC') ` +
      `THEN CAST(regexp_replace(${text}, '^(\\S+)(.*) BC$', '\\1 (BC)\\2') AS ${duckdbType}) ` +
      `ELSE CAST(${text} AS ${duckdbType}) END`,
  };
}

/**
 * Parquet's INTERVAL is unsigned and millisecond-precise, so an interval lands as DuckDB's own
 * interval text (exact; `CAST(col AS INTERVAL)` restores it). DuckDB reads PostgreSQL's
 * `-1 days +02:00:00` once the explicit plus signs are gone.
 */
const INTERVAL_MAPPING: ColumnMapping = {
  duckdbType: 'VARCHAR',
  fromText: (text) => `CAST(CAST(replace(${text}, '+', '') AS INTERVAL) AS VARCHAR)`,
};

/** Built-in (pg_catalog) types by typname; any other built-in travels as its exact text. */
const BUILT_IN: Readonly<Record<string, (typmod: number) => ColumnMapping>> = {
  int2: () => nativeMapping('SMALLINT'),
  int4: () => nativeMapping('INTEGER'),
  int8: () => nativeMapping('BIGINT'),
  oid: () => nativeMapping('BIGINT'),
  float4: () => nativeMapping('FLOAT'),
  float8: () => nativeMapping('DOUBLE'),
  numeric: numericMapping,
  bool: () => nativeMapping('BOOLEAN'),
  bytea: () => hexBlobMapping(2), // `\x` then hex
  date: () => beforeChrist('DATE'),
  time: () => nativeMapping('TIME'),
  timestamp: () => beforeChrist('TIMESTAMP'),
  timestamptz: () => beforeChrist('TIMESTAMP WITH TIME ZONE'),
  interval: () => INTERVAL_MAPPING,
  json: () => JSON_MAPPING,
  jsonb: () => JSON_MAPPING,
  uuid: () => nativeMapping('UUID'),
};

/**
 * Unconstrained `numeric` holds up to 131,072 digits and NaN/±Infinity: no DECIMAL holds it,
 * so it stays exact text, like a numeric wider than DuckDB's 38 digits.
 */
function numericMapping(typmod: number): ColumnMapping {
  const declared = numericTypmod(typmod);
  return declared === null ? TEXT_MAPPING : decimalMapping(declared.precision, declared.scale);
}

/** Types whose text PostgreSQL must convert first; they also keep arrays of them as text. */
const CONVERTED_SELECT: Readonly<Record<string, PgColumnPlan>> = {
  // money prints with the server's currency symbol and separators; as numeric it is exact.
  money: { ...TEXT_MAPPING, select: (ref) => `${ref}::numeric` },
};

/** PostGIS types, wherever the extension is installed: as WKB, the form GeoParquet stores. */
const SPATIAL = new Set(['geometry', 'geography']);
const WKB: PgColumnPlan = {
  ...hexBlobMapping(),
  select: (ref) => `encode(ST_AsBinary(${ref}), 'hex')`,
};

export function planPgColumn(type: PgType): PgColumnPlan {
  if (type.element !== null) return planArray(type.element);
  if (SPATIAL.has(type.name) && type.kind === 'b' && type.schema !== 'pg_catalog') return WKB;
  if (type.schema !== 'pg_catalog') return { ...TEXT_MAPPING, select: AS_IS }; // enums, extensions
  const converted = CONVERTED_SELECT[type.name];
  if (converted !== undefined) return converted;
  const mapping = BUILT_IN[type.name]?.(type.typmod) ?? TEXT_MAPPING;
  return { ...mapping, select: AS_IS };
}

/**
 * Arrays become lists of the element's mapping. COPY sends each as a JSON array of the
 * elements' text, which DuckDB splits and converts element by element; building it costs about
 * what the array's own output does. Elements kept as text go through to_json, which prints
 * them as the type's output does (`char(n)` padded, `inet` without `/128`); the others through
 * a cast to text[], because to_json would print numbers as JSON numbers (which DuckDB's JSON
 * reader rounds to doubles) and timestamps in another format. A list has one dimension: a
 * multi-dimensional value fails the import by name rather than being flattened. Elements
 * PostgreSQL must convert first (money, PostGIS) keep the whole array as PostgreSQL's text.
 */
function planArray(elementType: PgType): PgColumnPlan {
  const element = planPgColumn(elementType);
  if (element.select !== AS_IS) return { ...TEXT_MAPPING, select: AS_IS };
  const printed = element.duckdbType === 'VARCHAR' && element.fromText === null;
  const json = (ref: string): string =>
    printed ? `array_to_json(${ref})` : `array_to_json(${ref}::text[])`;
  return {
    duckdbType: `${element.duckdbType}[]`,
    select: (ref) => `CASE WHEN array_ndims(${ref}) > 1 THEN 'multi' ELSE ${json(ref)}::text END`,
    fromText: (text, column) =>
      `CASE WHEN ${text} = 'multi' ` +
      `THEN ${failExpression(column, 'multi-dimensional arrays cannot become lists')} ` +
      `ELSE list_transform(json_transform_strict(${text}, '["VARCHAR"]'), ` +
      `lambda element: ${textExpression(element, 'element', column)}) END`,
  };
}
