import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbHarness, succeeded } from './duckdb-harness.js';

let db: DuckDbHarness;
beforeAll(async () => {
  db = await DuckDbHarness.open('csv-round-trip');
});
afterAll(() => db.dispose());

describe('CSV round-trips through DuckDB', () => {
  it('keeps quoted commas, doubled quotes and newlines inside fields', async () => {
    const csv =
      'id,name,note\n1,"Lovelace, Ada","She said ""hi"""\n2,"Hopper\nGrace","two\r\nlines"\n';
    const { rows } = succeeded(await db.ingest('quotes.csv', csv));
    expect(rows).toEqual([
      { id: '1', name: 'Lovelace, Ada', note: 'She said "hi"' },
      { id: '2', name: 'Hopper\nGrace', note: 'two\r\nlines' },
    ]);
  });

  it('keeps unicode: accents, emoji, CJK, right-to-left', async () => {
    const csv = 'name,city\nJosé Ñúñez,Zürich\n山田 太郎,東京\nAda 👩‍💻,"Ḱöln 🏙️"\nمريم,القاهرة\n';
    const { rows } = succeeded(await db.ingest('unicode.csv', csv));
    expect(rows.map((row) => row.name)).toEqual(['José Ñúñez', '山田 太郎', 'Ada 👩‍💻', 'مريم']);
    expect(rows.map((row) => row.city)).toEqual(['Zürich', '東京', 'Ḱöln 🏙️', 'القاهرة']);
  });

  it('tells a quoted empty string from an empty field (NULL), and honours ?null=', async () => {
    const csv = 'id,middle,tag\n1,"",NA\n2,,"NA"\n3,Q,x\n';
    const plain = succeeded(await db.ingest('nulls.csv', csv));
    expect(plain.rows.map((row) => row.middle)).toEqual(['', null, 'Q']);
    const withNa = succeeded(await db.ingest('nulls-na.csv', csv, { null: 'NA' }));
    // Unquoted NA is NULL; quoted "NA" is the text NA; an empty field stays NULL as well.
    expect(withNa.rows.map((row) => row.tag)).toEqual([null, 'NA', 'x']);
    expect(withNa.rows.map((row) => row.middle)).toEqual(['', null, 'Q']);
  });

  it('reads integers exactly: BIGINT to its limits, larger ones as exact text', async () => {
    const csv =
      'small,big,huge\n' +
      '1,9223372036854775807,18446744073709551615\n' +
      '-2,-9223372036854775808,340282366920938463463374607431768211455\n';
    const { types, rows } = succeeded(await db.ingest('integers.csv', csv));
    expect(types).toEqual({ small: 'BIGINT', big: 'BIGINT', huge: 'VARCHAR' });
    expect(rows[0]).toEqual({
      small: '1',
      big: '9223372036854775807',
      huge: '18446744073709551615',
    });
    expect(rows[1]?.big).toBe('-9223372036854775808');
    expect(rows[1]?.huge).toBe('340282366920938463463374607431768211455');
  });

  it('keeps decimals digit for digit instead of rounding them to DOUBLE', async () => {
    const csv =
      'amount,ratio,sci\n12345678901234.56,0.1,1e3\n12345678901234.567,0.30000000000000004,2.5E-7\n';
    const { types, rows } = succeeded(await db.ingest('decimals.csv', csv));
    expect(types).toEqual({ amount: 'VARCHAR', ratio: 'VARCHAR', sci: 'VARCHAR' });
    expect(rows.map((row) => row.amount)).toEqual(['12345678901234.56', '12345678901234.567']);
    expect(rows[1]?.ratio).toBe('0.30000000000000004');
    // …and an explicit cast downstream gets an exact DECIMAL.
    const [sum] = await db.rows(
      "SELECT sum(amount::DECIMAL(38, 3))::VARCHAR AS total FROM (VALUES ('12345678901234.56'), ('12345678901234.567')) v(amount)",
    );
    expect(sum?.total).toBe('24691357802469.127');
  });

  it('keeps leading zeros: zip codes and phone numbers stay text', async () => {
    const csv = 'zip,phone,count\n01234,0171234567,007\n90210,030123456,12\n';
    const { types, rows } = succeeded(await db.ingest('zeros.csv', csv));
    expect(types).toEqual({ zip: 'VARCHAR', phone: 'VARCHAR', count: 'VARCHAR' });
    expect(rows[0]).toEqual({ zip: '01234', phone: '0171234567', count: '007' });
  });

  it('types dates, timestamps, ISO timestamps with zones, times and booleans', async () => {
    const csv =
      'd,ts,iso,local_iso,t,flag,bits\n' +
      '2026-01-31,2026-01-31 12:34:56,2026-01-31T12:34:56Z,2026-01-31T12:34:56,08:30:00,true,0\n' +
      '2024-02-29,2024-02-29 00:00:00.123,2024-02-29T23:59:59+02:00,2024-02-29T00:00:00,17:00:00,FALSE,1\n';
    const { types, rows } = succeeded(await db.ingest('temporal.csv', csv));
    expect(types).toEqual({
      d: 'DATE',
      ts: 'TIMESTAMP',
      iso: 'TIMESTAMP WITH TIME ZONE',
      local_iso: 'TIMESTAMP',
      t: 'TIME',
      flag: 'BOOLEAN',
      bits: 'BIGINT',
    });
    expect(rows[0]).toMatchObject({
      d: '2026-01-31',
      ts: '2026-01-31 12:34:56',
      iso: '2026-01-31 12:34:56+00',
    });
    expect(rows[1]).toMatchObject({ iso: '2024-02-29 21:59:59+00', flag: 'false', bits: '1' });
  });

  it('reads TSV, with commas and quotes inside fields', async () => {
    const tsv = 'id\tname\tnote\n1\tLovelace, Ada\tsays "hi"\n2\tHopper, Grace\t\n';
    const { format, types, rows } = succeeded(await db.ingest('people.tsv', tsv));
    expect(format).toBe('tsv');
    expect(types).toEqual({ id: 'BIGINT', name: 'VARCHAR', note: 'VARCHAR' });
    expect(rows).toEqual([
      { id: '1', name: 'Lovelace, Ada', note: 'says "hi"' },
      { id: '2', name: 'Hopper, Grace', note: null },
    ]);
  });

  it('reads semicolon- and pipe-delimited files by sniffing the head', async () => {
    const semi = succeeded(
      await db.ingest('euro.csv', 'name;amount\n"Müller; Anna";12,50\nBob;3,00\n'),
    );
    expect(semi.rows).toEqual([
      { name: 'Müller; Anna', amount: '12,50' },
      { name: 'Bob', amount: '3,00' },
    ]);
    const pipe = succeeded(await db.ingest('pipes.txt', 'a|b\n1|x\n'));
    expect(pipe.rows).toEqual([{ a: '1', b: 'x' }]);
  });

  it('takes the delimiter from the query when given', async () => {
    const { rows } = succeeded(await db.ingest('odd.csv', 'a~b\n1~2\n', { delimiter: '~' }));
    expect(rows).toEqual([{ a: '1', b: '2' }]);
  });

  it('reads a header, or none with ?header=false (column0, column1, …)', async () => {
    const body = 'name,age\nAda,36\n';
    expect(succeeded(await db.ingest('h.csv', body)).rows).toEqual([{ name: 'Ada', age: '36' }]);
    const { types, rows } = succeeded(await db.ingest('nh.csv', body, { header: 'false' }));
    expect(Object.keys(types)).toEqual(['column0', 'column1']);
    expect(rows).toEqual([
      { column0: 'name', column1: 'age' },
      { column0: 'Ada', column1: '36' },
    ]);
  });

  it('detects a missing header when the first row is data like the rest', async () => {
    const { types } = succeeded(await db.ingest('data-only.csv', '1,2026-01-01\n2,2026-01-02\n'));
    expect(types).toEqual({ column0: 'BIGINT', column1: 'DATE' });
  });

  it('does not drop rows that start with # (no comment sniffing)', async () => {
    const csv = 'tag,n\nplain,1\n#other,2 # trailing\n#x,3\n';
    const { rows } = succeeded(await db.ingest('hash.csv', csv));
    expect(rows.map((row) => row.tag)).toEqual(['plain', '#other', '#x']);
  });

  it('decodes UTF-16 (by its BOM), latin-1 (by ?encoding=) and a UTF-8 BOM', async () => {
    const text = 'name,city\nJosé,Zürich\nÅsa,Malmö\n';
    const expected = [
      { name: 'José', city: 'Zürich' },
      { name: 'Åsa', city: 'Malmö' },
    ];
    const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le');
    expect(succeeded(await db.ingest('u16.csv', utf16)).rows).toEqual(expected);
    const latin1 = Buffer.from(text, 'latin1');
    expect(succeeded(await db.ingest('l1.csv', latin1, { encoding: 'latin-1' })).rows).toEqual(
      expected,
    );
    expect(succeeded(await db.ingest('bom.csv', `\ufeff${text}`)).rows).toEqual(expected);
  });

  it('sniffs types from the whole file, so a late odd value widens the column instead of failing', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i},x${i}`);
    lines.push('not-a-number,last');
    const { types, rows } = succeeded(await db.ingest('late.csv', `n,s\n${lines.join('\n')}\n`));
    expect(types.n).toBe('VARCHAR');
    expect(rows.at(-1)).toEqual({ n: 'not-a-number', s: 'last' });
  });
});
