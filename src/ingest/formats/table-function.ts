import { sqlString } from './sql-literal.js';

/** A named table-function argument whose value is already SQL (a literal, list or struct). */
export type SqlArgument = readonly [name: string, sql: string];

/** `name('path', a=1, b='x')` */
export function tableFunctionCall(
  name: string,
  path: string,
  args: readonly SqlArgument[],
): string {
  const rendered = args.map(([key, value]) => `${key}=${value}`);
  return `${name}(${[sqlString(path), ...rendered].join(', ')})`;
}

export function sqlBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}
