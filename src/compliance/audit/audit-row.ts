/**
 * The audit row: the signed document of one access to one subject's data. Its field names
 * are part of the published format (docs/audit-chain.md), hence snake_case.
 */
export const AUDIT_SCHEMA = 'lakehouse.audit.v1';

/** The `prev_hash` of a chain's first row. */
export const GENESIS = 'GENESIS';

export const AUDIT_RESULTS = ['success', 'not_found', 'denied', 'error'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditAccessor {
  /** The principal id of the caller. */
  readonly principal: string;
  /** The principal's kind: `user`, `agent`, `service`, `system`. */
  readonly kind: string;
  /** Why the data was read, as the caller declared it. */
  readonly purpose: string;
  /** The request id that ties the row to logs and the query log; null when there is none. */
  readonly trace_id: string | null;
}

export interface AuditRow {
  readonly schema: typeof AUDIT_SCHEMA;
  /** ISO-8601 UTC with milliseconds. */
  readonly ts: string;
  readonly subject_id: string;
  readonly accessor: AuditAccessor;
  /** Field names in the order the caller gave them. */
  readonly fields_accessed: readonly string[];
  readonly result: AuditResult;
  /** Hex SHA-256 of the previous row's canonical JSON (with its row_hmac), or GENESIS. */
  readonly prev_hash: string;
  /** Hex HMAC-SHA256 of this row's canonical JSON without `row_hmac`. */
  readonly row_hmac: string;
}

/** What the HMAC covers. */
export type UnsignedAuditRow = Omit<AuditRow, 'row_hmac'>;

/** What a caller says about an access; the chain adds time, subject and links. */
export interface AuditEntry {
  readonly accessor: {
    readonly principal: string;
    readonly kind: string;
    readonly purpose: string;
    readonly traceId?: string | null;
  };
  readonly fieldsAccessed: readonly string[];
  readonly result: AuditResult;
}

/** One stored row and where it sits in its chain. */
export interface AuditRecord {
  /** 1-based position in the subject's chain. */
  readonly seq: number;
  /** Hex SHA-256 of the row's canonical JSON: the next row's prev_hash. */
  readonly hash: string;
  readonly row: AuditRow;
}

export function unsignedRow(
  subjectId: string,
  entry: AuditEntry,
  ts: string,
  prevHash: string,
): UnsignedAuditRow {
  return {
    schema: AUDIT_SCHEMA,
    ts,
    subject_id: subjectId,
    accessor: {
      principal: entry.accessor.principal,
      kind: entry.accessor.kind,
      purpose: entry.accessor.purpose,
      trace_id: entry.accessor.traceId ?? null,
    },
    fields_accessed: [...entry.fieldsAccessed],
    result: entry.result,
    prev_hash: prevHash,
  };
}
