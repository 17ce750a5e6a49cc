import type { ValueCheck } from './value-checks.js';

/** One MiB of text mixing 1-, 2- and 4-byte UTF-8 (MySQL's utf8mb4), and one MiB of bytes. */
const LONG_TEXT_SQL = `REPEAT(CONCAT('é😀x,"', CHAR(10)), 131072)`;
const LONG_BYTES_SQL = `UNHEX(REPEAT('00ff7f22', 262144))`;

/** Every type the import maps. Zero dates need a session without NO_ZERO_DATE. */
export const MYSQL_FIXTURE_SQL = `
SET SESSION sql_mode = '';
CREATE TABLE all_types (
  id INT PRIMARY KEY,
  c_tinyint TINYINT, c_tinyint_u TINYINT UNSIGNED, c_bool BOOLEAN, c_smallint SMALLINT,
  c_smallint_u SMALLINT UNSIGNED, c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED,
  c_int INT NOT NULL DEFAULT 0, c_int_u INT UNSIGNED, c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED,
  c_zerofill INT(5) ZEROFILL,
  c_decimal DECIMAL(12,3), c_decimal_u DECIMAL(10,2) UNSIGNED, c_decimal_38 DECIMAL(38,10),
  c_decimal_65 DECIMAL(65,30), c_float FLOAT, c_double DOUBLE,
  c_bit1 BIT(1), c_bit10 BIT(10), c_bit64 BIT(64), c_year YEAR,
  c_date DATE, c_datetime DATETIME, c_datetime6 DATETIME(6), c_timestamp TIMESTAMP(6) NULL,
  c_time TIME, c_time6 TIME(6),
  c_char CHAR(5), c_varchar VARCHAR(50), c_tinytext TINYTEXT, c_text TEXT, c_mediumtext MEDIUMTEXT,
  c_longtext LONGTEXT, c_latin1 VARCHAR(20) CHARACTER SET latin1,
  c_binary BINARY(4), c_varbinary VARBINARY(20), c_blob BLOB, c_longblob LONGBLOB,
  c_enum ENUM('sad', 'ok', 'happy', 'ünï ☺'), c_set SET('a', 'b', 'c'), c_json JSON,
  c_geometry GEOMETRY, c_point POINT, c_uuid UUID, c_inet6 INET6
) DEFAULT CHARSET = utf8mb4;
`;

const TEXT_COLUMNS = ['c_char', 'c_varchar', 'c_tinytext', 'c_text', 'c_mediumtext', 'c_longtext'];

