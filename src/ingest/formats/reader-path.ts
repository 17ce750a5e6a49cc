import { InvalidOptionError } from './errors.js';
import { assertNoNul } from './sql-literal.js';

/**
 * DuckDB's readers treat their path as a glob: read_csv('/stage/c[1]d.csv') reads c1d.csv and
 * ignores the literal file, and '*' can pull in other uploads. Staged paths must not need it.
 */
const GLOB_CHARACTERS = /[*?[\]]/;

export function validateReaderPath(path: string): string {
  assertNoNul('path', path);
  if (path === '') throw new InvalidOptionError('path', 'must not be empty');
  if (GLOB_CHARACTERS.test(path)) {
    throw new InvalidOptionError('path', 'must not contain glob characters (* ? [ ])');
  }
  return path;
}
