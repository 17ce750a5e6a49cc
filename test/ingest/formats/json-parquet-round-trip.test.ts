import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerSql } from '../../../src/ingest/formats/index.js';
import { DuckDbHarness, succeeded } from './duckdb-harness.js';

let db: DuckDbHarness;
beforeAll(async () => {
  db = await DuckDbHarness.open('json-parquet');
});
afterAll(() => db.dispose());

const people = [
  {
    id: 1,
    name: 'Ada 👩‍💻',
    address: { city: 'Zürich', zip: '8001' },
    skills: ['math', 'poetry'],
    active: true,
  },
  { id: 2, name: '山田', address: { city: '東京', zip: null }, skills: [], active: false },
];

describe('JSON', () => {
  it('reads an array of objects with nested objects and arrays as STRUCT and LIST columns', async () => {
    const { format, types, rows } = succeeded(
      await db.ingest('people.json', JSON.stringify(people, null, 2)),
    );
    expect(format).toBe('json');
    expect(types).toEqual({
      id: 'BIGINT',
      name: 'VARCHAR',
      address: 'STRUCT("city" VARCHAR, "zip" VARCHAR)',
      skills: 'VARCHAR[]',
      active: 'BOOLEAN',
    });
    expect(rows[0]).toMatchObject({ name: 'Ada 👩‍💻', skills: '[math, poetry]' });
    const nested = await db.rows(
      `SELECT address.city AS city, len(skills)::INTEGER AS n FROM ${readerSql(`${db.dir}/people.json`, { format: 'json' })}`,
    );
    expect(nested).toEqual([
      { city: 'Zürich', n: 2 },
      { city: '東京', n: 0 },
    ]);
  });

  it('reads JSON integers beyond BIGINT exactly (HUGEINT), dates and timestamps from strings', async () => {
    const json = '[{"big":18446744073709551615,"d":"2026-01-31","ts":"2026-01-31T12:34:56Z"}]';
    const { types, rows } = succeeded(await db.ingest('numbers.json', json));
    expect(types).toEqual({ big: 'HUGEINT', d: 'DATE', ts: 'TIMESTAMP' });
    expect(rows).toEqual([
      { big: '18446744073709551615', d: '2026-01-31', ts: '2026-01-31 12:34:56' },
    ]);
  });
});

describe('NDJSON', () => {
  it('reads one object per line', async () => {
    const ndjson = `${people.map((p) => JSON.stringify(p)).join('\n')}\n`;
    const { format, types, rows } = succeeded(await db.ingest('people.ndjson', ndjson));
    expect(format).toBe('ndjson');
    expect(types.address).toBe('STRUCT("city" VARCHAR, "zip" VARCHAR)');
    expect(rows.map((row) => row.name)).toEqual(['Ada 👩‍💻', '山田']);
  });

  it('keeps a key first seen after 20,480 records (the default sample would drop it)', async () => {
    const lines = Array.from({ length: 25_000 }, (_, i) => JSON.stringify({ id: i }));
    lines.push(JSON.stringify({ id: 25_000, late: 'kept' }));
    const { types, rows } = succeeded(await db.ingest('late.jsonl', `${lines.join('\n')}\n`));
    expect(types).toEqual({ id: 'BIGINT', late: 'VARCHAR' });
    expect(rows.at(-1)).toEqual({ id: '25000', late: 'kept' });
  });
});

describe('Parquet', () => {
  it('reads a file DuckDB wrote, with its types intact', async () => {
    const file = `${db.dir}/written.parquet`;
    await db.rows(
      `COPY (SELECT 1::BIGINT AS id, 'Ada'::VARCHAR AS name, 12345678901234.56::DECIMAL(16,2) AS amount,
              DATE '2026-01-31' AS d, [1, 2]::INTEGER[] AS xs, {'city': 'Zürich'} AS address)
       TO '${file}' (FORMAT parquet)`,
    );
    const { format, types, rows } = succeeded(
      await db.ingest('written.parquet', readFileSync(file)),
    );
    expect(format).toBe('parquet');
    expect(types).toEqual({
      id: 'BIGINT',
      name: 'VARCHAR',
      amount: 'DECIMAL(16,2)',
      d: 'DATE',
      xs: 'INTEGER[]',
      address: 'STRUCT("city" VARCHAR)',
    });
    expect(rows).toEqual([
      {
        id: '1',
        name: 'Ada',
        amount: '12345678901234.56',
        d: '2026-01-31',
        xs: '[1, 2]',
        address: "{'city': Zürich}",
      },
    ]);
  });
});
