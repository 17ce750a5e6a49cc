import { describeType, indexPath, invalidRule, memberPath } from './json-input.js';
import { isPlainRecord } from './values.js';

/** How deep a literal inside a rule (an `equals` value) may nest. */
export const MAX_VALUE_DEPTH = 32;

/**
 * A frozen copy of a JSON value: null, boolean, finite number, string, array or plain object.
 * Copying (rather than keeping the caller's object) means later changes to the input cannot
 * alter a validated rule; Object.fromEntries defines "__proto__" as an ordinary own key
 * instead of setting the prototype.
 */
export function copyJsonValue(value: unknown, at: string, depth = 1): unknown {
  if (depth > MAX_VALUE_DEPTH) throw invalidRule(at, `nests deeper than ${MAX_VALUE_DEPTH} levels`);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    throw invalidRule(at, 'numbers must be finite');
  }
  if (Array.isArray(value)) {
    // Array.from visits holes (as undefined), so a sparse array is refused, not copied sparse.
    const items = Array.from(value, (item, i) => copyJsonValue(item, indexPath(at, i), depth + 1));
    return Object.freeze(items);
  }
  if (isPlainRecord(value)) {
    const entries = Object.entries(value).map(
      ([key, item]) => [key, copyJsonValue(item, memberPath(at, key), depth + 1)] as const,
    );
    return Object.freeze(Object.fromEntries(entries));
  }
  throw invalidRule(at, `expected a JSON value, got ${describeType(value)}`);
}
