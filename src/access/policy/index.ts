/** Policy rules ("truth rules"): declarative, data-only conditions that allow, warn, redact, reject or block a task. */
export type {
  Condition,
  ConditionOperator,
  MatchedRule,
  PolicyDecision,
  PolicyRule,
  RuleAction,
} from './types.js';
export { ANY_TASK_CLASS } from './types.js';
export { ACTION_STRENGTH, RULE_ACTIONS, strongerAction } from './action-strength.js';
export { resolvePath } from './path.js';
export { evaluateCondition } from './evaluate-condition.js';
export { evaluatePolicy } from './evaluate-policy.js';
export { enforce } from './enforce.js';
export { validateCondition, MAX_CONDITION_DEPTH } from './validate-condition.js';
export { validateRule, DEFAULT_PRIORITY } from './validate-rule.js';
