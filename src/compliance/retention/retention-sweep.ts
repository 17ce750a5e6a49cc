import path from 'node:path';
import { ValidationError, requireAnyRole, type RequestContext } from '../../core/index.js';
import type { Metastore } from '../../metastore/index.js';
import { selectSubjectsPastRetention } from '../subjects/index.js';
import { retentionCase, retentionCaseJson, type RetentionCase } from './retention-case.js';
import { writeFileAtomic } from './sweep-report.js';

/** Who may run the sweep. */
export const RETENTION_ROLES = ['admin', 'legal'] as const;

export interface RetentionSweepDeps {
  readonly metastore: Metastore;
  /** Reports go to `<dataDir>/reports/`. */
  readonly dataDir: string;
}

export interface RetentionSweepOptions {
  /** The time the clocks are judged at; default now. A future time forecasts. */
  readonly asOf?: Date;
  /** Write the dated report; without it the sweep is a dry run that writes nothing. */
  readonly apply?: boolean;
}

export interface RetentionSweepResult {
  readonly asOf: string;
  /** The UTC day of `asOf`, which names the report. */
  readonly date: string;
  readonly cases: readonly RetentionCase[];
  readonly counts: {
    readonly subjects: number;
    readonly general: number;
    readonly biometric: number;
  };
  readonly applied: boolean;
  /** The report's path relative to the data directory; null on a dry run. */
  readonly report: string | null;
}

/**
 * Lists the subjects past either retention clock (general personal data, biometric data), not
 * yet erased or expired. It only reports: it never changes a subject or any data. Applied, it
 * writes `reports/retention-sweep-<YYYY-MM-DD>.jsonl`: one line per subject and a summary line,
 * with nothing in it that varies between runs of the same result, so a re-run the same day
 * rewrites the same bytes rather than adding a second report.
 */
export class RetentionSweep {
  readonly #deps: RetentionSweepDeps;

  constructor(deps: RetentionSweepDeps) {
    this.#deps = deps;
  }

  async run(
    ctx: RequestContext,
    options: RetentionSweepOptions = {},
  ): Promise<RetentionSweepResult> {
    requireAnyRole(ctx, RETENTION_ROLES, 'running the retention sweep');
    const asOf = sweepTime(options.asOf ?? ctx.clock.now());
    const subjects = await selectSubjectsPastRetention(this.#deps.metastore.db, asOf);
    const cases = subjects
      .map((s) => retentionCase(s, asOf))
      .filter((c): c is RetentionCase => c !== null);
    const date = asOf.slice(0, 10);
    const counts = {
      subjects: cases.length,
      general: cases.filter((c) => c.clocksPassed.includes('general')).length,
      biometric: cases.filter((c) => c.clocksPassed.includes('biometric')).length,
    };
    const result = { asOf, date, cases, counts, applied: false, report: null };
    if (!options.apply) return result;
    const report = path.posix.join('reports', `retention-sweep-${date}.jsonl`);
    await writeFileAtomic(
      path.join(this.#deps.dataDir, ...report.split('/')),
      reportText(date, cases, counts),
    );
    return { ...result, applied: true, report };
  }
}

function sweepTime(asOf: Date): string {
  if (Number.isNaN(asOf.getTime())) throw new ValidationError('as_of is not a valid time');
  return asOf.toISOString();
}

function reportText(
  date: string,
  cases: readonly RetentionCase[],
  counts: RetentionSweepResult['counts'],
): string {
  const lines = cases.map((c) => JSON.stringify({ type: 'subject', ...retentionCaseJson(c) }));
  lines.push(JSON.stringify({ type: 'summary', date, ...counts }));
  return `${lines.join('\n')}\n`;
}
