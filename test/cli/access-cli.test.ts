import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

describe('lakehouse access', () => {
  it('grants, masks and filters from the command line, and they govern queries', async () => {
    const temp = tempDir('cli-access');
    const env = {
      LAKEHOUSE_DATA_DIR: path.join(temp.dir, 'data'),
      LAKEHOUSE_ADMIN_KEY: 'cli-admin-key-0123456789',
    };
    const file = path.join(temp.dir, 'staff.csv');
    writeFileSync(file, 'id,email,state\n1,ann@example.com,CO\n2,bo@example.com,TX\n');
    expect((await runCli(['ingest', file, '--dataset', 'staff', '--no-progress'], env)).code).toBe(
      0,
    );
    expect(
      (
        await runCli(
          ['access', 'grant', '--role', 'agent', '--dataset', 'staff', '--privilege', 'read'],
          env,
        )
      ).code,
    ).toBe(0);
    const mask = await runCli(
      [
        'access',
        'mask',
        '--role',
        'agent',
        '--dataset',
        'staff',
        '--column',
        'email',
        '--kind',
        'null',
      ],
      env,
    );
    expect(mask.code, mask.stderr).toBe(0);
    const filter = await runCli(
      ['access', 'filter', '--role', 'agent', '--dataset', 'staff', '--predicate', "state = 'CO'"],
      env,
    );
    expect(filter.code, filter.stderr).toBe(0);
    const grants = await runCli(['access', 'grants'], env);
    expect(grants.stdout).toMatch(/agent\s+read\s+dataset\s+staff/);
    const bad = await runCli(
      [
        'access',
        'filter',
        '--role',
        'agent',
        '--dataset',
        'staff',
        '--predicate',
        'id IN (SELECT 1)',
      ],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid_predicate');
    const rule = await runCli(
      [
        'access',
        'rule-add',
        JSON.stringify({
          name: 'freeze',
          task_class: 'query',
          condition: { always: true },
          action: 'warn',
          message: 'm',
        }),
      ],
      env,
    );
    expect(rule.code, rule.stderr).toBe(0);
    expect((await runCli(['access', 'rules'], env)).stdout).toContain('freeze');
    expect(
      (
        await runCli(
          ['access', 'unmask', '--role', 'agent', '--dataset', 'staff', '--column', 'email'],
          env,
        )
      ).code,
    ).toBe(0);
    const principal = await runCli(
      ['access', 'principal-create', '--name', 'bot', '--kind', 'agent', '--roles', 'agent'],
      env,
    );
    expect(principal.stdout).toMatch(/created principal/);
    expect((await runCli(['access', 'principals'], env)).stdout).toContain('bot');
    temp.remove();
  }, 60_000);
});
