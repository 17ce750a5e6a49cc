/** One immutable record of a change. `actor` is the authenticated principal's id. */
export interface JournalEvent {
  readonly id: string;
  readonly ts: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly field: string | null;
  readonly action: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly actor: string;
  readonly source: string;
  readonly workspace: string;
  readonly requestId: string | null;
}

/** What a service says about its change; the journal adds id, time, actor and source. */
export interface JournalEntry {
  readonly entityType: string;
  readonly entityId: string;
  readonly action: string;
  readonly field?: string;
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly workspace?: string;
}

export interface JournalStats {
  readonly total: number;
  readonly firstTs: string | null;
  readonly lastTs: string | null;
  readonly byEntityType: Record<string, number>;
  readonly byAction: Record<string, number>;
}
