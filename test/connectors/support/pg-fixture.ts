import type { ValueCheck } from './value-checks.js';

/** One MiB of text mixing 1-, 2- and 4-byte UTF-8, and one MiB of bytes. */
export const LONG_TEXT_SQL = `repeat('é😀x,"' || chr(10), 131072)`;
export const LONG_BYTES_SQL = `decode(repeat('00ff7f22', 262144), 'hex')`;

/**
 * A table with every type the import maps, and rows of typical values, NULLs, limits, special
 * values (NaN, ±Infinity, BC, 24:00, -0), tricky text and 1 MiB values.
 */
export const PG_FIXTURE_SQL = String.raw`
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ünï ☺');
CREATE DOMAIN amount AS numeric(8,2);
CREATE TABLE all_types (
  id integer PRIMARY KEY,
  c_smallint smallint, c_integer integer NOT NULL DEFAULT 0, c_bigint bigint, c_oid oid,
  c_numeric numeric(12,3), c_numeric_neg_scale numeric(4,-2), c_numeric_small numeric(3,5),
  c_numeric_38 numeric(38,10), c_numeric_wide numeric(50,10), c_numeric_free numeric,
  c_real real, c_double double precision, c_boolean boolean,
  c_char char(5), c_varchar varchar(20), c_text text, c_citext citext, c_name name,
  c_bytea bytea, c_date date, c_time time, c_timetz timetz, c_timestamp timestamp,
  c_timestamptz timestamptz, c_timestamp3 timestamp(3), c_interval interval,
  c_json json, c_jsonb jsonb, c_uuid uuid, c_enum mood, c_amount amount, c_money money,
  c_bit bit(4), c_varbit varbit, c_inet inet, c_point point, c_xml xml, c_range int4range,
  c_int_array integer[], c_text_array text[], c_numeric_array numeric(10,2)[],
  c_timestamptz_array timestamptz[], c_date_array date[], c_bytea_array bytea[],
  c_bool_array boolean[], c_double_array double precision[], c_enum_array mood[],
  c_jsonb_array jsonb[], c_interval_array interval[], c_uuid_array uuid[],
  c_char_array char(3)[], c_inet_array inet[]
);
`;

const ARRAY_COLUMNS = [
  ...['c_int_array', 'c_text_array', 'c_numeric_array', 'c_timestamptz_array', 'c_date_array'],
  ...['c_bytea_array', 'c_bool_array', 'c_double_array', 'c_enum_array', 'c_jsonb_array'],
  ...['c_interval_array', 'c_uuid_array', 'c_char_array', 'c_inet_array'],
];

