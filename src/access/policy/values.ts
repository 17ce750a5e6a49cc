/** Value semantics shared by the condition operators; all total (never throw) over any input. */

/** A JSON-style object: a plain record, not an array, Date, Map or class instance. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Own enumerable keys whose value is defined: JSON drops undefined members, and so do we. */
function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

/**
 * Structural equality of JSON-like values: primitives by ===, arrays element-wise, plain
 * records by their defined keys. Anything else (Date, Map, functions) only equals itself.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainRecord(a) && isPlainRecord(b)) {
    const keys = definedKeys(a);
    return (
      keys.length === definedKeys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
    );
  }
  return false;
}

/** Missing, null, '', [] or {} (a plain record with no defined members). Whitespace is content. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainRecord(value) && definedKeys(value).length === 0;
}

/** Decimal notation only: no hex, no "Infinity", and not "" (which Number() would call 0). */
const NUMERIC_TEXT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * A finite number, or a string that spells one (surrounding whitespace allowed); anything else
 * (booleans, null, arrays, NaN) is not a number, so a comparison against it is simply false.
 */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!NUMERIC_TEXT.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Case-insensitive substring search. A string value matches when it contains any needle; an
 * array value matches when any of its direct string elements does (so an element equal to a
 * needle matches too). Non-string elements and nested arrays or objects are not searched, and
 * numbers are never turned into text.
 */
export function containsAny(value: unknown, needles: readonly string[]): boolean {
  const lowered = needles.map((needle) => needle.toLowerCase());
  const matches = (text: unknown): boolean =>
    typeof text === 'string' && lowered.some((needle) => text.toLowerCase().includes(needle));
  return Array.isArray(value) ? value.some(matches) : matches(value);
}

/**
 * Exact membership: the value (or, for an array, any element) equals one of `values`, case and
 * all. Unlike `contains_any`, the role "superadmin" is not one of ["admin"].
 */
export function isOneOf(value: unknown, values: readonly string[]): boolean {
  const matches = (item: unknown): boolean => typeof item === 'string' && values.includes(item);
  return Array.isArray(value) ? value.some(matches) : matches(value);
}
