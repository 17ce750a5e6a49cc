import { resolvePath } from './path.js';
import type { Condition } from './types.js';
import { asNumber, containsAny, deepEqual, isEmptyValue, isOneOf } from './values.js';

/**
 * Whether `condition` holds for `context`. Total: a missing path or a value of the wrong type
 * makes a leaf false rather than throwing, so one odd request cannot break evaluation.
 * `all([])` is true and `any([])` false, as in logic; validation refuses both anyway.
 */
export function evaluateCondition(condition: Condition, context: unknown): boolean {
  if ('always' in condition) return true;
  if ('not' in condition) return !evaluateCondition(condition.not, context);
  if ('all' in condition) return condition.all.every((child) => evaluateCondition(child, context));
  if ('any' in condition) return condition.any.some((child) => evaluateCondition(child, context));
  if ('equals' in condition) {
    return deepEqual(resolvePath(context, condition.equals.path), condition.equals.value);
  }
  if ('empty' in condition) return isEmptyValue(resolvePath(context, condition.empty.path));
  if ('greater' in condition) {
    const actual = asNumber(resolvePath(context, condition.greater.path));
    return actual !== undefined && actual > condition.greater.value;
  }
  if ('one_of' in condition) {
    return isOneOf(resolvePath(context, condition.one_of.path), condition.one_of.values);
  }
  return containsAny(
    resolvePath(context, condition.contains_any.path),
    condition.contains_any.values,
  );
}
