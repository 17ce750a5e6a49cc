/**
 * One column per case: row 0 holds the value, row 1 a NULL of the same type. `type` is DuckDB's
 * own type text (what resultColumns reports); `json` is the exact JSON form the converters must
 * produce for row 0.
 */
export interface TypeCase {
  readonly name: string;
  readonly sql: string;
  readonly type: string;
  readonly json: unknown;
}

/** WKB of POINT(1 2): little-endian, type 1, x = 1.0, y = 2.0. */
export const POINT_WKB_HEX = '0101000000000000000000f03f0000000000000040';

const TRICKY_TEXT = `héllo, "wörld"\r\nline 2 ✓ 😀`;

export const TYPE_CASES: readonly TypeCase[] = [
  { name: 'bool', sql: 'true', type: 'BOOLEAN', json: true },
  { name: 'tinyint_min', sql: '(-128)::TINYINT', type: 'TINYINT', json: -128 },
  { name: 'smallint_max', sql: '32767::SMALLINT', type: 'SMALLINT', json: 32767 },
  { name: 'int_min', sql: '(-2147483648)::INTEGER', type: 'INTEGER', json: -2147483648 },
  { name: 'utinyint_max', sql: '255::UTINYINT', type: 'UTINYINT', json: 255 },
  { name: 'uint_max', sql: '4294967295::UINTEGER', type: 'UINTEGER', json: 4294967295 },
  {
    name: 'bigint_max',
    sql: '9223372036854775807::BIGINT',
    type: 'BIGINT',
    json: '9223372036854775807',
  },
  {
    name: 'bigint_min',
    sql: '(-9223372036854775808)::BIGINT',
    type: 'BIGINT',
    json: '-9223372036854775808',
  },
  {
    name: 'ubigint_max',
    sql: '18446744073709551615::UBIGINT',
    type: 'UBIGINT',
    json: '18446744073709551615',
  },
  {
    name: 'hugeint_max',
    sql: '170141183460469231731687303715884105727::HUGEINT',
    type: 'HUGEINT',
    json: '170141183460469231731687303715884105727',
  },
  {
    name: 'hugeint_neg',
    sql: '(-12345678901234567890123456789)::HUGEINT',
    type: 'HUGEINT',
    json: '-12345678901234567890123456789',
  },
  {
    name: 'uhugeint_max',
    sql: '340282366920938463463374607431768211455::UHUGEINT',
    type: 'UHUGEINT',
    json: '340282366920938463463374607431768211455',
  },
  {
    name: 'bignum',
    sql: "'-123456789012345678901234567890123456789012345'::BIGNUM",
    type: 'BIGNUM',
    json: '-123456789012345678901234567890123456789012345',
  },
  { name: 'float', sql: '3.14::FLOAT', type: 'FLOAT', json: 3.14 },
  { name: 'float_ninf', sql: "'-inf'::FLOAT", type: 'FLOAT', json: '-Infinity' },
  { name: 'double', sql: '0.1::DOUBLE', type: 'DOUBLE', json: 0.1 },
  { name: 'double_nan', sql: "'NaN'::DOUBLE", type: 'DOUBLE', json: 'NaN' },
  { name: 'double_inf', sql: "'Infinity'::DOUBLE", type: 'DOUBLE', json: 'Infinity' },
  { name: 'dec_small', sql: '1.5::DECIMAL(4,1)', type: 'DECIMAL(4,1)', json: '1.5' },
  {
    name: 'dec_money',
    sql: '(-1234567.80)::DECIMAL(18,2)',
    type: 'DECIMAL(18,2)',
    json: '-1234567.80',
  },
  {
    name: 'dec_wide',
    sql: "'1234567890123456789012345678.0123456789'::DECIMAL(38,10)",
    type: 'DECIMAL(38,10)',
    json: '1234567890123456789012345678.0123456789',
  },
  {
    name: 'dec_tiny_neg',
    sql: "'-0.0000000001'::DECIMAL(38,10)",
    type: 'DECIMAL(38,10)',
    json: '-0.0000000001',
  },
  {
    name: 'text',
    sql: `'héllo, "wörld"' || chr(13) || chr(10) || 'line 2 ✓ 😀'`,
    type: 'VARCHAR',
    json: TRICKY_TEXT,
  },
  { name: 'text_empty', sql: "''", type: 'VARCHAR', json: '' },
  {
    name: 'enum',
    sql: "'beta'::ENUM('alpha', 'beta')",
    type: "ENUM('alpha', 'beta')",
    json: 'beta',
  },
  {
    name: 'uuid',
    sql: "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID",
    type: 'UUID',
    json: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  },
  { name: 'blob', sql: "'\\xDE\\xAD\\xBE\\xEF'::BLOB", type: 'BLOB', json: '3q2+7w==' },
  {
    name: 'geometry',
    sql: "'POINT(1 2)'::GEOMETRY",
    type: 'GEOMETRY',
    json: Buffer.from(POINT_WKB_HEX, 'hex').toString('base64'),
  },
  { name: 'bit', sql: "'10101'::BIT", type: 'BIT', json: '10101' },
  { name: 'date_pre_epoch', sql: "DATE '1969-07-20'", type: 'DATE', json: '1969-07-20' },
  { name: 'date_far', sql: "DATE '5881580-07-10'", type: 'DATE', json: '+5881580-07-10' },
  { name: 'date_bc', sql: "'0044-03-15 (BC)'::DATE", type: 'DATE', json: '-000043-03-15' },
  { name: 'date_inf', sql: "'infinity'::DATE", type: 'DATE', json: 'infinity' },
  { name: 'date_ninf', sql: "'-infinity'::DATE", type: 'DATE', json: '-infinity' },
  { name: 'time', sql: "TIME '23:59:59.999999'", type: 'TIME', json: '23:59:59.999999' },
  {
    name: 'time_ns',
    sql: "'12:34:56.123456789'::TIME_NS",
    type: 'TIME_NS',
    json: '12:34:56.123456789',
  },
  { name: 'time_24', sql: "TIME '24:00:00'", type: 'TIME', json: '24:00:00' },
  {
    name: 'timetz',
    sql: "'12:30:00.5+05:30'::TIMETZ",
    type: 'TIME WITH TIME ZONE',
    json: '12:30:00.5+05:30',
  },
  {
    name: 'ts_micros',
    sql: "TIMESTAMP '2024-02-29 13:14:15.123456'",
    type: 'TIMESTAMP',
    json: '2024-02-29T13:14:15.123456',
  },
  {
    name: 'ts_pre_epoch',
    sql: "TIMESTAMP '1900-01-01 00:00:00.000001'",
    type: 'TIMESTAMP',
    json: '1900-01-01T00:00:00.000001',
  },
  {
    name: 'ts_max',
    sql: "TIMESTAMP '294247-01-10 04:00:54.775806'",
    type: 'TIMESTAMP',
    json: '+294247-01-10T04:00:54.775806',
  },
  { name: 'ts_inf', sql: "'infinity'::TIMESTAMP", type: 'TIMESTAMP', json: 'infinity' },
  { name: 'ts_ninf', sql: "'-infinity'::TIMESTAMP", type: 'TIMESTAMP', json: '-infinity' },
  {
    name: 'ts_s',
    sql: "'2024-01-02 03:04:05'::TIMESTAMP_S",
    type: 'TIMESTAMP_S',
    json: '2024-01-02T03:04:05',
  },
  {
    name: 'ts_ms',
    sql: "'1960-01-02 03:04:05.678'::TIMESTAMP_MS",
    type: 'TIMESTAMP_MS',
    json: '1960-01-02T03:04:05.678',
  },
  {
    name: 'ts_ns',
    sql: "'2024-01-02 03:04:05.123456789'::TIMESTAMP_NS",
    type: 'TIMESTAMP_NS',
    json: '2024-01-02T03:04:05.123456789',
  },
  {
    name: 'tstz',
    sql: "'2024-06-01 12:00:00.5+02'::TIMESTAMPTZ",
    type: 'TIMESTAMP WITH TIME ZONE',
    json: '2024-06-01T10:00:00.5Z',
  },
  {
    name: 'tstz_inf',
    sql: "'infinity'::TIMESTAMPTZ",
    type: 'TIMESTAMP WITH TIME ZONE',
    json: 'infinity',
  },
  {
    name: 'interval',
    sql: "INTERVAL '1 year 2 months 3 days 4 hours 5 minutes 6.5 seconds'",
    type: 'INTERVAL',
    json: 'P1Y2M3DT4H5M6.5S',
  },
  {
    name: 'interval_mixed',
    sql: "INTERVAL '-1 year' + INTERVAL '3 days' - INTERVAL '4 hours'",
    type: 'INTERVAL',
    json: 'P-1Y3DT-4H',
  },
  { name: 'interval_zero', sql: "INTERVAL '0 seconds'", type: 'INTERVAL', json: 'PT0S' },
  { name: 'list_empty', sql: '[]::INTEGER[]', type: 'INTEGER[]', json: [] },
  { name: 'list_nulls', sql: '[1, NULL, 3]', type: 'INTEGER[]', json: [1, null, 3] },
  {
    name: 'list_of_structs',
    sql: "[[{'a': 1, 'b': 'x'}], [], [{'a': NULL, 'b': 'y,z'}]]",
    type: 'STRUCT("a" INTEGER, "b" VARCHAR)[][]',
    json: [[{ a: 1, b: 'x' }], [], [{ a: null, b: 'y,z' }]],
  },
  {
    name: 'struct',
    sql: "{'id': 42::BIGINT, 'tags': ['a', 'b'], 'day': DATE '2020-01-01'}",
    type: 'STRUCT("id" BIGINT, "tags" VARCHAR[], "day" DATE)',
    json: { id: '42', tags: ['a', 'b'], day: '2020-01-01' },
  },
  {
    name: 'map_int_keys',
    sql: "MAP {1: 'one', 2: NULL}",
    type: 'MAP(INTEGER, VARCHAR)',
    json: [
      { key: 1, value: 'one' },
      { key: 2, value: null },
    ],
  },
  {
    name: 'map_bigint_keys',
    sql: 'MAP {9223372036854775807::BIGINT: 1.5::DECIMAL(4,1)}',
    type: 'MAP(BIGINT, DECIMAL(4,1))',
    json: [{ key: '9223372036854775807', value: '1.5' }],
  },
  {
    name: 'array',
    sql: '[1.5, 2.5, NULL]::DOUBLE[3]',
    type: 'DOUBLE[3]',
    json: [1.5, 2.5, null],
  },
  {
    name: 'union',
    sql: 'union_value(num := 2)::UNION(num INTEGER, str VARCHAR)',
    type: 'UNION("num" INTEGER, "str" VARCHAR)',
    json: { num: 2 },
  },
  {
    name: 'variant',
    sql: "{'k': [1, 2], 'd': DATE '2020-02-02'}::VARIANT",
    type: 'VARIANT',
    json: { k: [1, 2], d: '2020-02-02' },
  },
];

/** Row 0: every case's value; row 1: a NULL of every case's type. Ordered by `ord`. */
export function allTypesSql(cases: readonly TypeCase[] = TYPE_CASES): string {
  const values = cases.map((c) => `${c.sql} AS "${c.name}"`).join(',\n  ');
  const nulls = cases.map((c) => `NULL::${c.type} AS "${c.name}"`).join(',\n  ');
  return `SELECT * EXCLUDE (ord) FROM (
SELECT 0 AS ord,\n  ${values}
UNION ALL BY NAME
SELECT 1 AS ord,\n  ${nulls}
) ORDER BY ord`;
}

/** The JSON row object each case's row 0 must become. */
export function expectedObject(cases: readonly TypeCase[] = TYPE_CASES): Record<string, unknown> {
  return Object.fromEntries(cases.map((c) => [c.name, c.json]));
}
