import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultAuditKeyPath,
  hmacHex,
  loadAuditKey,
  type LoadedAuditKey,
} from '../../src/compliance/audit/index.js';
import { tempDir } from '../support/temp.js';

const HEX_KEY = randomBytes(32).toString('hex');
const TOO_SHORT =
  'LAKEHOUSE_AUDIT_KEY: the audit key must be at least 64 hex digits or ' +
  'base64:<at least 32 bytes in base64>';

/** The same bytes make the same MAC: a loaded key compared without exporting it. */
const macOf = (loaded: LoadedAuditKey) => hmacHex(loaded.key, 'probe');
const macWith = (bytes: Buffer) => createHmac('sha256', bytes).update('probe').digest('hex');

describe('audit key', () => {
  const temps: { remove(): void }[] = [];
  const dataDir = () => {
    const temp = tempDir('audit-key');
    temps.push(temp);
    return temp.dir;
  };
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  it('takes at least 64 hex digits from the environment value', async () => {
    const loaded = await loadAuditKey({ value: ` ${HEX_KEY.toUpperCase()}\n`, dataDir: dataDir() });
    expect(loaded).toMatchObject({ source: 'env' });
    expect(loaded.path).toBeUndefined();
    expect(macOf(loaded)).toBe(macWith(Buffer.from(HEX_KEY, 'hex')));
  });

  it('takes base64: and base64url: forms of at least 32 bytes', async () => {
    const bytes = randomBytes(48);
    for (const text of [bytes.toString('base64'), bytes.toString('base64url')]) {
      const loaded = await loadAuditKey({ value: `base64:${text}`, dataDir: dataDir() });
      expect(macOf(loaded)).toBe(macWith(bytes));
    }
  });

  it('refuses short keys and passphrases without showing them', async () => {
    const refusals: [string, string][] = [
      [HEX_KEY.slice(0, 62), `${TOO_SHORT} (got 31 bytes)`],
      [`base64:${randomBytes(31).toString('base64')}`, `${TOO_SHORT} (got 31 bytes)`],
      [`${HEX_KEY}0`, `${TOO_SHORT} (got neither form)`],
      [
        'correct horse battery staple, but much longer than 64 characters',
        `${TOO_SHORT} (got neither form)`,
      ],
      ['base64:not*base64*at*all', `${TOO_SHORT} (got neither form)`],
    ];
    for (const [value, message] of refusals) {
      const failure = loadAuditKey({ value, dataDir: dataDir() });
      await expect(failure).rejects.toMatchObject({ name: 'ConfigError', message });
    }
  });

  it('refuses both settings at once', async () => {
    const failure = loadAuditKey({ value: HEX_KEY, file: '/nowhere', dataDir: dataDir() });
    await expect(failure).rejects.toMatchObject({
      message: 'LAKEHOUSE_AUDIT_KEY: set LAKEHOUSE_AUDIT_KEY or LAKEHOUSE_AUDIT_KEY_FILE, not both',
    });
  });

  it('reads a key file, and warns when others may read it', async () => {
    const file = path.join(dataDir(), 'audit.key');
    writeFileSync(file, `${HEX_KEY}\n`, { mode: 0o600 });
    const loaded = await loadAuditKey({ file, dataDir: dataDir() });
    expect(loaded).toMatchObject({ source: 'file', path: file });
    expect(loaded.warning).toBeUndefined();
    expect(macOf(loaded)).toBe(macWith(Buffer.from(HEX_KEY, 'hex')));
    chmodSync(file, 0o644);
    expect((await loadAuditKey({ file, dataDir: dataDir() })).warning).toBe(
      `audit key file ${file} is readable by others (mode 644); chmod 600 it`,
    );
  });

  it('names the setting when the key file cannot be read', async () => {
    const file = path.join(dataDir(), 'missing.key');
    const failure = loadAuditKey({ file, dataDir: dataDir() });
    await expect(failure).rejects.toMatchObject({
      message: `LAKEHOUSE_AUDIT_KEY_FILE: cannot read the audit key file ${file}`,
      cause: expect.objectContaining({ code: 'ENOENT' }),
    });
  });

  it('generates a key owner-only into the data dir once, then reads it back', async () => {
    const dir = dataDir();
    const file = defaultAuditKeyPath(dir);
    const generated = await loadAuditKey({ dataDir: dir });
    expect(generated).toMatchObject({ source: 'generated', path: file });
    expect(file).toBe(path.join(dir, 'secrets', 'audit.key'));
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = await loadAuditKey({ dataDir: dir });
    expect(again).toMatchObject({ source: 'file', path: file });
    expect(macOf(again)).toBe(macOf(generated));
  });

  it('agrees on one key when several loaders race (link never overwrites)', async () => {
    const dir = dataDir();
    const loads = await Promise.all(
      Array.from({ length: 8 }, () => loadAuditKey({ dataDir: dir })),
    );
    expect(loads.filter((l) => l.source === 'generated')).toHaveLength(1);
    expect(new Set(loads.map(macOf)).size).toBe(1);
    expect(readdirSync(path.join(dir, 'secrets'))).toEqual(['audit.key']);
  });

  it('never shows the key bytes when logged', async () => {
    const loaded = await loadAuditKey({ value: HEX_KEY, dataDir: dataDir() });
    expect(inspect(loaded, { depth: 5 })).not.toContain(HEX_KEY);
    expect(JSON.stringify(loaded)).not.toContain(HEX_KEY);
  });
});