/** Rows as SQL literals by column; columns left out are NULL (c_integer defaults to 0). */
const PG_ROWS: readonly Readonly<Record<string, string>>[] = [
  {
    id: '1',
    c_smallint: '12',
    c_integer: '123456',
    c_bigint: '1234567890123',
    c_oid: '4000000000',
    c_numeric: '12345.678',
    c_numeric_neg_scale: '12300',
    c_numeric_small: '0.00012',
    c_numeric_38: '1234567890123456789012345678.0123456789',
    c_numeric_wide: '1234567890123456789012345678901234567890.0123456789',
    c_numeric_free: '3.14159265358979323846264338327950288419716939937510',
    c_real: '1.5',
    c_double: '0.1',
    c_boolean: 'true',
    c_char: `'ab'`,
    c_varchar: `'hello'`,
    c_text: `'text'`,
    c_citext: `'CaseInsensitive'`,
    c_name: `'a_name'`,
    c_bytea: `'\\xdeadbeef'`,
    c_date: `'2024-02-29'`,
    c_time: `'12:34:56.789'`,
    c_timetz: `'12:34:56+02'`,
    c_timestamp: `'2024-02-29 12:34:56.123456'`,
    c_timestamptz: `'2024-02-29 12:34:56.123456+02'`,
    c_timestamp3: `'2024-02-29 12:34:56.123'`,
    c_interval: `'1 year 2 mons 3 days 04:05:06.789'`,
    c_json: `'{"b": 1,  "a": [1, 2.50, "x"]}'`,
    c_jsonb: `'{"b": 1, "a": [1, 2.50, "x"]}'`,
    c_uuid: `'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'`,
    c_enum: `'happy'`,
    c_amount: '1234.56',
    c_money: '12.34',
    c_bit: `B'1010'`,
    c_varbit: `B'101'`,
    c_inet: `'192.168.0.1/24'`,
    c_point: `'(1.5,2)'`,
    c_xml: `'<a>x</a>'`,
    c_range: `'[1,5)'`,
    c_int_array: `'{1,2,3}'`,
    c_text_array: `'{"a","b c"}'`,
    c_numeric_array: `'{1.50,-2.25}'`,
    c_timestamptz_array: `'{"2024-01-01 00:00:00+00","2024-06-01 12:00:00.5+05"}'`,
    c_date_array: `'{2024-01-01,2000-02-29}'`,
    c_bytea_array: `'{"\\\\x00ff","\\\\x"}'`,
    c_bool_array: `'{t,f}'`,
    c_double_array: `'{0.1,1e300}'`,
    c_enum_array: `'{sad,"ünï ☺"}'`,
    c_jsonb_array: `ARRAY['{"a": 1}'::jsonb, '[1, 2]']`,
    c_interval_array: `'{"1 day","-01:00:00"}'`,
    c_uuid_array: `'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'`,
    c_char_array: `'{a,bb,NULL,""}'`,
    c_inet_array: `'{::1,192.168.0.1/24,NULL}'`,
  },
  { id: '2' },
  {
    id: '3',
    c_smallint: '-32768',
    c_integer: '-2147483648',
    c_bigint: '-9223372036854775808',
    c_oid: '0',
    c_numeric: '-999999999.999',
    c_numeric_neg_scale: '-999900',
    c_numeric_small: '-0.00999',
    c_numeric_38: '-9999999999999999999999999999.9999999999',
    c_numeric_wide: '-1e39',
    c_numeric_free: `'NaN'`,
    c_real: `'NaN'`,
    c_double: `'-Infinity'`,
    c_boolean: 'false',
    c_char: `''`,
    c_varchar: `''`,
    c_text: `''`,
    c_citext: `''`,
    c_name: `''`,
    c_bytea: `'\\x'`,
    c_date: `'infinity'`,
    c_time: `'00:00:00'`,
    c_timetz: `'00:00:00-14:59'`,
    c_timestamp: `'infinity'`,
    c_timestamptz: `'-infinity'`,
    c_timestamp3: `'-infinity'`,
    c_interval: `'-1 years -2 mons +3 days -04:05:06.789'`,
    c_json: `'[]'`,
    c_jsonb: `'{}'`,
    c_uuid: `'00000000-0000-0000-0000-000000000000'`,
    c_enum: `'sad'`,
    c_amount: '-999999.99',
    c_money: '-92233720368547758.08',
    c_bit: `B'0000'`,
    c_varbit: `B''`,
    c_inet: `'::1'`,
    c_point: `'(-0,0)'`,
    c_xml: `''`,
    c_range: `'empty'`,
    ...Object.fromEntries(ARRAY_COLUMNS.map((c) => [c, `'{}'`])),
  },
  {
    id: '4',
    c_smallint: '32767',
    c_integer: '2147483647',
    c_bigint: '9223372036854775807',
    c_oid: '4294967295',
    c_numeric: '999999999.999',
    c_numeric_neg_scale: '999900',
    c_numeric_small: '0.00999',
    c_numeric_38: '9999999999999999999999999999.9999999999',
    c_numeric_wide: '1e39',
    c_numeric_free: `'Infinity'`,
    c_real: `'Infinity'`,
    c_double: `'Infinity'`,
    c_boolean: 'true',
    c_char: `' x '`,
    c_varchar: `' lead/trail '`,
    c_text: `E'tab\\there "quoted", comma\\r\\nnew line \\\\ backslash'`,
    c_citext: `'ÉTÉ'`,
    c_name: `'ünï'`,
    c_bytea: `'\\x00'`,
    c_date: `'0044-03-15 BC'`,
    c_time: `'24:00:00'`,
    c_timetz: `'24:00:00+14:59'`,
    c_timestamp: `'0044-03-15 05:06:07.000001 BC'`,
    c_timestamptz: `'0044-03-15 05:06:07.000001+00 BC'`,
    c_timestamp3: `'0001-01-01 00:00:00'`,
    c_interval: `'-1 days +02:00:00'`,
    c_json: `'"just a string"'`,
    c_jsonb: `'"\\u00e9 \\ud83d\\ude00"'`,
    c_uuid: `'ffffffff-ffff-ffff-ffff-ffffffffffff'`,
    c_enum: `'ünï ☺'`,
    c_amount: '999999.99',
    c_money: '92233720368547758.07',
    c_bit: `B'1111'`,
    c_varbit: `B'1'`,
    c_inet: `'2001:db8::/32'`,
    c_point: `'(1e+300,-1e-300)'`,
    c_xml: `'<b a="1">ü</b>'`,
    c_range: `'(,)'`,
    c_int_array: `'{NULL,-2147483648,NULL}'`,
    c_text_array: `'{NULL,"",NULL,"NULL","\\\\N","a,b","q\\"q"}'`,
    c_numeric_array: `'{NULL}'`,
    c_timestamptz_array: `'{"0044-03-15 05:06:07+00 BC","infinity"}'`,
    c_date_array: `'{"0001-01-01 BC","-infinity"}'`,
    c_bytea_array: `'{NULL}'`,
    c_bool_array: `'{NULL}'`,
    c_double_array: `'{NaN,Infinity,-Infinity,-0}'`,
    c_enum_array: `'{NULL}'`,
    c_jsonb_array: `'{NULL}'`,
    c_interval_array: `'{NULL}'`,
    c_uuid_array: `'{NULL}'`,
  },
  {
    id: '5',
    c_numeric_free: `'-0.000000000000000000000000000001'`,
    c_real: '1.17549435e-38',
    c_double: '5e-324',
    c_text: `E'😀 café 中文 עברית e\u0301 👩‍👩‍👧 \u200b NULL'`,
    c_date: `'5874897-12-31'`,
    c_time: `'23:59:59.999999'`,
    c_timestamp: `'294246-12-31 23:59:59.999999'`,
    c_timestamptz: `'1999-12-31 23:59:59.999999+00'`,
    c_interval: `'178000000 years'`,
  },
  {
    id: '6',
    c_real: '3.4028235e38',
    c_double: '1.7976931348623157e308',
    c_text: `'NULL'`,
    c_date: `'4713-01-01 BC'`,
    c_timestamp: `'4713-01-01 00:00:00 BC'`,
    c_timestamptz: `'4713-01-01 00:00:00+00 BC'`,
    c_interval: `'-00:00:00.000001'`,
  },
  { id: '7', c_real: '1e-45', c_double: `'-0'`, c_text: String.raw`'\N'` },
  { id: '8', c_real: '0.1', c_double: '0.30000000000000004', c_text: `'"'` },
  {
    id: '9',
    c_text: LONG_TEXT_SQL,
    c_bytea: LONG_BYTES_SQL,
    c_text_array: `ARRAY[${LONG_TEXT_SQL}]`,
  },
];

