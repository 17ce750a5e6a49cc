import { strongerAction } from './action-strength.js';
import { evaluateCondition } from './evaluate-condition.js';
import {
  ANY_TASK_CLASS,
  type MatchedRule,
  type PolicyDecision,
  type PolicyRule,
  type RuleAction,
} from './types.js';

/**
 * Evaluates every enabled rule for `taskClass` (or '*') against `context` and collects all
 * matches, so the caller sees every warning and the audit trail sees every rule that fired,
 * not just the one that decided.
 */
export function evaluatePolicy(
  rules: readonly PolicyRule[],
  taskClass: string,
  context: unknown,
): PolicyDecision {
  const matched: MatchedRule[] = applicableRules(rules, taskClass)
    .filter((rule) => evaluateCondition(rule.condition, context))
    .map(({ id, name, action, message }) => ({ id, name, action, message }));
  return {
    action: matched.reduce<RuleAction>(
      (strongest, m) => strongerAction(strongest, m.action),
      'allow',
    ),
    matched,
    warnings: matched.filter((m) => m.action === 'warn').map((m) => m.message),
    redact: matched.some((m) => m.action === 'redact'),
  };
}

function applicableRules(rules: readonly PolicyRule[], taskClass: string): PolicyRule[] {
  return rules.filter((rule) => rule.enabled && appliesTo(rule, taskClass)).sort(byPriorityThenId);
}

function appliesTo(rule: PolicyRule, taskClass: string): boolean {
  return rule.taskClass === ANY_TASK_CLASS || rule.taskClass === taskClass;
}

/** Code-unit order for ids (not localeCompare) so the order is the same on every server. */
function byPriorityThenId(a: PolicyRule, b: PolicyRule): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
