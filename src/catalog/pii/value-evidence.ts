import type { PiiKind } from './pii-category.js';
import { PII_KINDS } from './pii-category.js';
import type { RecognitionContext, ValueRule } from './value-rules.js';
import { VALUE_RULES } from './value-rules.js';

/** Fewer matching values than this is anecdote, whatever the share. */
export const MIN_MATCHING_VALUES = 3;

export interface ValueEvidence {
  readonly kind: PiiKind;
  readonly rule: ValueRule;
  readonly matched: number;
  readonly sampled: number;
  readonly share: number;
  /** The share and count reach the kind's rule. */
  readonly convincing: boolean;
}

/**
 * Counts the texts `rule` accepts. With `giveUp`, stops as soon as the rule's share is out of
 * reach and returns undefined: most columns fail most rules within their first few values,
 * which keeps 50 columns × 1,000 values in a few milliseconds.
 */
function countMatches(
  texts: readonly string[],
  rule: ValueRule,
  context: RecognitionContext,
  giveUp: boolean,
): number | undefined {
  const needed = Math.max(MIN_MATCHING_VALUES, Math.ceil(rule.minShare * texts.length));
  const allowedMisses = texts.length - needed;
  let misses = 0;
  for (const text of texts) {
    if (rule.recognise(text, context)) continue;
    misses += 1;
    if (giveUp && misses > allowedMisses) return undefined;
  }
  return texts.length - misses;
}

function evidenceFrom(
  kind: PiiKind,
  rule: ValueRule,
  matched: number,
  sampled: number,
): ValueEvidence {
  const share = sampled === 0 ? 0 : matched / sampled;
  const convincing = matched >= MIN_MATCHING_VALUES && share >= rule.minShare;
  return { kind, rule, matched, sampled, share, convincing };
}

/** How well the values fit `kind`, counted in full; undefined when the kind has no value rule. */
export function measureKind(
  kind: PiiKind,
  texts: readonly string[],
  context: RecognitionContext,
): ValueEvidence | undefined {
  const rule = VALUE_RULES[kind];
  if (!rule || texts.length === 0) return undefined;
  const matched = countMatches(texts, rule, context, false)!;
  return evidenceFrom(kind, rule, matched, texts.length);
}

/** The kind the values alone make the strongest convincing case for, among candidate kinds. */
export function strongestValueEvidence(
  texts: readonly string[],
  context: RecognitionContext,
  isCandidate: (kind: PiiKind) => boolean,
): ValueEvidence | undefined {
  let strongest: ValueEvidence | undefined;
  for (const kind of PII_KINDS) {
    const rule = VALUE_RULES[kind];
    if (!rule?.standsAlone || !isCandidate(kind)) continue;
    const matched = countMatches(texts, rule, context, true);
    if (matched === undefined) continue;
    const evidence = evidenceFrom(kind, rule, matched, texts.length);
    if (evidence.convincing && (!strongest || evidence.share > strongest.share))
      strongest = evidence;
  }
  return strongest;
}

/** "97% of sampled values (970/1000) look like e-mail addresses". */
export function describeEvidence(evidence: ValueEvidence): string {
  const percent = Math.round(evidence.share * 100);
  const counts = `${evidence.matched}/${evidence.sampled}`;
  return `${percent}% of sampled values (${counts}) ${evidence.rule.evidence}`;
}

/**
 * Confidence of a verdict drawn from values alone: the rule's cap when every value matches,
 * falling linearly to just over half of it as the share falls towards zero.
 */
export function confidenceFromValues(evidence: ValueEvidence): number {
  return evidence.rule.maxConfidence * (0.55 + 0.45 * evidence.share);
}