/** Rows as SQL literals by column; columns left out are NULL (c_int defaults to 0). */
const MYSQL_ROWS: readonly Readonly<Record<string, string>>[] = [
  {
    id: '1',
    c_tinyint: '12',
    c_tinyint_u: '200',
    c_bool: 'TRUE',
    c_smallint: '1234',
    c_smallint_u: '60000',
    c_mediumint: '-123456',
    c_mediumint_u: '16000000',
    c_int: '123456',
    c_int_u: '4000000000',
    c_bigint: '1234567890123',
    c_bigint_u: '18446744073709551000',
    c_zerofill: '42',
    c_decimal: '12345.678',
    c_decimal_u: '0.5',
    c_decimal_38: '1234567890123456789012345678.0123456789',
    c_decimal_65: '12345678901234567890123456789012345.123456789012345678901234567890',
    c_float: '1.5',
    c_double: '0.1',
    c_bit1: "b'1'",
    c_bit10: "b'1010101010'",
    c_bit64: "b'1000000000000000000000000000000000000000000000000000000000000001'",
    c_year: '2024',
    c_date: "'2024-02-29'",
    c_datetime: "'2024-02-29 12:34:56'",
    c_datetime6: "'2024-02-29 12:34:56.123456'",
    c_timestamp: "'2024-02-29 12:34:56.123456'",
    c_time: "'12:34:56'",
    c_time6: "'-01:02:03.000004'",
    ...Object.fromEntries(TEXT_COLUMNS.map((c) => [c, "'hello'"])),
    c_latin1: "'café'",
    c_binary: "X'deadbeef'",
    c_varbinary: "X'00ff'",
    c_blob: "X'0102'",
    c_longblob: "X'ff'",
    c_enum: "'happy'",
    c_set: "'a,c'",
    c_json: `'{"b": 1,  "a": [1, 2.50, "x"]}'`,
    c_geometry: "ST_GeomFromText('LINESTRING(0 0, 1 1.5, -2 3)')",
    c_point: "ST_GeomFromText('POINT(13.4 52.5)')",
    c_uuid: "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
    c_inet6: "'2001:db8::1'",
  },
  { id: '2' },
  {
    id: '3',
    c_tinyint: '-128',
    c_tinyint_u: '0',
    c_bool: 'FALSE',
    c_smallint: '-32768',
    c_smallint_u: '0',
    c_mediumint: '-8388608',
    c_mediumint_u: '0',
    c_int: '-2147483648',
    c_int_u: '0',
    c_bigint: '-9223372036854775808',
    c_bigint_u: '0',
    c_zerofill: '0',
    c_decimal: '-999999999.999',
    c_decimal_u: '0',
    c_decimal_38: '-9999999999999999999999999999.9999999999',
    c_decimal_65: '-99999999999999999999999999999999999.999999999999999999999999999999',
    c_float: '-3.40282e38',
    c_double: '-1.7976931348623157e308',
    c_bit1: "b'0'",
    c_bit10: "b'0'",
    c_bit64: "b'0'",
    c_year: '0',
    c_date: "'0000-00-00'",
    c_datetime: "'0000-00-00 00:00:00'",
    c_datetime6: "'2024-00-10 00:00:00'",
    c_timestamp: "'0000-00-00 00:00:00'",
    c_time: "'-838:59:59'",
    c_time6: "'-838:59:58.999999'",
    ...Object.fromEntries(TEXT_COLUMNS.map((c) => [c, "''"])),
    c_latin1: "''",
    c_binary: "X'00000000'",
    c_varbinary: "X''",
    c_blob: "X''",
    c_longblob: "X''",
    c_enum: "'sad'",
    c_set: "''",
    c_json: "'[]'",
    c_geometry: "ST_GeomFromText('POINT(0 0)')",
    c_point: "ST_GeomFromText('POINT(-180 -90)')",
    c_uuid: "'00000000-0000-0000-0000-000000000000'",
    c_inet6: "'::'",
  },
  {
    id: '4',
    c_tinyint: '127',
    c_tinyint_u: '255',
    c_bool: '1',
    c_smallint: '32767',
    c_smallint_u: '65535',
    c_mediumint: '8388607',
    c_mediumint_u: '16777215',
    c_int: '2147483647',
    c_int_u: '4294967295',
    c_bigint: '9223372036854775807',
    c_bigint_u: '18446744073709551615',
    c_zerofill: '99999',
    c_decimal: '999999999.999',
    c_decimal_u: '99999999.99',
    c_decimal_38: '9999999999999999999999999999.9999999999',
    c_decimal_65: '99999999999999999999999999999999999.999999999999999999999999999999',
    c_float: '3.40282e38',
    c_double: '1.7976931348623157e308',
    c_bit1: "b'1'",
    c_bit10: "b'1111111111'",
    c_bit64: `b'${'1'.repeat(64)}'`,
    c_year: '2155',
    c_date: "'9999-12-31'",
    c_datetime: "'9999-12-31 23:59:59'",
    c_datetime6: "'2024-05-00 12:00:00.5'",
    c_timestamp: "'2038-01-19 03:14:07.999999'",
    c_time: "'838:59:59'",
    c_time6: "'838:59:58.999999'",
    c_char: "' x '",
    c_varchar: "' lead/trail '",
    c_tinytext: `'tab\\there "quoted", comma\\r\\nnew line \\\\ backslash'`,
    c_text: `'😀 café 中文 עברית é 👩‍👩‍👧 \u200b NULL'`,
    c_mediumtext: "'NULL'",
    c_longtext: "'\\\\N'",
    c_latin1: "'ÀÉÎõü ÿ'",
    c_binary: "X'00ff'",
    c_varbinary: "X'00'",
    c_blob: "X'00'",
    c_longblob: "X'22'",
    c_enum: "'ünï ☺'",
    c_set: "'a,b,c'",
    c_json: `'"just a string"'`,
    c_geometry: "ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))')",
    c_point: "ST_GeomFromText('POINT(180 90)')",
    c_uuid: "'ffffffff-ffff-ffff-ffff-ffffffffffff'",
    c_inet6: "'::ffff:192.0.2.1'",
  },
  {
    id: '5',
    c_float: '0.1',
    c_double: '0.1e0 + 0.2e0',
    c_date: "'0001-01-01'",
    c_datetime: "'1000-01-01 00:00:00'",
    c_datetime6: "'1970-01-01 00:00:00.000001'",
    c_timestamp: "'1970-01-01 00:00:01'",
    c_time: "'00:00:00'",
    c_time6: "'23:59:59.999999'",
    c_set: "'b'",
    c_json: `'{"é": "\\\\u00e9 \\\\ud83d\\\\ude00", "n": 12345678901234567890123}'`,
  },
  { id: '6', c_float: '1.17549435e-38', c_double: '2.2250738585072014e-308', c_text: `'"'` },
  { id: '7', c_float: '16777217', c_double: '-1.5e-300', c_text: "'a\\0b'" },
  { id: '8', c_longtext: LONG_TEXT_SQL, c_longblob: LONG_BYTES_SQL },
];

