import type { IngestFileError } from './ingest-file-error.js';

export interface RuleContext {
  /** The upload's name, quoted for a message: 'people.csv'. */
  readonly name: string;
  /** The format's human name: CSV, JSON, … */
  readonly label: string;
  /** The whole DuckDB message, for facts that sit outside the pattern (the line number). */
  readonly text: string;
}

/** One recognisable DuckDB failure and the client message it becomes. */
export interface ErrorRule {
  readonly pattern: RegExp;
  readonly classify: (match: RegExpExecArray, context: RuleContext) => IngestFileError;
}

export function applyRules(
  rules: readonly ErrorRule[],
  context: RuleContext,
): IngestFileError | undefined {
  for (const rule of rules) {
    const match = rule.pattern.exec(context.text);
    if (match !== null) return rule.classify(match, context);
  }
  return undefined;
}
