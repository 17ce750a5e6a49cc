import { describe, expect, it } from 'vitest';
import { redact, scrubError, secretForms } from '../../src/connectors/index.js';

const PASSWORD = 'a b/c@d:e%f"g';

describe('redaction', () => {
  it('removes the secret in every spelling a driver might echo', () => {
    const url = new URL('postgres://u@h/db');
    url.password = PASSWORD;
    const text = [
      `plain ${PASSWORD}`,
      `component ${encodeURIComponent(PASSWORD)}`,
      `url ${url.toString()}`,
      `json ${JSON.stringify({ password: PASSWORD })}`,
    ].join('\n');
    const redacted = redact(text, [PASSWORD]);
    for (const form of secretForms(PASSWORD)) expect(redacted).not.toContain(form);
    expect(redacted).toContain('plain ***');
    expect(redacted).toContain('url postgres://u:***@h/db');
  });

  it('leaves text alone when there is no secret', () => {
    expect(redact('nothing to hide', [''])).toBe('nothing to hide');
    expect(secretForms('')).toEqual([]);
  });

  it('scrubs an error in place, its fields, causes and aggregated errors, keeping the stack', () => {
    const inner = Object.assign(new Error(`connect to ${PASSWORD}`), {
      sql: `SET x = '${PASSWORD}'`,
    });
    const aggregate = new AggregateError(
      [inner, new Error(`other ${encodeURIComponent(PASSWORD)}`)],
      '',
    );
    const outer = new Error(`failed with ${PASSWORD}`, { cause: aggregate });
    scrubError(outer, [PASSWORD]);
    expect(outer.message).toBe('failed with ***');
    expect(outer.stack).toContain('failed with ***');
    expect(outer.stack).toContain('redact.test.ts');
    expect(inner.message).toBe('connect to ***');
    expect(inner.sql).toBe("SET x = '***'");
    expect((aggregate.errors[1] as Error).message).toBe('other ***');
  });
});