export const MYSQL_FIXTURE_INSERTS: readonly string[] = MYSQL_ROWS.map((row) => {
  const columns = Object.keys(row);
  return `SET SESSION sql_mode = ''; INSERT INTO all_types (${columns.join(', ')}) VALUES (${columns.map((c) => row[c]).join(', ')})`;
});

/** The DuckDB type each column lands as (docs/CONNECTOR-TYPES.md). */
export const MYSQL_EXPECTED_TYPES: Readonly<Record<string, string>> = {
  id: 'INTEGER',
  c_tinyint: 'TINYINT',
  c_tinyint_u: 'UTINYINT',
  c_bool: 'BOOLEAN',
  c_smallint: 'SMALLINT',
  c_smallint_u: 'USMALLINT',
  c_mediumint: 'INTEGER',
  c_mediumint_u: 'UINTEGER',
  c_int: 'INTEGER',
  c_int_u: 'UINTEGER',
  c_bigint: 'BIGINT',
  c_bigint_u: 'UBIGINT',
  c_zerofill: 'UINTEGER',
  c_decimal: 'DECIMAL(12,3)',
  c_decimal_u: 'DECIMAL(10,2)',
  c_decimal_38: 'DECIMAL(38,10)',
  c_decimal_65: 'VARCHAR',
  c_float: 'FLOAT',
  c_double: 'DOUBLE',
  c_bit1: 'BOOLEAN',
  c_bit10: 'UBIGINT',
  c_bit64: 'UBIGINT',
  c_year: 'SMALLINT',
  c_date: 'DATE',
  c_datetime: 'TIMESTAMP',
  c_datetime6: 'TIMESTAMP',
  c_timestamp: 'TIMESTAMP WITH TIME ZONE',
  c_time: 'VARCHAR',
  c_time6: 'VARCHAR',
  c_char: 'VARCHAR',
  c_varchar: 'VARCHAR',
  c_tinytext: 'VARCHAR',
  c_text: 'VARCHAR',
  c_mediumtext: 'VARCHAR',
  c_longtext: 'VARCHAR',
  c_latin1: 'VARCHAR',
  c_binary: 'BLOB',
  c_varbinary: 'BLOB',
  c_blob: 'BLOB',
  c_longblob: 'BLOB',
  c_enum: 'VARCHAR',
  c_set: 'VARCHAR[]',
  c_json: 'JSON',
  c_geometry: 'BLOB',
  c_point: 'BLOB',
  c_uuid: 'UUID',
  c_inet6: 'VARCHAR',
};

