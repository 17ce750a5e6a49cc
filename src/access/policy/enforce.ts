import { AppError, type ErrorCode } from '../../core/errors.js';
import type { PolicyDecision, RuleAction } from './types.js';

/** The actions that stop a task, and the error each one raises; the rest let it through. */
const STOPPING_CODES: Readonly<Record<RuleAction, ErrorCode | undefined>> = {
  allow: undefined,
  warn: undefined,
  redact: undefined,
  reject: 'policy_rejected',
  block: 'policy_blocked',
};

/**
 * Throws when the decision stops the task: 'policy_blocked' for block, 'policy_rejected' for
 * reject (both 403), with the message of the first rule (in evaluation order) that chose the
 * deciding action. Warn and redact are the caller's to apply, so they pass.
 */
export function enforce(decision: PolicyDecision): void {
  const code = STOPPING_CODES[decision.action];
  if (code === undefined) return;
  const rule = decision.matched.find((m) => m.action === decision.action);
  throw new AppError(code, rule?.message ?? `the task was stopped by policy (${decision.action})`, {
    details: { rule_id: rule?.id, rule_name: rule?.name, action: decision.action },
  });
}
