/**
 * DuckDB's alternative spellings of its types, upper-cased with single spaces, mapped to the
 * name DuckDB itself prints (`typeof(...)`, `DESCRIBE`). Names not listed are already canonical.
 */
const CANONICAL_NAME_BY_ALIAS: Partial<Record<string, string>> = {
  INT1: 'TINYINT',
  INT2: 'SMALLINT',
  SHORT: 'SMALLINT',
  INT: 'INTEGER',
  INT4: 'INTEGER',
  SIGNED: 'INTEGER',
  INT8: 'BIGINT',
  LONG: 'BIGINT',
  INT128: 'HUGEINT',
  UINT8: 'UTINYINT',
  UINT16: 'USMALLINT',
  UINT32: 'UINTEGER',
  UINT64: 'UBIGINT',
  UINT128: 'UHUGEINT',
  REAL: 'FLOAT',
  FLOAT4: 'FLOAT',
  FLOAT8: 'DOUBLE',
  'DOUBLE PRECISION': 'DOUBLE',
  NUMERIC: 'DECIMAL',
  STRING: 'VARCHAR',
  TEXT: 'VARCHAR',
  CHAR: 'VARCHAR',
  BPCHAR: 'VARCHAR',
  NVARCHAR: 'VARCHAR',
  CHARACTER: 'VARCHAR',
  'CHARACTER VARYING': 'VARCHAR',
  BOOL: 'BOOLEAN',
  LOGICAL: 'BOOLEAN',
  BYTEA: 'BLOB',
  BINARY: 'BLOB',
  VARBINARY: 'BLOB',
  BITSTRING: 'BIT',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP_US: 'TIMESTAMP',
  'TIMESTAMP WITHOUT TIME ZONE': 'TIMESTAMP',
  TIMESTAMPTZ: 'TIMESTAMP WITH TIME ZONE',
  'TIME WITHOUT TIME ZONE': 'TIME',
  TIMETZ: 'TIME WITH TIME ZONE',
};

/** `int4` → `INTEGER`, `timestamp  with time zone` → `TIMESTAMP WITH TIME ZONE`. */
export function canonicalTypeName(words: readonly string[]): string {
  const name = words.join(' ').toUpperCase();
  return Object.hasOwn(CANONICAL_NAME_BY_ALIAS, name)
    ? (CANONICAL_NAME_BY_ALIAS[name] ?? name)
    : name;
}
