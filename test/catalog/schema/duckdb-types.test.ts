import { describe, expect, it } from 'vitest';
import { normaliseDuckDbType } from '../../../src/catalog/schema/index.js';

describe('normaliseDuckDbType', () => {
  it.each([
    ['INT', 'INTEGER'],
    ['int4', 'INTEGER'],
    ['Integer', 'INTEGER'],
    ['signed', 'INTEGER'],
    ['INT1', 'TINYINT'],
    ['int2', 'SMALLINT'],
    ['short', 'SMALLINT'],
    ['INT8', 'BIGINT'],
    ['long', 'BIGINT'],
    ['int128', 'HUGEINT'],
    ['uint8', 'UTINYINT'],
    ['uint16', 'USMALLINT'],
    ['uint32', 'UINTEGER'],
    ['uint64', 'UBIGINT'],
    ['uint128', 'UHUGEINT'],
    ['FLOAT4', 'FLOAT'],
    ['real', 'FLOAT'],
    ['float', 'FLOAT'],
    ['FLOAT8', 'DOUBLE'],
    ['double  precision', 'DOUBLE'],
    ['STRING', 'VARCHAR'],
    ['text', 'VARCHAR'],
    ['char', 'VARCHAR'],
    ['bpchar', 'VARCHAR'],
    ['character varying', 'VARCHAR'],
    ['bool', 'BOOLEAN'],
    ['logical', 'BOOLEAN'],
    ['bytea', 'BLOB'],
    ['varbinary', 'BLOB'],
    ['datetime', 'TIMESTAMP'],
    ['timestamp_us', 'TIMESTAMP'],
    ['timestamp without time zone', 'TIMESTAMP'],
    ['TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE'],
    ['timestamp   with\ttime zone', 'TIMESTAMP WITH TIME ZONE'],
    ['timetz', 'TIME WITH TIME ZONE'],
    ['timestamp_ns', 'TIMESTAMP_NS'],
    ['date', 'DATE'],
    ['interval', 'INTERVAL'],
    ['uuid', 'UUID'],
    ['json', 'JSON'],
  ])('resolves the alias %s to %s', (alias, canonical) => {
    expect(normaliseDuckDbType(alias)).toBe(canonical);
  });

  it.each([
    ['DECIMAL', 'DECIMAL(18,3)'],
    ['numeric', 'DECIMAL(18,3)'],
    ['decimal(5)', 'DECIMAL(5,0)'],
    [' numeric ( 10 , 2 ) ', 'DECIMAL(10,2)'],
    ['DECIMAL(38,38)', 'DECIMAL(38,38)'],
  ])('reads decimal %s as %s', (text, normalised) => {
    expect(normaliseDuckDbType(text)).toBe(normalised);
  });

  it('drops VARCHAR lengths, which DuckDB does not enforce', () => {
    expect(normaliseDuckDbType('varchar(255)')).toBe('VARCHAR');
    expect(normaliseDuckDbType('CHAR(3)')).toBe('VARCHAR');
  });

  it.each([
    ['int[]', 'INTEGER[]'],
    ['text[][]', 'VARCHAR[][]'],
    ['int4[3]', 'INTEGER[3]'],
    ['struct(a int, b text)', 'STRUCT(a INTEGER, b VARCHAR)'],
    [
      'STRUCT(a STRUCT(b INT8[]), c timestamptz)',
      'STRUCT(a STRUCT(b BIGINT[]), c TIMESTAMP WITH TIME ZONE)',
    ],
    ['map(string, int)', 'MAP(VARCHAR, INTEGER)'],
    ['MAP(VARCHAR, STRUCT(x real))[]', 'MAP(VARCHAR, STRUCT(x FLOAT))[]'],
    ['union(num int, str text)', 'UNION(num INTEGER, str VARCHAR)'],
  ])('normalises nested %s to %s', (text, normalised) => {
    expect(normaliseDuckDbType(text)).toBe(normalised);
  });

  it('keeps struct field names as written, quoting those that need it', () => {
    expect(normaliseDuckDbType('STRUCT(FirstName text, "home address" text)')).toBe(
      'STRUCT(FirstName VARCHAR, "home address" VARCHAR)',
    );
    expect(normaliseDuckDbType('STRUCT("say ""hi""" int)')).toBe('STRUCT("say ""hi""" INTEGER)');
  });

  it('keeps types it has no rules for, with canonical spacing', () => {
    expect(normaliseDuckDbType("enum( 'a' ,'b')")).toBe("ENUM('a', 'b')");
    expect(normaliseDuckDbType('geometry')).toBe('GEOMETRY');
  });

  it.each([
    ['DECIMAL(40,2)', 'DECIMAL(40,2)'], // wider than DuckDB allows
    ['DECIMAL(2,5)', 'DECIMAL(2,5)'], // scale above precision
    ['STRUCT(a INT, A INT)', 'STRUCT(A INT, A INT)'], // duplicate field
    ['INTEGER[', 'INTEGER['],
    ['not  a ; type', 'NOT A ; TYPE'],
  ])('keeps unreadable %s as opaque text %s', (text, normalised) => {
    expect(normaliseDuckDbType(text)).toBe(normalised);
  });
});