type Canonical = Pick<ValueCheck, 'source' | 'parquet' | 'compare'>;

const text: Canonical = {
  source: (r) => `CAST(${r} AS CHAR)`,
  parquet: (r) => `CAST(${r} AS VARCHAR)`,
  compare: 'text',
};
/** The value as a number (zerofill and YEAR print padded). */
const number: Canonical = { ...text, source: (r) => `CAST(${r} + 0 AS CHAR)` };
const boolean: Canonical = {
  source: (r) => `CASE WHEN ${r} IS NULL THEN NULL WHEN ${r} <> 0 THEN 'true' ELSE 'false' END`,
  parquet: (r) => `CAST(${r} AS VARCHAR)`,
  compare: 'text',
};
const bits: Canonical = { ...text, source: (r) => `CAST(CAST(${r} AS UNSIGNED) AS CHAR)` };
/** Bytes as hex; geometry as the WKB MySQL itself produces. */
const hex: Canonical = { source: (r) => `HEX(${r})`, parquet: (r) => `hex(${r})`, compare: 'text' };
const wkb: Canonical = { ...hex, source: (r) => `HEX(ST_AsBinary(${r}))` };
/** Floats read over the binary protocol: the exact stored bits, not the rounded text. */
const double: Canonical = {
  source: (r) => r,
  parquet: (r) => `CAST(${r} AS VARCHAR)`,
  compare: 'double',
};
const float: Canonical = { ...double, compare: 'float' };
/** A date with a zero month or day names no day: NULL (docs/CONNECTOR-TYPES.md). */
const zeroAsNull = (r: string, value: string): string =>
  `CASE WHEN MONTH(${r}) = 0 OR DAYOFMONTH(${r}) = 0 THEN NULL ELSE ${value} END`;
const days: Canonical = {
  source: (r) => zeroAsNull(r, `CAST(DATEDIFF(${r}, '2000-01-01') AS CHAR)`),
  parquet: (r) => `CAST(${r} - DATE '2000-01-01' AS VARCHAR)`,
  compare: 'text',
};
const micros: Canonical = {
  source: (r) =>
    zeroAsNull(r, `CAST(TIMESTAMPDIFF(MICROSECOND, '2000-01-01 00:00:00', ${r}) AS CHAR)`),
  parquet: (r) => `CAST(epoch_us(${r}) - 946684800000000 AS VARCHAR)`,
  compare: 'text',
};
const duration: Canonical = {
  source: (r) => `CAST(CAST(TIME_TO_SEC(${r}) * 1000000 AS SIGNED) AS CHAR)`,
  parquet: (r) => {
    const i = `CAST(${r} AS INTERVAL)`;
    return `CAST(datepart('hour', ${i}) * 3600000000 + datepart('minute', ${i}) * 60000000 + datepart('microseconds', ${i}) AS VARCHAR)`;
  },
  compare: 'text',
};
const setList: Canonical = { ...text, parquet: (r) => `array_to_string(${r}, ',')` };

const CANONICAL: Readonly<Record<string, Canonical>> = {
  c_bool: boolean,
  c_zerofill: number,
  c_year: number,
  c_bit1: { ...bits, parquet: (r) => `CAST(CAST(${r} AS INTEGER) AS VARCHAR)` },
  c_bit10: bits,
  c_bit64: bits,
  c_float: float,
  c_double: double,
  c_date: days,
  c_datetime: micros,
  c_datetime6: micros,
  c_timestamp: micros,
  c_time: duration,
  c_time6: duration,
  c_binary: hex,
  c_varbinary: hex,
  c_blob: hex,
  c_longblob: hex,
  c_geometry: wkb,
  c_point: wkb,
  c_set: setList,
};

export const MYSQL_CHECKS: readonly ValueCheck[] = Object.keys(MYSQL_EXPECTED_TYPES)
  .filter((column) => column !== 'id')
  .map((column) => ({ column, ...(CANONICAL[column] ?? text) }));
