/**
 * Dot-paths into a rule's context: "principal.roles", "request.datasets.0". Segments are
 * [A-Za-z0-9_]+; on an array a segment must be a plain index ("0", "12", not "01" or "length").
 */

const DOT_PATH = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
export const MAX_PATH_LENGTH = 256;

/** Segments that would reach an object's prototype machinery: never followed. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export function isDotPath(path: string): boolean {
  return path.length <= MAX_PATH_LENGTH && DOT_PATH.test(path);
}

/**
 * The value at `path` in `context`, or undefined when any step is missing. Only own data
 * properties are read: inherited members ("toString"), getters (which would run code) and the
 * prototype segments above all resolve to undefined, so a rule can neither observe nor touch
 * Object.prototype. A malformed path resolves to undefined too.
 */
export function resolvePath(context: unknown, path: string): unknown {
  if (!isDotPath(path)) return undefined;
  let current = context;
  for (const segment of path.split('.')) {
    current = step(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

function step(container: unknown, segment: string): unknown {
  if (FORBIDDEN_SEGMENTS.has(segment)) return undefined;
  if (Array.isArray(container)) {
    return ARRAY_INDEX.test(segment) ? ownDataValue(container, segment) : undefined;
  }
  if (typeof container === 'object' && container !== null) {
    return ownDataValue(container, segment);
  }
  return undefined;
}

function ownDataValue(container: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}
