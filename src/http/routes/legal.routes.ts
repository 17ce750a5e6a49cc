import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditVerification } from '../../compliance/audit/index.js';
import {
  LEGAL_TOKEN_HEADER,
  type LegalAccess,
  type LegalAuditReport,
  type LegalAuditService,
} from '../../compliance/legal/index.js';
import { manifestJson } from '../../compliance/subjects/index.js';
import { withoutControlCharacters } from '../../core/index.js';
import { responses } from '../schemas.js';

/** What the legal routes need from the services. */
export interface LegalRouteServices {
  readonly legal: LegalAuditService;
  readonly legalAccess: LegalAccess;
}

/**
 * Route options for a route authenticated by the legal token instead of an API key
 * (docs/adr/0012-legal-token-routes.md): public to the API-key hook, checked by its own
 * onRequest hook, so a caller without the token is refused before the body is read.
 */
export function legalTokenRoute(access: LegalAccess, defaultPurpose: string) {
  return {
    config: { public: true },
    onRequest: async (request: FastifyRequest) => {
      request.ctx = access.authenticate(headerValue(request.headers[LEGAL_TOKEN_HEADER]), {
        source: 'http',
        requestId: request.id,
        purpose: declaredPurpose(request.headers['x-lakehouse-purpose']),
        defaultPurpose,
      });
    },
  };
}

/** The headers a legal-token route documents (the token is not an API key, so `security` is empty). */
export const LegalHeaders = Type.Object({
  'x-lakehouse-legal-token': Type.Optional(
    Type.String({ description: 'The legal token (LAKEHOUSE_LEGAL_TOKEN); required' }),
  ),
  'x-lakehouse-purpose': Type.Optional(Type.String({ description: 'Why; audited' })),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) });
const WindowQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'ISO-8601 time; rows at or after it' })),
  to: Type.Optional(Type.String({ description: 'ISO-8601 time; rows at or before it' })),
});

const Report = Type.Unknown({
  description:
    'subject_id, manifest (null without one), window, rows [{seq, ts, hash, row}], verification ' +
    '(of the whole chain), chain {root, tip}, datasets, safe_views, tampered, tamper_reasons, ' +
    'access (the row this read appended), attestation',
});

/** The legal audit of a subject (legal token, no API key). */
export async function legalRoutes(
  app: FastifyInstance,
  services: LegalRouteServices,
): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>(
    '/audit/subjects/:id',
    {
      ...legalTokenRoute(services.legalAccess, 'legal audit'),
      schema: {
        tags: ['compliance'],
        summary:
          "A subject's legal audit: manifest, audit rows in a time window, verification of the whole chain",
        description:
          'Authenticated by X-Lakehouse-Legal-Token instead of an API key (503 when no legal token is ' +
          'configured). The read is itself appended to the subject chain (principal legal) before the ' +
          'answer; an empty chain that something points to is reported as tampered.',
        security: [],
        headers: LegalHeaders,
        params: IdParams,
        querystring: WindowQuery,
        response: responses({ 200: Report }, 400, 404, 503),
      },
    },
    async (request) =>
      legalReportJson(
        await services.legal.report(request.ctx, request.params.id, {
          from: request.query.from,
          to: request.query.to,
        }),
      ),
  );
}

export function legalReportJson(report: LegalAuditReport) {
  const a = report.attestation;
  return {
    subject_id: report.subjectId,
    manifest: report.manifest && manifestJson(report.manifest),
    window: a.window,
    rows: report.rows.map((r) => ({
      seq: r.seq,
      ts: r.ts,
      hash: r.hash,
      row: r.row,
      ...(r.stored !== undefined && { stored: r.stored }),
    })),
    verification: verificationJson(report.verification),
    chain: {
      root: report.root,
      tip: report.tip && {
        seq: report.tip.seq,
        hash: report.tip.hash,
        updated_at: report.tip.updatedAt,
      },
    },
    datasets: report.datasets.map((d) => ({
      dataset: d.dataset,
      key_column: d.keyColumn,
      rows: d.rows,
    })),
    safe_views: report.safeViews.map((v) => ({
      name: v.name,
      dataset: v.dataset,
      columns: v.columns,
      redacted_columns: Object.keys(v.redactions),
      row_filter: v.rowFilter,
    })),
    tampered: report.tampered,
    tamper_reasons: report.tamperReasons,
    access: { seq: report.access.seq, hash: report.access.hash, ts: report.access.row.ts },
    attestation: {
      rows_in_chain: a.rowsInChain,
      rows_verified: a.rowsVerified,
      rows_in_window: a.rowsInWindow,
      rows_returned: a.rowsReturned,
      truncated: a.truncated,
      window: a.window,
      verified: a.verified,
      tampered: a.tampered,
      complete: a.complete,
      generated_at: a.generatedAt,
    },
  };
}

function verificationJson(v: AuditVerification) {
  return v.ok ? { ok: true, rows: v.rows } : { ok: false, rows: v.rows, fault: v.fault };
}

function headerValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** The declared purpose, kept short and printable for the audit trail (as for API-key routes). */
export function declaredPurpose(header: string | string[] | undefined): string | undefined {
  const value = headerValue(header);
  if (value === undefined) return undefined;
  const cleaned = withoutControlCharacters(value).trim().slice(0, 200);
  return cleaned === '' ? undefined : cleaned;
}
