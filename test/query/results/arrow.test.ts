import {
  DataType,
  MessageHeader,
  MessageReader,
  tableFromIPC,
  util,
  type MapRow,
  type StructRowProxy,
  type Table,
  type Vector,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowIpcChunks } from '../../../src/query/duckdb/results/index.js';
import { allTypesSql, POINT_WKB_HEX, TYPE_CASES } from './all-types.fixture.js';
import { collect, openDuckDB, type TestDuckDB } from './support.js';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(() => db.close());

const daysOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 864e5;

/** Arrow type text and row-0 value per column; timestamps and dates as raw stored integers. */
const EXPECTED: Record<string, readonly [string, unknown]> = {
  bool: ['Bool', true],
  tinyint_min: ['Int8', -128],
  smallint_max: ['Int16', 32767],
  int_min: ['Int32', -2147483648],
  utinyint_max: ['Uint8', 255],
  uint_max: ['Uint32', 4294967295],
  bigint_max: ['Int64', 9223372036854775807n],
  bigint_min: ['Int64', -9223372036854775808n],
  ubigint_max: ['Uint64', 18446744073709551615n],
  hugeint_max: ['Decimal[38e0]', '170141183460469231731687303715884105727'],
  hugeint_neg: ['Decimal[38e0]', '-12345678901234567890123456789'],
  uhugeint_max: ['Utf8', '340282366920938463463374607431768211455'],
  bignum: ['Utf8', '-123456789012345678901234567890123456789012345'],
  float: ['Float32', Math.fround(3.14)],
  float_ninf: ['Float32', -Infinity],
  double: ['Float64', 0.1],
  double_nan: ['Float64', NaN],
  double_inf: ['Float64', Infinity],
  dec_small: ['Decimal[4e+1]', '1.5'],
  dec_money: ['Decimal[18e+2]', '-1234567.80'],
  dec_wide: ['Decimal[38e+10]', '1234567890123456789012345678.0123456789'],
  dec_tiny_neg: ['Decimal[38e+10]', '-0.0000000001'],
  text: ['Utf8', 'héllo, "wörld"\r\nline 2 ✓ 😀'],
  text_empty: ['Utf8', ''],
  enum: ['Dictionary<Int32, Utf8>', 'beta'],
  uuid: ['Utf8', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  blob: ['Binary', 'deadbeef'],
  geometry: ['Binary', POINT_WKB_HEX],
  bit: ['Utf8', '10101'],
  date_pre_epoch: ['Date32<DAY>', daysOf(1969, 7, 20)],
  date_far: ['Date32<DAY>', 2_147_483_646],
  date_bc: ['Date32<DAY>', daysOf(-43, 3, 15)],
  date_inf: ['Date32<DAY>', 2_147_483_647],
  date_ninf: ['Date32<DAY>', -2_147_483_647],
  time: ['Time64<MICROSECOND>', 86_399_999_999n],
  time_ns: ['Time64<NANOSECOND>', 45_296_123_456_789n],
  time_24: ['Time64<MICROSECOND>', 86_400_000_000n],
  timetz: ['Utf8', '12:30:00.5+05:30'],
  ts_micros: ['Timestamp<MICROSECOND>', 1_709_212_455_123_456n],
  ts_pre_epoch: ['Timestamp<MICROSECOND>', -2_208_988_799_999_999n],
  ts_max: ['Timestamp<MICROSECOND>', 9_223_372_036_854_775_806n],
  ts_inf: ['Timestamp<MICROSECOND>', 9_223_372_036_854_775_807n],
  ts_ninf: ['Timestamp<MICROSECOND>', -9_223_372_036_854_775_807n],
  ts_s: ['Timestamp<SECOND>', 1_704_164_645n],
  ts_ms: ['Timestamp<MILLISECOND>', -315_521_754_322n],
  ts_ns: ['Timestamp<NANOSECOND>', 1_704_164_645_123_456_789n],
  tstz: ['Timestamp<MICROSECOND, UTC>', 1_717_236_000_500_000n],
  tstz_inf: ['Timestamp<MICROSECOND, UTC>', 9_223_372_036_854_775_807n],
  interval: ['Interval<MONTH_DAY_NANO>', { months: 14, days: 3, nanoseconds: 14_706_500_000_000n }],
  interval_mixed: [
    'Interval<MONTH_DAY_NANO>',
    { months: -12, days: 3, nanoseconds: -14_400_000_000_000n },
  ],
  interval_zero: ['Interval<MONTH_DAY_NANO>', { months: 0, days: 0, nanoseconds: 0n }],
  list_empty: ['List<Int32>', []],
  list_nulls: ['List<Int32>', [1, null, 3]],
  list_of_structs: [
    'List<List<Struct<{a:Int32, b:Utf8}>>>',
    [[{ a: 1, b: 'x' }], [], [{ a: null, b: 'y,z' }]],
  ],
  struct: [
    'Struct<{id:Int64, tags:List<Utf8>, day:Date32<DAY>}>',
    { id: 42n, tags: ['a', 'b'], day: Date.UTC(2020, 0, 1) },
  ],
  map_int_keys: [
    'Map<{key:Int32, value:Utf8}>',
    [
      [1, 'one'],
      [2, null],
    ],
  ],
  map_bigint_keys: ['Map<{key:Int64, value:Decimal[4e+1]}>', [[9223372036854775807n, '1.5']]],
  array: ['FixedSizeList[3]<Float64>', [1.5, 2.5, null]],
  union: ['Utf8', '{"num":2}'],
  variant: ['Utf8', '{"k":[1,2],"d":"2020-02-02"}'],
};

async function arrowTable(sql: string): Promise<Table> {
  return tableFromIPC(Buffer.concat(await collect(arrowIpcChunks(await db.stream(sql)))));
}

describe('arrowIpcChunks', () => {
  it('maps every DuckDB type to its Arrow type and value, NULLs included', async () => {
    const table = await arrowTable(allTypesSql());
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => f.name)).toEqual(TYPE_CASES.map((c) => c.name));
    for (const { name, type } of TYPE_CASES) {
      const column = table.getChild(name)!;
      const field = table.schema.fields.find((f) => f.name === name)!;
      expect({ name, arrow: String(column.type), value: rowZero(column) }).toEqual({
        name,
        arrow: EXPECTED[name]![0],
        value: EXPECTED[name]![1],
      });
      expect({ name, nullAtRow1: column.isValid(1), get: column.get(1) }).toEqual({
        name,
        nullAtRow1: false,
        get: null,
      });
      expect(field.metadata.get('duckdb.type')).toBe(type);
    }
  });

  it('streams a schema piece, one record batch per chunk, then end-of-stream', async () => {
    const pieces = await collect(arrowIpcChunks(await db.stream('SELECT * FROM range(5000)')));
    expect(pieces).toHaveLength(1 + 3 + 1); // 5000 rows = chunks of 2048 + 2048 + 904
    expect([...pieces.at(-1)!]).toEqual([255, 255, 255, 255, 0, 0, 0, 0]);
    const table = tableFromIPC(Buffer.concat(pieces));
    expect(table.batches.map((b) => b.numRows)).toEqual([2048, 2048, 904]);
    expect(table.getChild('range')!.get(4999)).toBe(4999n);
  });

  it('sends an ENUM dictionary once for the whole stream', async () => {
    const sql =
      "SELECT (CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END)::ENUM('a', 'b') AS e FROM range(5000) t(i)";
    const bytes = Buffer.concat(await collect(arrowIpcChunks(await db.stream(sql))));
    const headers = messageHeaders(bytes);
    expect(headers.filter((h) => h === MessageHeader.DictionaryBatch)).toHaveLength(1);
    expect(headers.filter((h) => h === MessageHeader.RecordBatch)).toHaveLength(3);
    const column = tableFromIPC(bytes).getChild('e')!;
    expect([column.get(0), column.get(1), column.get(4998), column.get(4999)]).toEqual([
      'a',
      'b',
      'a',
      'b',
    ]);
  });

  it('nests ENUM dictionaries inside lists and structs', async () => {
    const sql = `SELECT [(CASE WHEN i = 0 THEN 'ok' ELSE 'sad' END)::ENUM('sad', 'ok'), NULL] AS l,
      {'m': 'ok'::ENUM('sad', 'ok')} AS s FROM range(2) t(i)`;
    const table = await arrowTable(sql);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      'List<Dictionary<Int32, Utf8>>',
      'Struct<{m:Dictionary<Int32, Utf8>}>',
    ]);
    expect(table.toArray().map((row) => JSON.stringify(row))).toEqual([
      '{"l":["ok",null],"s":{"m":"ok"}}',
      '{"l":["sad",null],"s":{"m":"ok"}}',
    ]);
  });

  it('writes a schema and end-of-stream for an empty result', async () => {
    const table = await arrowTable('SELECT 1::BIGINT AS x, [1]::INT[] AS l WHERE false');
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Int64', 'List<Int32>']);
  });
});

