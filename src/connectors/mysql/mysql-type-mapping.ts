import {
  JSON_MAPPING,
  TEXT_MAPPING,
  decimalMapping,
  failExpression,
  hexBlobMapping,
  nativeMapping,
  type ColumnMapping,
} from '../column-mapping.js';
import type { MysqlServer } from './mysql-client.js';

/** A column's type as information_schema.COLUMNS describes it. */
export interface MysqlType {
  /** DATA_TYPE, lower case: `int`, `decimal`, `longtext`… */
  readonly dataType: string;
  /** COLUMN_TYPE: `int(10) unsigned`, `tinyint(1)`, `enum('a','b')`… */
  readonly columnType: string;
  readonly precision: number | null;
  readonly scale: number | null;
  /** MariaDB's JSON is LONGTEXT with a json_valid() check; this says the check is there. */
  readonly json: boolean;
}

/**
 * A MySQL column's journey: `select` is the expression the export reads (mysql2 hands over its
 * value as a string, number or bytes, written to CSV as text or hex), and the ColumnMapping
 * turns that text into DuckDB's type. docs/CONNECTOR-TYPES.md is the table.
 */
export interface MysqlColumnPlan extends ColumnMapping {
  readonly select: (ref: string) => string;
}

const AS_IS = (ref: string): string => ref;

const INTEGERS: Readonly<Record<string, readonly [signed: string, unsigned: string]>> = {
  tinyint: ['TINYINT', 'UTINYINT'],
  smallint: ['SMALLINT', 'USMALLINT'],
  mediumint: ['INTEGER', 'UINTEGER'],
  int: ['INTEGER', 'UINTEGER'],
  bigint: ['BIGINT', 'UBIGINT'],
};

const TEXTS = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum']);
const BINARIES = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob']);
const SPATIAL = new Set([
  ...['geometry', 'point', 'linestring', 'polygon'],
  ...['multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'geomcollection'],
]);

/**
 * Zero dates ('0000-00-00') and dates with a zero month or day, which MySQL accepts unless
 * NO_ZERO_DATE / NO_ZERO_IN_DATE is set, name no day: they become NULL (as JDBC's
 * zeroDateTimeBehavior=convertToNull does). The text is the server's fixed `YYYY-MM-DD…` form.
 */
function zeroDateAsNull(duckdbType: string, suffix = ''): ColumnMapping {
  return {
    duckdbType,
    fromText: (text) =>
      `CASE WHEN substr(${text}, 6, 2) = '00' OR substr(${text}, 9, 2) = '00' THEN NULL ` +
      `ELSE CAST(${text}${suffix} AS ${duckdbType}) END`,
  };
}

/** BOOLEAN is an alias of TINYINT(1), which can still hold -128…127: only 0 and 1 convert. */
const TINYINT_BOOLEAN: ColumnMapping = {
  duckdbType: 'BOOLEAN',
  fromText: (text, column) =>
    `CASE WHEN ${text} IS NULL THEN NULL WHEN ${text} = '0' THEN false WHEN ${text} = '1' THEN true ` +
    `ELSE ${failExpression(column, 'TINYINT(1) becomes BOOLEAN, which cannot hold ', text)} END`,
};

/** MySQL TIME is a signed duration up to ±838:59:59, not a time of day: interval text. */
const DURATION: ColumnMapping = {
  duckdbType: 'VARCHAR',
  fromText: (text) => `CAST(CAST(${text} AS INTERVAL) AS VARCHAR)`,
};

/** SET values are comma-separated member names (members cannot contain commas). */
const SET_LIST: ColumnMapping = {
  duckdbType: 'VARCHAR[]',
  fromText: (text) =>
    `CASE WHEN ${text} = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(${text}, ',') END`,
};

export function planMysqlColumn(type: MysqlType, server: MysqlServer): MysqlColumnPlan {
  const unsigned = type.columnType.includes('unsigned');
  const integer = INTEGERS[type.dataType];
  if (type.columnType === 'tinyint(1)') return plain(TINYINT_BOOLEAN);
  if (integer !== undefined) return plain(nativeMapping(integer[unsigned ? 1 : 0]));
  if (TEXTS.has(type.dataType)) return plain(type.json ? JSON_MAPPING : TEXT_MAPPING);
  if (BINARIES.has(type.dataType)) return plain(hexBlobMapping());
  if (SPATIAL.has(type.dataType)) return spatial(server);
  return OTHER_TYPES[type.dataType]?.(type) ?? unknownType();
}

const OTHER_TYPES: Readonly<Record<string, (type: MysqlType) => MysqlColumnPlan>> = {
  decimal: (t) => plain(decimalMapping(t.precision ?? 10, t.scale ?? 0)),
  float: () => plain(nativeMapping('FLOAT')),
  double: () => plain(nativeMapping('DOUBLE')),
  year: () => plain(nativeMapping('SMALLINT')),
  bit: (t) => ({
    ...nativeMapping(t.precision === 1 ? 'BOOLEAN' : 'UBIGINT'),
    select: (ref) => `CAST(${ref} AS UNSIGNED)`,
  }),
  date: () => asText(zeroDateAsNull('DATE')),
  datetime: () => asText(zeroDateAsNull('TIMESTAMP')),
  // Read in the session's UTC: the offset makes DuckDB take it as an instant.
  timestamp: () => asText(zeroDateAsNull('TIMESTAMP WITH TIME ZONE', " || '+00'")),
  time: () => asText(DURATION),
  json: () => plain(JSON_MAPPING),
  set: () => plain(SET_LIST),
  uuid: () => plain(nativeMapping('UUID')), // MariaDB ≥ 10.7
};

function plain(mapping: ColumnMapping): MysqlColumnPlan {
  return { ...mapping, select: AS_IS };
}

/**
 * Temporal values as the server's text: the same characters the binary protocol's fields
 * would be formatted into by the driver, at a third of the cost per row.
 */
function asText(mapping: ColumnMapping): MysqlColumnPlan {
  return { ...mapping, select: (ref) => `CAST(${ref} AS CHAR)` };
}

/**
 * Geometry as WKB, the form GeoParquet stores, without MySQL's SRID prefix. MySQL 8 would
 * otherwise write geographic coordinates latitude first.
 */
function spatial(server: MysqlServer): MysqlColumnPlan {
  const longitudeFirst = !server.mariadb && server.majorVersion >= 8;
  return {
    ...hexBlobMapping(),
    select: (ref) =>
      longitudeFirst ? `ST_AsBinary(${ref}, 'axis-order=long-lat')` : `ST_AsBinary(${ref})`,
  };
}

/** Any other type (inet6, vector…) as the server's own text for it. */
function unknownType(): MysqlColumnPlan {
  return { ...TEXT_MAPPING, select: (ref) => `CAST(${ref} AS CHAR)` };
}
