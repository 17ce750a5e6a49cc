import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/index.js';
import { tempDir } from '../support/temp.js';

describe('configuration', () => {
  it('has embedded defaults', () => {
    const config = loadConfig({}, { cwd: '/srv/app' });
    expect(config).toMatchObject({
      dataDir: '/srv/app/data',
      port: 3100,
      host: '127.0.0.1',
      adminKey: undefined,
      metastoreUrl: 'sqlite:/srv/app/data/metastore.sqlite',
      demo: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      LAKEHOUSE_DATA_DIR: '/tmp/x',
      LAKEHOUSE_PORT: '3999',
      LAKEHOUSE_HOST: '0.0.0.0',
      LAKEHOUSE_ADMIN_KEY: 'k-0123456789abcdef',
      LAKEHOUSE_METASTORE_URL: 'postgres://u@localhost:5432/meta',
      LAKEHOUSE_DEMO: 'off',
      LAKEHOUSE_MAX_OBJECT_BYTES: '10MB',
    });
    expect(config).toMatchObject({
      dataDir: '/tmp/x',
      port: 3999,
      host: '0.0.0.0',
      adminKey: 'k-0123456789abcdef',
      metastoreUrl: 'postgres://u@localhost:5432/meta',
      demo: false,
      limits: { maxObjectBytes: 10_000_000 },
    });
  });

  it('reads an optional JSON file, with the environment winning', () => {
    const temp = tempDir('config');
    const file = path.join(temp.dir, 'lakehouse.json');
    writeFileSync(
      file,
      JSON.stringify({ port: 4000, host: '::', limits: { maxObjectBytes: '2MiB' } }),
    );
    const config = loadConfig({ LAKEHOUSE_CONFIG: file, LAKEHOUSE_HOST: '127.0.0.2' });
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.2',
      limits: { maxObjectBytes: 2 * 1024 * 1024 },
    });
    temp.remove();
  });

  it.each([
    [{ LAKEHOUSE_PORT: 'abc' }, 'LAKEHOUSE_PORT'],
    [{ LAKEHOUSE_PORT: '70000' }, 'LAKEHOUSE_PORT'],
    [{ LAKEHOUSE_ADMIN_KEY: 'short' }, 'LAKEHOUSE_ADMIN_KEY'],
    [{ LAKEHOUSE_METASTORE_URL: 'mysql://x' }, 'LAKEHOUSE_METASTORE_URL'],
    [{ LAKEHOUSE_LOG_LEVEL: 'loud' }, 'LAKEHOUSE_LOG_LEVEL'],
    [{ LAKEHOUSE_DEMO: 'maybe' }, 'LAKEHOUSE_DEMO'],
    [{ LAKEHOUSE_MAX_OBJECT_BYTES: 'lots' }, 'LAKEHOUSE_MAX_OBJECT_BYTES'],
    [{ LAKEHOUSE_CONFIG: '/no/such/file.json' }, 'LAKEHOUSE_CONFIG'],
  ])('names the setting when %j is invalid', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as ConfigError).message).toContain(setting);
  });
});
