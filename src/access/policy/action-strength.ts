import type { RuleAction } from './types.js';

/**
 * How strong each action is when several rules match: the strongest one decides. An exhaustive
 * table (not an ordered array) so adding an action fails to compile until it is ranked here.
 */
export const ACTION_STRENGTH: Readonly<Record<RuleAction, number>> = {
  allow: 0,
  warn: 1,
  redact: 2,
  reject: 3,
  block: 4,
};

export const RULE_ACTIONS = Object.keys(ACTION_STRENGTH) as readonly RuleAction[];

export function isRuleAction(value: unknown): value is RuleAction {
  return typeof value === 'string' && Object.hasOwn(ACTION_STRENGTH, value);
}

export function strongerAction(a: RuleAction, b: RuleAction): RuleAction {
  return ACTION_STRENGTH[b] > ACTION_STRENGTH[a] ? b : a;
}
