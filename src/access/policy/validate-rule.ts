import { isRuleAction, RULE_ACTIONS } from './action-strength.js';
import {
  describeType,
  expectMembers,
  expectRecord,
  expectString,
  invalidRule,
} from './json-input.js';
import { ANY_TASK_CLASS, type PolicyRule } from './types.js';
import { validateCondition } from './validate-condition.js';

/** Evaluated between the explicit priorities an operator is likely to pick (0–99 runs first). */
export const DEFAULT_PRIORITY = 100;
const TASK_CLASS = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const MAX_TASK_CLASS_LENGTH = 64;
/** A name is one line of text; messages may span lines. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Strictly parses an untrusted JSON rule with snake_case members
 * `{ name, task_class, priority?, condition, action, message, enabled? }` into a frozen rule
 * without its id (the store assigns that). Errors name the JSON path ("$.condition.any[0]").
 */
export function validateRule(input: unknown): Omit<PolicyRule, 'id'> {
  const rule = expectRecord(input, '$');
  expectMembers(
    rule,
    '$',
    ['name', 'task_class', 'condition', 'action', 'message'],
    ['priority', 'enabled'],
  );
  return Object.freeze({
    name: parseName(rule.name),
    taskClass: parseTaskClass(rule.task_class),
    priority: parsePriority(rule.priority),
    condition: validateCondition(rule.condition, '$.condition'),
    action: parseAction(rule.action),
    message: parseMessage(rule.message),
    enabled: parseEnabled(rule.enabled),
  });
}

function parseName(value: unknown): string {
  const name = expectString(value, '$.name', { min: 1, max: 200 });
  if (name.trim() === '') throw invalidRule('$.name', 'must not be blank');
  if (CONTROL_CHARACTER.test(name)) throw invalidRule('$.name', 'must be a single line of text');
  return name;
}

function parseMessage(value: unknown): string {
  const message = expectString(value, '$.message', { min: 1, max: 2000 });
  // The message is what a refused caller reads; a blank one explains nothing.
  if (message.trim() === '') throw invalidRule('$.message', 'must not be blank');
  return message;
}

function parseTaskClass(value: unknown): string {
  const taskClass = expectString(value, '$.task_class', { min: 1, max: MAX_TASK_CLASS_LENGTH });
  if (taskClass === ANY_TASK_CLASS || TASK_CLASS.test(taskClass)) return taskClass;
  throw invalidRule('$.task_class', `"${taskClass}" is neither snake_case nor "*"`);
}

function parsePriority(value: unknown): number {
  if (value === undefined) return DEFAULT_PRIORITY;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw invalidRule('$.priority', `expected an integer, got ${describePriority(value)}`);
}

function describePriority(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeType(value);
}

function parseAction(value: unknown): PolicyRule['action'] {
  if (isRuleAction(value)) return value;
  throw invalidRule('$.action', `expected one of ${RULE_ACTIONS.join(', ')}`);
}

function parseEnabled(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  throw invalidRule('$.enabled', `expected a boolean, got ${describeType(value)}`);
}
