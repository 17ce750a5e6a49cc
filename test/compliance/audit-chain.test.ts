import path from 'node:path';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';
import { runAuditChainContract } from './audit-chain.contract.js';

runAuditChainContract('SQLite', async () => {
  const temp = tempDir('audit');
  return {
    url: `sqlite:${path.join(temp.dir, 'metastore.sqlite')}`,
    dispose: async () => temp.remove(),
  };
});

runAuditChainContract('PostgreSQL', async () => {
  if (!(await postgresAvailable())) return null;
  const db = await createTestDatabase('audit');
  return { url: db.url, dispose: () => db.drop() };
});
