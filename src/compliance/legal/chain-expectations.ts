import type { AuditTip } from '../audit/index.js';
import type { Subject, SubjectDataset } from '../subjects/index.js';

/** What is known about a subject before its chain is read. */
export interface ChainEvidence {
  /** Rows stored in the subject's chain. */
  readonly storedRows: number;
  readonly tip: AuditTip | null;
  readonly subject: Subject | undefined;
  readonly datasets: readonly SubjectDataset[];
}

/**
 * Why the chain should hold rows while none is stored: a chain deleted whole (rows and tip, by
 * someone able to drop the triggers) verifies as an empty chain, so its absence is judged
 * against what points to it. Empty when rows are stored or nothing expects any.
 */
export function missingChainReasons(evidence: ChainEvidence): string[] {
  if (evidence.storedRows > 0) return [];
  const reasons: string[] = [];
  if (evidence.tip !== null && evidence.tip.seq > 0)
    reasons.push(`the chain's tip records ${evidence.tip.seq} rows but none is stored`);
  if (evidence.subject?.photo)
    reasons.push(
      `the manifest records a photo uploaded at ${evidence.subject.photo.uploadedAt}, an audited ` +
        'access, but the chain is empty',
    );
  if (evidence.datasets.length > 0) {
    const names = evidence.datasets.map((d) => d.dataset).join(', ');
    // Holding rows is not itself an access; but every read of them is audited, and a subject
    // whose data is held but was never read is rare enough that the legal reader should look.
    reasons.push(
      `the subject has rows in ${names} but the chain is empty: either they were never read ` +
        'or the chain was deleted',
    );
  }
  return reasons;
}
