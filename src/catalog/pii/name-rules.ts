import type { NameRule } from './name-rule-table.js';
import { NAME_RULES } from './name-rule-table.js';
import type { PiiKind } from './pii-category.js';
import { tokenizeColumnName } from './tokenize-column-name.js';

export interface NameMatch {
  readonly kind: PiiKind;
  /** The phrase that matched, for the finding's reasons. */
  readonly phrase: string;
  readonly confidence: number;
}

interface CompiledRule extends NameRule {
  readonly phraseTokens: readonly (readonly string[])[];
}

const COMPILED_RULES: readonly CompiledRule[] = NAME_RULES.map((rule) => ({
  ...rule,
  phraseTokens: rule.phrases.map((phrase) => phrase.split(' ')),
}));

function containsSequence(tokens: readonly string[], sequence: readonly string[]): boolean {
  for (let start = 0; start + sequence.length <= tokens.length; start += 1) {
    if (sequence.every((word, offset) => tokens[start + offset] === word)) return true;
  }
  return false;
}

function phraseMatches(
  rule: CompiledRule,
  tokens: readonly string[],
  phrase: readonly string[],
): boolean {
  const isWholeName = tokens.length === phrase.length;
  return (!rule.wholeNameOnly || isWholeName) && containsSequence(tokens, phrase);
}

function matchRule(rule: CompiledRule, tokens: readonly string[]): NameMatch | undefined {
  if (rule.unless?.some((word) => tokens.includes(word))) return undefined;
  const index = rule.phraseTokens.findIndex((phrase) => phraseMatches(rule, tokens, phrase));
  if (index < 0) return undefined;
  return { kind: rule.kind, phrase: rule.phrases[index]!, confidence: rule.confidence };
}

/** The PII kind a column name announces, if any. */
export function matchColumnName(columnName: string): NameMatch | undefined {
  const tokens = tokenizeColumnName(columnName);
  for (const rule of COMPILED_RULES) {
    const match = matchRule(rule, tokens);
    if (match) return match;
  }
  return undefined;
}
