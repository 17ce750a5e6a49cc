import { describe, expect, it } from 'vitest';
import { runCli } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

describe('lakehouse keys', () => {
  it('creates, lists and revokes keys on the local data directory', async () => {
    const temp = tempDir('cli');
    const env = { LAKEHOUSE_DATA_DIR: temp.dir, LAKEHOUSE_ADMIN_KEY: 'cli-admin-key-0123456789' };
    const created = await runCli(
      [
        'keys',
        'create',
        '--name',
        'nightly etl',
        '--roles',
        'engineer',
        '--expires-in',
        '7d',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({
      name: 'nightly etl',
      status: 'active',
      principal: { roles: ['engineer'] },
    });
    expect(key.key).toMatch(/^lh_/);

    const listed = await runCli(['keys', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('nightly etl');
    expect(listed.stdout).toContain('bootstrap admin');
    expect(listed.stdout).not.toContain(key.key);

    const revoked = await runCli(['keys', 'revoke', key.id], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('revoked');

    const missing = await runCli(['keys', 'revoke', 'no-such-id'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('key_not_found');
    temp.remove();
  });
});
