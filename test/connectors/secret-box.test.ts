import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSourceConfig,
  openSavedSourceConfig,
  openSecret,
  parseSecretKey,
  sealSecret,
  sealSourceConfig,
  SecretBoxError,
} from '../../src/connectors/index.js';

const key = randomBytes(32);
const PASSWORD = 'pässwörd 🔑 with spaces';

describe('secret box', () => {
  it('seals into a versioned text that opens with the same key and context only', () => {
    const sealed = sealSecret(PASSWORD, key, 'source-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(PASSWORD);
    expect(openSecret(sealed, key, 'source-1')).toBe(PASSWORD);
    expect(sealSecret(PASSWORD, key, 'source-1')).not.toBe(sealed); // a fresh nonce each time
    expect(() => openSecret(sealed, randomBytes(32), 'source-1')).toThrow(SecretBoxError);
    expect(() => openSecret(sealed, key, 'source-2')).toThrow(/does not open/);
  });

  it('detects tampering and foreign formats', () => {
    const sealed = sealSecret('x', key);
    const [version, nonce, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() =>
      openSecret([version, nonce, tag, flipped.toString('base64url')].join('.'), key),
    ).toThrow(SecretBoxError);
    expect(() => openSecret(`v2.${nonce}.${tag}.${body}`, key)).toThrow(/version v1/);
    expect(() => openSecret('plain text', key)).toThrow(SecretBoxError);
    expect(() => openSecret(`v1.${'A'.repeat(3)}.${tag}.${body}`, key)).toThrow(SecretBoxError);
  });

  it('takes a 32-byte key as hex or base64, and nothing else', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(() => parseSecretKey(randomBytes(16).toString('hex'))).toThrow(/must be 32 bytes/);
    expect(() => sealSecret('x', randomBytes(31))).toThrow(SecretBoxError);
  });

  it('keeps a saved source whole except its password, which is sealed to the record', () => {
    const config = createSourceConfig({
      system: 'postgres',
      host: 'db.internal',
      user: 'ann',
      password: PASSWORD,
      database: 'hr',
    });
    const saved = sealSourceConfig(config, key, 'source-7');
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(saved).toMatchObject({
      system: 'postgres',
      host: 'db.internal',
      port: 5432,
      user: 'ann',
      database: 'hr',
    });
    expect('password' in saved).toBe(false);
    const opened = openSavedSourceConfig(saved, key, 'source-7');
    expect(opened.password.reveal()).toBe(PASSWORD);
    expect({ ...opened, password: null }).toEqual({ ...config, password: null });
    expect(() => openSavedSourceConfig(saved, key, 'source-8')).toThrow(SecretBoxError);
  });
});
