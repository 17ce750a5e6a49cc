import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LEGAL_PRINCIPAL,
  LegalAccess,
  LegalToken,
  loadLegalToken,
} from '../../src/compliance/legal/index.js';
import { ConfigError, fixedClock, loadConfig } from '../../src/core/index.js';
import { tempDir } from '../support/temp.js';

const TOKEN = 'legal-token-0123456789abcdef0123456789';
const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function tokenFile(content: string, mode = 0o600): string {
  const temp = tempDir('legal');
  temps.push(temp);
  const file = path.join(temp.dir, 'legal.token');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('loadLegalToken', () => {
  it('is null when neither setting is given: the legal routes then answer 503', async () => {
    expect(await loadLegalToken({})).toBeNull();
  });

  it('takes the token from the environment, or from a file without its trailing newline', async () => {
    const env = await loadLegalToken({ legalToken: TOKEN });
    expect(env?.source).toBe('env');
    expect(env?.token.matches(TOKEN)).toBe(true);
    const file = tokenFile(`${TOKEN}\n`);
    const loaded = await loadLegalToken({ legalTokenFile: file });
    expect(loaded).toMatchObject({ source: 'file', path: file });
    expect(loaded?.warning).toBeUndefined();
    expect(loaded?.token.matches(TOKEN)).toBe(true);
    expect(loaded?.token.matches(`${TOKEN}x`)).toBe(false);
  });

  it('refuses a token file under 32 bytes at start-up, naming the file and the length only', async () => {
    const file = tokenFile('too-short-token\n');
    const error = await loadLegalToken({ legalTokenFile: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `LAKEHOUSE_LEGAL_TOKEN_FILE (${file}): the legal token must be at least 32 bytes (got 15); ` +
        'generate one with: openssl rand -hex 32',
    );
    expect((error as Error).message).not.toContain('too-short-token');
  });

  it('refuses a short token in the environment when the config is loaded', () => {
    expect(() => loadConfig({ LAKEHOUSE_LEGAL_TOKEN: 'short' })).toThrow(/at least 32 bytes/);
  });

  it('refuses both settings at once, and an unreadable file with its cause', async () => {
    await expect(
      loadLegalToken({ legalToken: TOKEN, legalTokenFile: tokenFile(TOKEN) }),
    ).rejects.toThrow(
      'LAKEHOUSE_LEGAL_TOKEN: set LAKEHOUSE_LEGAL_TOKEN or LAKEHOUSE_LEGAL_TOKEN_FILE, not both',
    );
    const missing = '/nonexistent/legal.token';
    const error = (await loadLegalToken({ legalTokenFile: missing }).catch((e) => e)) as Error;
    expect(error.message).toBe(
      `LAKEHOUSE_LEGAL_TOKEN_FILE: cannot read the legal token file ${missing}`,
    );
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('warns when the token file is readable by others', async () => {
    const loaded = await loadLegalToken({ legalTokenFile: tokenFile(TOKEN, 0o644) });
    expect(loaded?.warning).toMatch(/readable by others \(mode 644\); chmod 600 it$/);
  });

  it('never shows the token when logged or serialized', () => {
    const token = LegalToken.fromText(TOKEN, 'test');
    expect(JSON.stringify({ token })).not.toContain(TOKEN);
    expect(String(Object.keys(token))).toBe('');
  });
});

describe('LegalAccess', () => {
  const request = { source: 'http' as const, requestId: 'req-1', defaultPurpose: 'legal audit' };
  const access = new LegalAccess(LegalToken.fromText(TOKEN, 'test'), fixedClock('2026-01-01'));

  it('answers 503 legal_token_not_configured, saying how to enable it, when no token is configured', () => {
    const off = new LegalAccess(null);
    expect(off.configured).toBe(false);
    expect(() => off.authenticate(TOKEN, request)).toThrow(
      expect.objectContaining({
        code: 'legal_token_not_configured',
        status: 503,
        message:
          'the legal routes are disabled because no legal token is configured: set LAKEHOUSE_LEGAL_TOKEN ' +
          'or LAKEHOUSE_LEGAL_TOKEN_FILE (at least 32 bytes) and restart',
      }),
    );
  });

  it('answers 401 for a missing or wrong token', () => {
    for (const [presented, message] of [
      [undefined, 'missing legal token: send "X-Lakehouse-Legal-Token: <token>"'],
      ['', 'missing legal token: send "X-Lakehouse-Legal-Token: <token>"'],
      ['wrong', 'invalid legal token'],
      [TOKEN.slice(0, -1), 'invalid legal token'],
      [`${TOKEN} `, 'invalid legal token'],
    ] as const) {
      expect(() => access.authenticate(presented, request), String(presented)).toThrow(
        expect.objectContaining({ code: 'unauthorized', status: 401, message }),
      );
    }
  });

  it('gives the legal principal (kind service) and the declared or default purpose', () => {
    const ctx = access.authenticate(TOKEN, request);
    expect(ctx.principal).toBe(LEGAL_PRINCIPAL);
    expect(ctx.principal).toMatchObject({ id: 'legal', kind: 'service', roles: ['legal'] });
    expect(ctx).toMatchObject({ requestId: 'req-1', source: 'http', purpose: 'legal audit' });
    expect(ctx.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(access.authenticate(TOKEN, { ...request, purpose: 'DSAR 17' }).purpose).toBe('DSAR 17');
  });
});
