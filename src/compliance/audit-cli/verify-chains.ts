import type { Metastore } from '../../metastore/index.js';
import type { AuditChainService, AuditVerification } from '../audit/index.js';
import { selectAuditedSubjects } from './audited-subjects.js';

export interface VerifyChainsOptions {
  /** One subject; when absent, every subject with a chain. */
  readonly subjectId?: string;
  readonly signal?: AbortSignal;
  /** Called with each result as it comes, so long runs print as they go. */
  readonly onResult?: (result: AuditVerification) => void;
}

export interface VerifyChainsSummary {
  readonly subjects: number;
  readonly intact: number;
  readonly broken: readonly AuditVerification[];
}

/**
 * Verifies chains one subject at a time, never stopping at a broken one: the outcome of each
 * goes to `onResult`, and the summary lists every broken chain.
 */
export async function verifyChains(
  audit: AuditChainService,
  metastore: Metastore,
  options: VerifyChainsOptions = {},
): Promise<VerifyChainsSummary> {
  const subjectIds =
    options.subjectId !== undefined
      ? [options.subjectId]
      : await selectAuditedSubjects(metastore.db);
  const broken: AuditVerification[] = [];
  for (const subjectId of subjectIds) {
    const result = await audit.verify(subjectId, { signal: options.signal });
    if (!result.ok) broken.push(result);
    options.onResult?.(result);
  }
  return { subjects: subjectIds.length, intact: subjectIds.length - broken.length, broken };
}

/** One line about a chain: `ok <id> (<n> rows)`, or `BROKEN <id>: row <r> (seq <s>) <reason>: <message>`. */
export function describeVerification(result: AuditVerification): string {
  if (result.ok) return `ok      ${result.subjectId} (${rows(result.rows)})`;
  const { row, seq, reason, message } = result.fault;
  return (
    `BROKEN  ${result.subjectId}: row ${row} (seq ${seq ?? 'missing'}) ${reason}: ${message}` +
    ` [${rows(result.rows)} intact before it]`
  );
}

function rows(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}
