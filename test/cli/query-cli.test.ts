import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

describe('lakehouse query', () => {
  it('prints results as a table, CSV and JSON, and refuses non-queries', async () => {
    const temp = tempDir('cli-query');
    const env = {
      LAKEHOUSE_DATA_DIR: path.join(temp.dir, 'data'),
      LAKEHOUSE_ADMIN_KEY: 'cli-admin-key-0123456789',
    };
    const file = path.join(temp.dir, 'crew.csv');
    writeFileSync(file, 'id,name\n1,Ann\n2,Bo\n');
    expect((await runCli(['ingest', file, '--dataset', 'crew', '--no-progress'], env)).code).toBe(
      0,
    );

    const table = await runCli(['query', 'SELECT id, name FROM crew ORDER BY id'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/id\s+name/);
    expect(table.stdout).toContain('Ann');
    expect(table.stdout).toContain('(2 rows');
    const csv = await runCli(
      ['query', 'SELECT id, name FROM crew ORDER BY id', '--format', 'csv'],
      env,
    );
    expect(csv.stdout.split(/\r?\n/).slice(0, 3)).toEqual(['id,name', '1,Ann', '2,Bo']);
    const json = JSON.parse(
      (await runCli(['query', 'SELECT count(*) AS n FROM crew', '--format', 'json'], env)).stdout,
    );
    expect(json.rows).toEqual([['2']]);
    const refused = await runCli(['query', 'DROP TABLE crew'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('query_refused');
    temp.remove();
  }, 60_000);
});
