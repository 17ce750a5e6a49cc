import type { Generated } from 'kysely';

/**
 * Row types of the metastore tables. Portable across SQLite and PostgreSQL:
 * times are ISO-8601 UTC text of fixed width (so text order is time order),
 * JSON is text, booleans are 0/1 integers.
 */
export interface PrincipalsTable {
  id: string;
  name: string;
  kind: string;
  roles: string;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  principal_id: string;
  name: string;
  key_hash: string;
  key_hint: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

export interface BucketsTable {
  name: string;
  backend: string;
  protected: number;
  created_at: string;
  created_by: string;
}

export interface JournalEventsTable {
  seq: Generated<number>;
  id: string;
  ts: string;
  entity_type: string;
  entity_id: string;
  field: string | null;
  action: string;
  old_value: string | null;
  new_value: string | null;
  actor: string;
  source: string;
  workspace: string;
  request_id: string | null;
}

export interface MetastoreSchema {
  principals: PrincipalsTable;
  api_keys: ApiKeysTable;
  buckets: BucketsTable;
  journal_events: JournalEventsTable;
}
