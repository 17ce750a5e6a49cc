import type { AiViewService, CatalogService } from '../catalog/index.js';
import type { RequestContext } from '../core/index.js';
import type { ReadAudit } from '../query/index.js';
import type { AuditChainService } from './audit/index.js';

/**
 * The query engine's audit of person data: which of the datasets (or AI-safe views over them)
 * a query read are subject-keyed, and one audit row per subject in a result.
 */
export class SubjectReadAudit implements ReadAudit {
  readonly #catalog: CatalogService;
  readonly #views: AiViewService;
  readonly #audit: AuditChainService;

  constructor(catalog: CatalogService, views: AiViewService, audit: AuditChainService) {
    this.#catalog = catalog;
    this.#views = views;
    this.#audit = audit;
  }

  async subjectKeys(tables: readonly string[]): Promise<Set<string>> {
    const keys = new Set<string>();
    const views = tables.length === 0 ? [] : await this.#views.all();
    for (const table of tables) {
      const base = views.find((v) => v.name === table)?.dataset ?? table;
      const column = (await this.#catalog.find(base))?.subjectKeyColumn;
      if (column) keys.add(column.toLowerCase());
    }
    return keys;
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