export const PG_FIXTURE_INSERTS: readonly string[] = PG_ROWS.map((row) => {
  const columns = Object.keys(row);
  return `INSERT INTO all_types (${columns.join(', ')}) VALUES (${columns.map((c) => row[c]).join(', ')})`;
});

/** The DuckDB type each column lands as (docs/CONNECTOR-TYPES.md). */
export const PG_EXPECTED_TYPES: Readonly<Record<string, string>> = {
  id: 'INTEGER',
  c_smallint: 'SMALLINT',
  c_integer: 'INTEGER',
  c_bigint: 'BIGINT',
  c_oid: 'BIGINT',
  c_numeric: 'DECIMAL(12,3)',
  c_numeric_neg_scale: 'DECIMAL(6,0)',
  c_numeric_small: 'DECIMAL(5,5)',
  c_numeric_38: 'DECIMAL(38,10)',
  c_numeric_wide: 'VARCHAR',
  c_numeric_free: 'VARCHAR',
  c_real: 'FLOAT',
  c_double: 'DOUBLE',
  c_boolean: 'BOOLEAN',
  c_char: 'VARCHAR',
  c_varchar: 'VARCHAR',
  c_text: 'VARCHAR',
  c_citext: 'VARCHAR',
  c_name: 'VARCHAR',
  c_bytea: 'BLOB',
  c_date: 'DATE',
  c_time: 'TIME',
  c_timetz: 'VARCHAR',
  c_timestamp: 'TIMESTAMP',
  c_timestamptz: 'TIMESTAMP WITH TIME ZONE',
  c_timestamp3: 'TIMESTAMP',
  c_interval: 'VARCHAR',
  c_json: 'JSON',
  c_jsonb: 'JSON',
  c_uuid: 'UUID',
  c_enum: 'VARCHAR',
  c_amount: 'DECIMAL(8,2)',
  c_money: 'VARCHAR',
  c_bit: 'VARCHAR',
  c_varbit: 'VARCHAR',
  c_inet: 'VARCHAR',
  c_point: 'VARCHAR',
  c_xml: 'VARCHAR',
  c_range: 'VARCHAR',
  c_int_array: 'INTEGER[]',
  c_text_array: 'VARCHAR[]',
  c_numeric_array: 'DECIMAL(10,2)[]',
  c_timestamptz_array: 'TIMESTAMP WITH TIME ZONE[]',
  c_date_array: 'DATE[]',
  c_bytea_array: 'BLOB[]',
  c_bool_array: 'BOOLEAN[]',
  c_double_array: 'DOUBLE[]',
  c_enum_array: 'VARCHAR[]',
  c_jsonb_array: 'JSON[]',
  c_interval_array: 'VARCHAR[]',
  c_uuid_array: 'UUID[]',
  c_char_array: 'VARCHAR[]',
  c_inet_array: 'VARCHAR[]',
};

