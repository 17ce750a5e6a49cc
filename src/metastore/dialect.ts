export type MetastoreDialect = 'sqlite' | 'postgres';
