import path from 'node:path';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';
import { runMetastoreContract } from './metastore.contract.js';

runMetastoreContract('SQLite', async () => {
  const temp = tempDir('meta');
  return {
    url: `sqlite:${path.join(temp.dir, 'metastore.sqlite')}`,
    dispose: async () => temp.remove(),
  };
});

runMetastoreContract('PostgreSQL', async () => {
  if (!(await postgresAvailable())) return null;
  const db = await createTestDatabase('meta');
  return { url: db.url, dispose: () => db.drop() };
});
