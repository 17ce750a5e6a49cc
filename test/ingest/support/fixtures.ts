import { expect } from 'vitest';

/** Files with tricky values, and what reading their Parquet back must give. */

export const TRICKY_CSV =
  'id,quoted,comma,multi,uni,empty_q,empty_u,big,amount,ratio,day,ts,flag\n' +
  '1,"she said ""hi""","a, b","line1\nline2",😀 café 東京,"",,9223372036854775807,12345678901234.56,0.1,2026-01-31,2026-01-31 12:34:56,true\n' +
  '2,plain,x,"single",Ñandú Zürich 山田,"x",v,-9223372036854775808,-42.50,0.5,2025-12-01,2025-12-01 00:00:00,false\n';

/** JSON text written by hand: JSON.stringify cannot write 2^63-1 exactly. */
const JSON_RECORDS = [
  '{"id":1,"text":"she said \\"hi\\"\\nnext line","uni":"😀 café 東京","big":9223372036854775807,' +
    '"delta":-5,"nested":{"a":1,"b":"x"},"tags":["x","y"],"maybe":null}',
  '{"id":2,"text":"plain, with comma","uni":"Ñandú","big":-9223372036854775808,' +
    '"delta":5,"nested":{"a":2,"b":"y"},"tags":[],"maybe":"v"}',
];
export const JSON_ARRAY = `[${JSON_RECORDS.join(',\n')}]`;
export const NDJSON = `${JSON_RECORDS.join('\n')}\n`;

/** The exact text of the integer columns, which a DOUBLE would round or reformat. */
export const JSON_INTEGER_TEXT = [
  { big: '9223372036854775807', delta: '-5' },
  { big: '-9223372036854775808', delta: '5' },
];

export const JSON_TYPES = {
  id: 'BIGINT',
  text: 'VARCHAR',
  uni: 'VARCHAR',
  big: 'BIGINT',
  delta: 'BIGINT',
  nested: 'STRUCT(a BIGINT, b VARCHAR)',
  tags: 'VARCHAR[]',
  maybe: 'VARCHAR',
};

export const JSON_ROWS = [
  {
    id: 1n,
    text: 'she said "hi"\nnext line',
    uni: '😀 café 東京',
    big: 9223372036854775807n,
    delta: -5n,
    nested: { a: 1n, b: 'x' },
    tags: ['x', 'y'],
    maybe: null,
  },
  {
    id: 2n,
    text: 'plain, with comma',
    uni: 'Ñandú',
    big: -9223372036854775808n,
    delta: 5n,
    nested: { a: 2n, b: 'y' },
    tags: [],
    maybe: 'v',
  },
];

export const TRICKY_CSV_TYPES = {
  id: 'BIGINT',
  quoted: 'VARCHAR',
  comma: 'VARCHAR',
  multi: 'VARCHAR',
  uni: 'VARCHAR',
  empty_q: 'VARCHAR',
  empty_u: 'VARCHAR',
  big: 'BIGINT',
  // Fractional numbers may be VARCHAR or DECIMAL (one scale per column); their text is checked.
  amount: textOrDecimal(),
  ratio: textOrDecimal(),
  day: 'DATE',
  ts: 'TIMESTAMP',
  flag: 'BOOLEAN',
};

/** The rows without amount, ratio, day and ts, which are compared as text. */
export const TRICKY_CSV_ROWS = [
  {
    id: 1n,
    quoted: 'she said "hi"',
    comma: 'a, b',
    multi: 'line1\nline2',
    uni: '😀 café 東京',
    empty_q: '',
    empty_u: null,
    big: 9223372036854775807n,
    flag: true,
  },
  {
    id: 2n,
    quoted: 'plain',
    comma: 'x',
    multi: 'single',
    uni: 'Ñandú Zürich 山田',
    empty_q: 'x',
    empty_u: 'v',
    big: -9223372036854775808n,
    flag: false,
  },
];

export const TRICKY_CSV_TEXT = [
  { amount: '12345678901234.56', ratio: '0.1', day: '2026-01-31', ts: '2026-01-31 12:34:56' },
  { amount: '-42.50', ratio: '0.5', day: '2025-12-01', ts: '2025-12-01 00:00:00' },
];

function textOrDecimal(): unknown {
  return expect.stringMatching(/^(VARCHAR|DECIMAL\(\d+,\d+\))$/);
}
