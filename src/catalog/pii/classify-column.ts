import { typeCanHold, typeFamilyOf } from './column-type.js';
import { nonPiiFinding, piiFinding } from './finding.js';
import { isAtLeastAsSensitive, KIND_PROFILES } from './kind-profile.js';
import type { NameMatch } from './name-rules.js';
import { matchColumnName } from './name-rules.js';
import type { ColumnSample, PiiFinding, PiiKind } from './pii-category.js';
import { sampleTexts } from './sample-texts.js';
import type { ValueEvidence } from './value-evidence.js';
import {
  MIN_MATCHING_VALUES,
  confidenceFromValues,
  describeEvidence,
  measureKind,
  strongestValueEvidence,
} from './value-evidence.js';
import type { RecognitionContext } from './value-rules.js';

/** Values overrule a column name only when nearly all of them are another kind… */
const OVERRULING_SHARE = 0.9;
/** …and almost none fit the kind the name announced. */
const MISFIT_SHARE = 0.1;
/** Name and values agreeing is stronger evidence than either. */
const AGREEMENT_BONUS = 0.1;
const MAX_CONFIDENCE = 0.99;
const NOTHING_FOUND_CONFIDENCE = 0.9;
const NOTHING_TO_EXAMINE_CONFIDENCE = 0.75;

const labelOf = (kind: PiiKind) => KIND_PROFILES[kind].label;

/**
 * Values may sharpen the kind a name announced (an `contact_address` full of e-mails is
 * `email`) but never unflag the column, nor move it to a less protected kind.
 */
function valuesOverruleName(
  named: PiiKind,
  own: ValueEvidence | undefined,
  fromValues: ValueEvidence,
): boolean {
  return (
    fromValues.kind !== named &&
    fromValues.share >= OVERRULING_SHARE &&
    (own === undefined || own.share < MISFIT_SHARE) &&
    isAtLeastAsSensitive(fromValues.kind, named)
  );
}

function classifyByName(
  column: string,
  name: NameMatch,
  texts: readonly string[],
  context: RecognitionContext,
  /** Deferred: only needed when the values do not simply confirm the name. */
  strongestFromValues: () => ValueEvidence | undefined,
): PiiFinding {
  const nameReason = `column name matches ${labelOf(name.kind)} ("${name.phrase}")`;
  const own = measureKind(name.kind, texts, context);
  if (own?.convincing) {
    const confidence = Math.min(MAX_CONFIDENCE, name.confidence + AGREEMENT_BONUS);
    return piiFinding(column, name.kind, confidence, [nameReason, describeEvidence(own)]);
  }
  const fromValues = strongestFromValues();
  if (fromValues && valuesOverruleName(name.kind, own, fromValues)) {
    const overruled = `values overrule the column name: classified as ${labelOf(fromValues.kind)}`;
    const reasons = [nameReason, describeEvidence(fromValues), overruled];
    return piiFinding(column, fromValues.kind, confidenceFromValues(fromValues), reasons);
  }
  const unconfirmed =
    own && own.sampled >= MIN_MATCHING_VALUES
      ? [`only ${describeEvidence(own)}; the column name decides`]
      : [];
  return piiFinding(column, name.kind, name.confidence, [nameReason, ...unconfirmed]);
}

function typeVetoReason(name: NameMatch, type: string): string {
  return `column name suggests ${labelOf(name.kind)} ("${name.phrase}") but a ${type} column cannot hold one`;
}

function nothingFoundReason(sampled: number): string {
  return sampled > 0
    ? `no PII recogniser matched the ${sampled} sampled text values`
    : 'no text values to examine';
}

export function classifyColumn(column: ColumnSample, context: RecognitionContext): PiiFinding {
  const family = typeFamilyOf(column.type);
  const texts = sampleTexts(column.values);
  const name = matchColumnName(column.name);
  const strongestFromValues = () =>
    strongestValueEvidence(texts, context, (kind) => typeCanHold(kind, family));
  if (name && typeCanHold(name.kind, family)) {
    return classifyByName(column.name, name, texts, context, strongestFromValues);
  }
  const fromValues = strongestFromValues();
  const nameReason = name
    ? typeVetoReason(name, column.type)
    : 'no PII indicator in the column name';
  if (fromValues) {
    const reasons = [nameReason, describeEvidence(fromValues)];
    return piiFinding(column.name, fromValues.kind, confidenceFromValues(fromValues), reasons);
  }
  const confidence =
    texts.length >= MIN_MATCHING_VALUES ? NOTHING_FOUND_CONFIDENCE : NOTHING_TO_EXAMINE_CONFIDENCE;
  return nonPiiFinding(column.name, confidence, [nameReason, nothingFoundReason(texts.length)]);
}
