import { KIND_PROFILES } from './kind-profile.js';
import type { PiiFinding, PiiKind } from './pii-category.js';

function roundConfidence(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
}

export function piiFinding(
  column: string,
  kind: PiiKind,
  confidence: number,
  reasons: readonly string[],
): PiiFinding {
  const { category, sensitivity } = KIND_PROFILES[kind];
  return {
    column,
    isPii: true,
    category,
    kind,
    sensitivity,
    confidence: roundConfidence(confidence),
    reasons,
  };
}

export function nonPiiFinding(
  column: string,
  confidence: number,
  reasons: readonly string[],
): PiiFinding {
  return {
    column,
    isPii: false,
    category: null,
    kind: null,
    sensitivity: 'internal',
    confidence: roundConfidence(confidence),
    reasons,
  };
}
