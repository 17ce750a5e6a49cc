import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonPair } from '../../src/compliance/audit/canonical-json.js';

describe('canonical JSON', () => {
  it('sorts object keys recursively, keeps arrays in order, writes no whitespace', () => {
    const value = { b: [3, { z: 1, y: [2, 1] }], a: { d: null, c: true } };
    expect(canonicalJson(value)).toBe('{"a":{"c":true,"d":null},"b":[3,{"y":[2,1],"z":1}]}');
  });

  it('sorts keys by UTF-16 code units, not by code points', () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF61 as UTF-16.
    const value = { '\uff61': 1, '😀': 2, z: 3, é: 4, Z: 5, aa: 6, a: 7, '': 8, '10': 9, '9': 10 };
    expect(canonicalJson(value)).toBe(
      '{"":8,"10":9,"9":10,"Z":5,"a":7,"aa":6,"z":3,"é":4,"😀":2,"｡":1}',
    );
  });

  it('writes numbers as ECMAScript prints them, -0 as 0', () => {
    const numbers = [
      -0,
      0.1,
      1e21,
      1e-7,
      100,
      1.0,
      Number('123456789012345678901'),
      5e-324,
      -1.5e300,
    ];
    expect(canonicalJson(numbers)).toBe(
      '[0,0.1,1e+21,1e-7,100,1,123456789012345680000,5e-324,-1.5e+300]',
    );
  });

  it('escapes strings as JSON.stringify does and keeps other characters as they are', () => {
    const text = 'tab\tnl\ncr\rbs\bff\fq"bs\\ctl\u0001\u001f/ é 😀 \u2028';
    expect(canonicalJson(text)).toBe(
      '"tab\\tnl\\ncr\\rbs\\bff\\fq\\"bs\\\\ctl\\u0001\\u001f/ é 😀 \u2028"',
    );
  });

  it('refuses values with no JSON form, naming where they are', () => {
    const refusals: [unknown, string][] = [
      [{ n: Number.NaN }, '$.n: NaN is not a finite number'],
      [{ a: [1, Infinity] }, '$.a[1]: Infinity is not a finite number'],
      [{ a: { b: undefined } }, '$.a.b: undefined has no JSON form'],
      [[1, , 3], '$[1]: undefined has no JSON form'], // eslint-disable-line no-sparse-arrays
      [{ big: 1n }, '$.big: bigint has no JSON form'],
      [{ f: () => 1 }, '$.f: function has no JSON form'],
      [{ at: new Date(0) }, '$.at: only plain objects have a canonical form'],
      [{ s: 'x\ud800y' }, '$.s: string holds a lone UTF-16 surrogate'],
      [{ ['\udc00']: 1 }, '$.\udc00: string holds a lone UTF-16 surrogate'],
      [undefined, '$: undefined has no JSON form'],
    ];
    for (const [value, message] of refusals)
      expect(() => canonicalJson(value), message).toThrow(
        expect.objectContaining({ name: 'CanonicalJsonError', message }),
      );
  });

  it('accepts objects without a prototype and well-formed surrogate pairs', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: '😀' });
    expect(canonicalJson(bare)).toBe('{"a":"😀","b":1}');
  });

  it('gives the text with and without one member in one pass', () => {
    const row = { b: 1, row_hmac: 'ff', a: [2] };
    expect(canonicalJsonPair(row, 'row_hmac')).toEqual({
      whole: '{"a":[2],"b":1,"row_hmac":"ff"}',
      without: '{"a":[2],"b":1}',
    });
  });

  const json = fc.jsonValue({ stringUnit: 'grapheme' });

  it('is JSON.stringify of the value with its keys sorted (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(stringifySorted(value));
      }),
    );
  });

  it('does not change when parsed and written again, whatever the key order (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(reversed(value), null, 2)))).toBe(text);
      }),
    );
  });
});

/** An independent writer: sorted [key, value] pairs, so integer-like keys keep their sort order. */
function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const pairs = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${stringifySorted(v)}`).join(',')}}`;
}

function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, inner] of entries) out[key] = reversed(inner);
  return out;
}
