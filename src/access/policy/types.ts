/**
 * Policy rules ("truth rules"): declarative conditions over a request's context that decide
 * whether a task may proceed. Rules are data (stored as JSON, written by operators), so the
 * condition language is deliberately small and has no way to run code.
 */

/** What a matching rule asks for, from weakest to strongest (see ACTION_STRENGTH). */
export type RuleAction = 'allow' | 'warn' | 'redact' | 'reject' | 'block';

export type Condition =
  | { readonly equals: { readonly path: string; readonly value: unknown } }
  | { readonly empty: { readonly path: string } }
  | { readonly greater: { readonly path: string; readonly value: number } }
  | { readonly contains_any: { readonly path: string; readonly values: readonly string[] } }
  | { readonly one_of: { readonly path: string; readonly values: readonly string[] } }
  | { readonly always: true }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/** Distributes over a union, so each member contributes its own keys. */
type KeysOfEach<T> = T extends unknown ? keyof T : never;

/**
 * Every condition operator ('equals' … 'not'); each condition object has exactly one. Derived
 * from Condition so the parser table keyed by it cannot fall out of step with the type.
 */
export type ConditionOperator = KeysOfEach<Condition>;

export interface PolicyRule {
  readonly id: string;
  readonly name: string;
  /** The kind of task the rule guards ('query', 'tool_call', 'llm_response', …) or '*' for all. */
  readonly taskClass: string;
  /** Lower numbers are evaluated (and reported) first; ties are broken by id. */
  readonly priority: number;
  readonly condition: Condition;
  readonly action: RuleAction;
  readonly message: string;
  readonly enabled: boolean;
}

export interface MatchedRule {
  readonly id: string;
  readonly name: string;
  readonly action: RuleAction;
  readonly message: string;
}

export interface PolicyDecision {
  /** The strongest action among the matched rules; 'allow' when nothing matched. */
  readonly action: RuleAction;
  /** Every matched rule, in evaluation order (priority, then id). */
  readonly matched: readonly MatchedRule[];
  /** The messages of matched 'warn' rules, for the caller to pass on. */
  readonly warnings: readonly string[];
  /** True when any matched rule asked for redaction, whatever the final action. */
  readonly redact: boolean;
}

/** The wildcard task class: a rule with it applies to every task. */
export const ANY_TASK_CLASS = '*';
