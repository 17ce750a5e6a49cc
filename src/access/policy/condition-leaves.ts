import { FORBIDDEN_SEGMENTS, isDotPath, MAX_PATH_LENGTH } from './path.js';
import {
  describeType,
  expectArray,
  expectMembers,
  expectRecord,
  expectString,
  indexPath,
  invalidRule,
} from './json-input.js';

/** Parsers for the members of leaf conditions (equals, empty, greater, contains_any). */

export const MAX_NEEDLES = 100;
export const MAX_NEEDLE_LENGTH = 200;

export function leafBody(
  body: unknown,
  at: string,
  members: readonly string[],
): Record<string, unknown> {
  const record = expectRecord(body, at);
  expectMembers(record, at, members);
  return record;
}

export function parsePath(value: unknown, at: string): string {
  const path = expectString(value, at, { min: 1, max: MAX_PATH_LENGTH });
  if (!isDotPath(path)) {
    throw invalidRule(at, `"${path}" is not a dot-path of letters, digits and underscores`);
  }
  const forbidden = path.split('.').find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) throw invalidRule(at, `the segment "${forbidden}" is not allowed`);
  return path;
}

export function finiteNumber(value: unknown, at: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw invalidRule(at, `expected a finite number, got ${describeType(value)}`);
}

export function parseNeedles(value: unknown, at: string): readonly string[] {
  const items = expectArray(value, at, { min: 1, max: MAX_NEEDLES });
  // An empty needle would match every string, which is never what a rule author meant.
  const needles = Array.from(items, (item, i) =>
    expectString(item, indexPath(at, i), { min: 1, max: MAX_NEEDLE_LENGTH }),
  );
  return Object.freeze(needles);
}