/** Row 0 of a column as plain JS; top-level temporal columns as raw stored ticks/days. */
function rowZero(column: Vector): unknown {
  const { type } = column;
  if (DataType.isTimestamp(type) || DataType.isDate(type)) return column.data[0]!.values[0];
  return plain(column.get(0), type);
}

function plain(value: unknown, type: DataType): unknown {
  if (value === null) return null;
  if (DataType.isDecimal(type)) return decimalText(BigInt(String(value)), type.scale);
  if (DataType.isBinary(type)) return Buffer.from(value as Uint8Array).toString('hex');
  if (DataType.isInterval(type)) {
    return util.toIntervalMonthDayNanoObjects(value as Int32Array, false)[0];
  }
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    return [...(value as Vector)].map((item) => plain(item, type.children[0]!.type));
  }
  if (DataType.isStruct(type)) {
    const row = (value as StructRowProxy).toJSON() as Record<string, unknown>;
    return Object.fromEntries(type.children.map((f) => [f.name, plain(row[f.name], f.type)]));
  }
  if (DataType.isMap(type)) {
    const { keyType, valueType } = mapTypes(type);
    return [...(value as MapRow)].map(([k, v]) => [plain(k, keyType), plain(v, valueType)]);
  }
  return value;
}

function mapTypes(type: DataType): { keyType: DataType; valueType: DataType } {
  const entries = type.children[0]!.type;
  return { keyType: entries.children[0]!.type, valueType: entries.children[1]!.type };
}

/** Each IPC message's header type, skipping over message bodies. */
function messageHeaders(bytes: Uint8Array): MessageHeader[] {
  const reader = new MessageReader(bytes);
  const headers: MessageHeader[] = [];
  for (const message of reader) {
    headers.push(message.headerType);
    reader.readMessageBody(message.bodyLength);
  }
  return headers;
}

/** Decimal128 values read back as an unscaled integer; put the point back for comparison. */
function decimalText(unscaled: bigint, scale: number): string {
  if (scale === 0) return String(unscaled);
  const digits = String(unscaled < 0n ? -unscaled : unscaled).padStart(scale + 1, '0');
  const sign = unscaled < 0n ? '-' : '';
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