type Canonical = Pick<ValueCheck, 'source' | 'parquet' | 'compare'>;

const text: Canonical = {
  source: (r) => `${r}::text`,
  parquet: (r) => `CAST(${r} AS VARCHAR)`,
  compare: 'text',
};
/** As PostgreSQL prints the value: a cast to text trims char(n) and adds inet's /128. */
const printed: Canonical = {
  ...text,
  source: (r) => `CASE WHEN ${r} IS NOT NULL THEN format('%s', ${r}) END`,
};
/** DuckDB prints DECIMAL(5,5) without the leading zero: both sides widened to one scale. */
const widenedDecimal: Canonical = {
  source: (r) => `${r}::numeric(38,10)::text`,
  parquet: (r) => `CAST(CAST(${r} AS DECIMAL(38,10)) AS VARCHAR)`,
  compare: 'text',
};
const hex: Canonical = {
  source: (r) => `encode(${r}, 'hex')`,
  parquet: (r) => `lower(hex(${r}))`,
  compare: 'text',
};
const days: Canonical = {
  source: (r) =>
    `CASE WHEN isfinite(${r}) THEN (${r} - DATE '2000-01-01')::text ELSE ${r}::text END`,
  parquet: (r) =>
    `CASE WHEN isfinite(${r}) THEN CAST(${r} - DATE '2000-01-01' AS VARCHAR) ELSE CAST(${r} AS VARCHAR) END`,
  compare: 'text',
};
const micros: Canonical = {
  source: (r) =>
    `CASE WHEN isfinite(${r}) THEN (extract(epoch FROM ${r}) * 1000000)::numeric(30,0)::text ELSE ${r}::text END`,
  parquet: (r) =>
    `CASE WHEN isfinite(${r}) THEN CAST(epoch_us(${r}) AS VARCHAR) ELSE CAST(${r} AS VARCHAR) END`,
  compare: 'text',
};
/** Months, days and microseconds: the three fields both systems store an interval as. */
const intervalParts: Canonical = {
  source: (r) =>
    `(extract(year FROM ${r}) * 12 + extract(month FROM ${r}))::text || ' ' || extract(day FROM ${r})::text || ' ' || ` +
    `(extract(hour FROM ${r}) * 3600000000 + extract(minute FROM ${r}) * 60000000 + extract(microseconds FROM ${r}))::text`,
  parquet: (r) => {
    const i = `CAST(${r} AS INTERVAL)`;
    return (
      `CAST(datepart('year', ${i}) * 12 + datepart('month', ${i}) AS VARCHAR) || ' ' || CAST(datepart('day', ${i}) AS VARCHAR) || ' ' || ` +
      `CAST(datepart('hour', ${i}) * 3600000000 + datepart('minute', ${i}) * 60000000 + datepart('microseconds', ${i}) AS VARCHAR)`
    );
  },
  compare: 'text',
};
const double: Canonical = { ...text, compare: 'double' };
const float: Canonical = { ...text, compare: 'float' };

/** A list compared as a JSON array of its elements' canonical texts. */
function list(element: Canonical): Canonical {
  return {
    source: (r) =>
      `CASE WHEN ${r} IS NULL THEN NULL ELSE coalesce((SELECT json_agg(${element.source('e')} ORDER BY o) ` +
      `FROM unnest(${r}) WITH ORDINALITY AS u(e, o)), '[]')::text END`,
    parquet: (r) =>
      `CAST(to_json(list_transform(${r}, lambda e: ${element.parquet('e')})) AS VARCHAR)`,
    compare: 'json',
  };
}

const CANONICAL: Readonly<Record<string, Canonical>> = {
  c_char: printed,
  c_inet: printed,
  c_numeric_small: widenedDecimal,
  c_real: float,
  c_double: double,
  c_bytea: hex,
  c_date: days,
  c_timestamp: micros,
  c_timestamptz: micros,
  c_timestamp3: micros,
  c_interval: intervalParts,
  c_money: { ...text, source: (r) => `${r}::numeric::text` },
  c_timestamptz_array: list(micros),
  c_date_array: list(days),
  c_bytea_array: list(hex),
  c_interval_array: list(intervalParts),
  c_double_array: { ...list(text), compare: 'double-list' },
  c_char_array: list(printed),
  c_inet_array: list(printed),
};

/** Per column, the canonical texts to compare; any column not listed compares as text. */
export const PG_CHECKS: readonly ValueCheck[] = Object.keys(PG_EXPECTED_TYPES)
  .filter((column) => column !== 'id')
  .map((column) => ({
    column,
    ...(CANONICAL[column] ?? (column.endsWith('_array') ? list(text) : text)),
  }));
