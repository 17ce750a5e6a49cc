import { AppError } from '../../core/errors.js';
import { isPlainRecord } from './values.js';

/**
 * Helpers for strict parsing of untrusted JSON. Every failure names the JSON path of the
 * offending value ("$.condition.all[2].equals.path") so an operator can find it in a big rule.
 */

export function invalidRule(at: string, problem: string): AppError {
  return new AppError('invalid_rule', `${at}: ${problem}`, { details: { path: at } });
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function memberPath(at: string, key: string): string {
  return IDENTIFIER.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`;
}

export function indexPath(at: string, index: number): string {
  return `${at}[${index}]`;
}

export function describeType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function expectRecord(value: unknown, at: string): Record<string, unknown> {
  if (isPlainRecord(value)) return value;
  throw invalidRule(at, `expected an object, got ${describeType(value)}`);
}

/** Refuses unknown members (typos must not silently weaken a rule) and missing required ones. */
export function expectMembers(
  record: Record<string, unknown>,
  at: string,
  required: readonly string[],
  optional: readonly string[] = [],
): void {
  const known = new Set([...required, ...optional]);
  const unknown = Object.keys(record).find((key) => !known.has(key));
  if (unknown !== undefined) {
    const expected = [...known].join(', ');
    throw invalidRule(memberPath(at, unknown), `unknown member; expected only ${expected}`);
  }
  const missing = required.find((key) => record[key] === undefined);
  if (missing !== undefined) throw invalidRule(memberPath(at, missing), 'is required');
}

export function expectString(
  value: unknown,
  at: string,
  length: { readonly min: number; readonly max: number },
): string {
  if (typeof value !== 'string') {
    throw invalidRule(at, `expected a string, got ${describeType(value)}`);
  }
  if (value.length < length.min || value.length > length.max) {
    throw invalidRule(at, `must be ${length.min} to ${length.max} characters long`);
  }
  return value;
}

export function expectArray(
  value: unknown,
  at: string,
  length: { readonly min: number; readonly max: number },
): readonly unknown[] {
  if (!Array.isArray(value)) throw invalidRule(at, `expected an array, got ${describeType(value)}`);
  if (value.length < length.min || value.length > length.max) {
    throw invalidRule(at, `must have ${length.min} to ${length.max} items`);
  }
  return value;
}
