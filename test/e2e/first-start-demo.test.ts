import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

describe('first start', () => {
  it('loads the small demo on an empty data directory and prints the URL and admin key', async () => {
    const temp = tempDir('first-start');
    const server = await startServerProcess({ LAKEHOUSE_DATA_DIR: temp.dir, LAKEHOUSE_DEMO: 'on' });
    try {
      const output = server.output();
      const key = /Admin key: (lh_\S+)/.exec(output)?.[1];
      expect(key).toBeDefined();
      expect(output).toMatch(/Open: +http:\/\/127\.0\.0\.1:\d+\/docs/);
      expect(output).toContain('Demo staffing dataset loaded');
      const response = await fetch(`${server.url}/catalog/datasets`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const { datasets } = (await response.json()) as {
        datasets: { name: string; row_count: number }[];
      };
      expect(datasets.map((d) => d.name).sort()).toEqual([
        'candidates',
        'clients',
        'jobs',
        'placements',
        'recruiters',
        'timesheets',
      ]);
      expect(datasets.find((d) => d.name === 'candidates')!.row_count).toBe(5000);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // A restart does not load it again.
    const again = await startServerProcess({ LAKEHOUSE_DATA_DIR: temp.dir, LAKEHOUSE_DEMO: 'on' });
    expect(again.output()).not.toContain('Demo staffing dataset loaded');
    again.child.kill('SIGTERM');
    await again.exited;
    temp.remove();
  }, 60_000);
});

describe('lakehouse ingest', () => {
  it('ingests a local file through the services and reports rows', async () => {
    const temp = tempDir('cli-ingest');
    const file = path.join(temp.dir, 'crew.csv');
    writeFileSync(file, 'id,name,rate\n1,Ann,10.50\n2,Bo,12.00\n');
    const env = {
      LAKEHOUSE_DATA_DIR: path.join(temp.dir, 'data'),
      LAKEHOUSE_ADMIN_KEY: 'cli-admin-key-0123456789',
    };
    const result = await runCli(
      ['ingest', file, '--dataset', 'crew', '--key', 'id', '--no-progress'],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Ingested 2 rows into crew/);
    const refused = await runCli(['ingest', file, '--dataset', 'crew', '--no-progress'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('dataset_exists');
    const generated = await runCli(
      ['demo', 'generate', '--scale', 'small', '--out', path.join(temp.dir, 'demo')],
      env,
    );
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain('candidates: 5,000 rows');
    temp.remove();
  }, 60_000);
});
