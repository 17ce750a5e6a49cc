import type { RequestContext } from '../core/index.js';
import type { ReadAudit } from '../query/index.js';
import type { AuditChainService } from './audit/index.js';

/** The query engine's audit of person data: one audit row per subject in a result. */
export class SubjectReadAudit implements ReadAudit {
  readonly #audit: AuditChainService;

  constructor(audit: AuditChainService) {
    this.#audit = audit;
  }

  async record(
    ctx: RequestContext,
    subjectIds: readonly string[],
    fields: readonly string[],
  ): Promise<void> {
    if (subjectIds.length === 0) return;
    const accessor = {
      principal: ctx.principal.id,
      kind: ctx.principal.kind,
      purpose: ctx.purpose ?? 'unspecified',
      traceId: ctx.requestId,
    };
    await this.#audit.appendMany(
      subjectIds.map((subjectId) => ({
        subjectId,
        entry: { accessor, fieldsAccessed: fields, result: 'success' as const },
      })),
    );
  }
}
