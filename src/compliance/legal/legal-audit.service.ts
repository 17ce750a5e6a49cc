import {
  NotFoundError,
  ValidationError,
  requireAnyRole,
  type RequestContext,
} from '../../core/index.js';
import type { AiView, AiViewService } from '../../catalog/index.js';
import type { Metastore } from '../../metastore/index.js';
import type {
  AuditChainService,
  AuditRecord,
  AuditTip,
  AuditVerification,
} from '../audit/index.js';
import {
  validTimestamp,
  validateSubjectId,
  type Subject,
  type SubjectDataset,
  type SubjectService,
} from '../subjects/index.js';
import { missingChainReasons } from './chain-expectations.js';
import {
  countWindowRows,
  selectFirstRow,
  selectWindowRows,
  type LegalAuditRow,
  type TimeWindow,
} from './legal-audit.repository.js';

/** The most rows one report returns; a longer window is reported as truncated. */
export const MAX_LEGAL_AUDIT_ROWS = 10_000;

/** What its own audit row says a legal audit read. */
export const LEGAL_AUDIT_FIELDS = ['manifest', 'audit_chain', 'datasets', 'safe_views'] as const;

const PAGE = 1000;

export interface LegalAuditDeps {
  readonly metastore: Metastore;
  readonly subjects: SubjectService;
  readonly audit: AuditChainService;
  readonly views: AiViewService;
}

/** The time window asked for, as ISO-8601 timestamps (either end may be open). */
export interface LegalAuditWindow {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Says how much of the chain the report holds and whether it is intact. */
export interface CompletenessAttestation {
  readonly rowsInChain: number;
  readonly rowsVerified: number;
  readonly rowsInWindow: number;
  readonly rowsReturned: number;
  readonly truncated: boolean;
  readonly window: TimeWindow;
  readonly verified: boolean;
  readonly tampered: boolean;
  /** Every row of the window is returned, and the whole chain verified with nothing missing. */
  readonly complete: boolean;
  readonly generatedAt: string;
}

export interface LegalAuditReport {
  readonly subjectId: string;
  /** Null when the subject has an audit chain but no manifest (e.g. read before backfill). */
  readonly manifest: Subject | null;
  readonly rows: readonly LegalAuditRow[];
  /** Of the whole chain, including the row recording this report. */
  readonly verification: AuditVerification;
  /** The first row's hash. */
  readonly root: string | null;
  readonly tip: AuditTip | null;
  readonly datasets: readonly SubjectDataset[];
  /** AI-safe views over the datasets holding the subject's rows. */
  readonly safeViews: readonly AiView[];
  readonly tampered: boolean;
  readonly tamperReasons: readonly string[];
  /** The row this report appended to the chain. */
  readonly access: AuditRecord;
  readonly attestation: CompletenessAttestation;
}

/**
 * The legal audit of one subject: manifest, the chain's rows in a time window, verification of
 * the whole chain, where the subject's data is held, and an attestation of completeness. Every
 * report is itself appended to the subject's chain before it is returned.
 */
export class LegalAuditService {
  readonly #deps: LegalAuditDeps;

  constructor(deps: LegalAuditDeps) {
    this.#deps = deps;
  }

  async report(
    ctx: RequestContext,
    subjectId: string,
    asked: LegalAuditWindow = {},
  ): Promise<LegalAuditReport> {
    requireAnyRole(ctx, ['legal', 'admin'], 'reading the legal audit of a subject');
    validateSubjectId(subjectId);
    const window = timeWindow(asked);
    const { audit, subjects } = this.#deps;
    const subject = await subjects.find(subjectId);
    const before = { storedRows: await audit.count(subjectId), tip: await audit.tip(subjectId) };
    // Nothing to report, and no row appended: it would create the chain the 404 denies.
    if (!subject && before.storedRows === 0 && before.tip === null)
      throw new NotFoundError('subject_not_found', `no subject ${subjectId} and no audit chain`);
    const datasets = await subjects.referencingDatasets(ctx, subjectId);
    const held = new Set(datasets.map((d) => d.dataset));
    const safeViews = (await this.#deps.views.all()).filter((v) => held.has(v.dataset));
    const missing = missingChainReasons({ ...before, subject, datasets });
    const access = await this.#audit(ctx, subjectId);
    return this.#read(ctx, {
      subjectId,
      subject: subject ?? null,
      window,
      datasets,
      safeViews,
      missing,
      access,
    });
  }

  async #read(
    ctx: RequestContext,
    found: {
      subjectId: string;
      subject: Subject | null;
      window: TimeWindow;
      datasets: SubjectDataset[];
      safeViews: AiView[];
      missing: string[];
      access: AuditRecord;
    },
  ): Promise<LegalAuditReport> {
    const { subjectId, window } = found;
    const db = this.#deps.metastore.db;
    const verification = await this.#deps.audit.verify(subjectId, { signal: ctx.signal });
    const rows = await this.#windowRows(subjectId, window);
    const rowsInWindow = await countWindowRows(db, subjectId, window);
    const root = (await selectFirstRow(db, subjectId))?.hash ?? null;
    const tip = verification.ok ? verification.tip : await this.#deps.audit.tip(subjectId);
    const tamperReasons = [
      ...found.missing,
      ...(verification.ok ? [] : [`row ${verification.fault.row}: ${verification.fault.message}`]),
    ];
    const tampered = tamperReasons.length > 0;
    const truncated = rows.length < rowsInWindow;
    return {
      subjectId,
      manifest: found.subject,
      rows,
      verification,
      root,
      tip,
      datasets: found.datasets,
      safeViews: found.safeViews,
      tampered,
      tamperReasons,
      access: found.access,
      attestation: {
        rowsInChain: await this.#deps.audit.count(subjectId),
        rowsVerified: verification.rows,
        rowsInWindow,
        rowsReturned: rows.length,
        truncated,
        window,
        verified: verification.ok,
        tampered,
        complete: verification.ok && !tampered && !truncated,
        generatedAt: ctx.clock.now().toISOString(),
      },
    };
  }

  async #windowRows(subjectId: string, window: TimeWindow): Promise<LegalAuditRow[]> {
    const rows: LegalAuditRow[] = [];
    let afterSeq = Number.MIN_SAFE_INTEGER; // rows stored with a seq below 1 are shown too
    while (rows.length < MAX_LEGAL_AUDIT_ROWS) {
      const limit = Math.min(PAGE, MAX_LEGAL_AUDIT_ROWS - rows.length);
      const page = await selectWindowRows(this.#deps.metastore.db, subjectId, window, {
        afterSeq,
        limit,
      });
      rows.push(...page);
      if (page.length < limit) break;
      afterSeq = page[page.length - 1]!.seq;
    }
    return rows;
  }

  /** The report's own row; a failure to write it is a 500 and nothing is returned. */
  #audit(ctx: RequestContext, subjectId: string): Promise<AuditRecord> {
    return this.#deps.audit.append(subjectId, {
      accessor: {
        principal: ctx.principal.id,
        kind: ctx.principal.kind,
        purpose: ctx.purpose ?? 'legal audit',
        traceId: ctx.requestId,
      },
      fieldsAccessed: LEGAL_AUDIT_FIELDS,
      result: 'success',
    });
  }
}

function timeWindow(asked: LegalAuditWindow): TimeWindow {
  const from = asked.from === undefined ? null : validTimestamp(asked.from, 'from');
  const to = asked.to === undefined ? null : validTimestamp(asked.to, 'to');
  if (from !== null && to !== null && from > to)
    throw new ValidationError(`from (${from}) is after to (${to})`);
  return { from, to };
}
