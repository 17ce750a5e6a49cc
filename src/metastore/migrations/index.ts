import type { Migration, MigrationProvider } from 'kysely';
import type { MetastoreDialect } from '../dialect.js';
import { foundationMigration } from './001-foundation.js';
import { catalogMigration } from './002-catalog.js';
import { queryLogMigration } from './003-query-log.js';
import { accessMigration } from './004-access.js';
import { policyRulesMigration } from './005-policy-rules.js';
import { aiViewsMigration } from './006-ai-views.js';
import { accessLogMigration } from './007-access-log.js';
import { tombstonesMigration } from './008-tombstones.js';
import { snapshotLifecycleMigration } from './009-snapshot-lifecycle.js';
import { auditChainMigration } from './010-audit-chain.js';
import { subjectsMigration } from './011-subjects.js';
import { sourcesMigration } from './012-sources.js';
import { jobOwnerMigration } from './013-job-owner.js';

/** Every migration, in order. Names sort lexically; never rename or edit a shipped one. */
export function migrationProvider(dialect: MetastoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001-foundation': foundationMigration(dialect),
    '002-catalog': catalogMigration(),
    '003-query-log': queryLogMigration(),
    '004-access': accessMigration(),
    '005-policy-rules': policyRulesMigration(),
    '006-ai-views': aiViewsMigration(),
    '007-access-log': accessLogMigration(),
    '008-tombstones': tombstonesMigration(),
    '009-snapshot-lifecycle': snapshotLifecycleMigration(),
    '010-audit-chain': auditChainMigration(dialect),
    '011-subjects': subjectsMigration(),
    '012-sources': sourcesMigration(),
    '013-job-owner': jobOwnerMigration(),
  };
  return { getMigrations: async () => migrations };
}
