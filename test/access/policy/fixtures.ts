import type { Condition, PolicyRule, RuleAction } from '../../../src/access/policy/index.js';

export const ALWAYS: Condition = { always: true };
export const NEVER: Condition = { not: { always: true } };

/** A rule with sensible defaults; tests override what they are about. */
export function rule(
  id: string,
  action: RuleAction,
  overrides: Partial<PolicyRule> = {},
): PolicyRule {
  return {
    id,
    name: `rule ${id}`,
    taskClass: 'query',
    priority: 100,
    condition: ALWAYS,
    action,
    message: `message from ${id}`,
    enabled: true,
    ...overrides,
  };
}
