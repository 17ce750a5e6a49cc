import { describe, expect, it } from 'vitest';
import { resolvePath } from '../../../src/access/policy/index.js';

const context = {
  principal: { id: 'p1', roles: ['analyst', 'hr'], profile: null },
  request: { datasets: ['people', 'payroll'], matrix: [[1, 2], [3]], count: 0 },
};

describe('resolvePath', () => {
  it('follows object members and array indexes', () => {
    expect(resolvePath(context, 'principal.id')).toBe('p1');
    expect(resolvePath(context, 'principal.roles')).toEqual(['analyst', 'hr']);
    expect(resolvePath(context, 'request.datasets.1')).toBe('payroll');
    expect(resolvePath(context, 'request.matrix.0.1')).toBe(2);
    expect(resolvePath(context, 'request.count')).toBe(0);
    expect(resolvePath(context, 'principal.profile')).toBeNull();
  });

  it('is undefined for missing members, out-of-range indexes and steps through primitives', () => {
    expect(resolvePath(context, 'principal.missing')).toBeUndefined();
    expect(resolvePath(context, 'principal.profile.name')).toBeUndefined();
    expect(resolvePath(context, 'request.datasets.7')).toBeUndefined();
    expect(resolvePath(context, 'principal.id.0')).toBeUndefined();
    expect(resolvePath(null, 'a')).toBeUndefined();
    expect(resolvePath(undefined, 'a.b')).toBeUndefined();
    expect(resolvePath(42, 'a')).toBeUndefined();
  });

  it('only indexes arrays with canonical indexes, never their methods or length', () => {
    expect(resolvePath(context, 'request.datasets.length')).toBeUndefined();
    expect(resolvePath(context, 'request.datasets.01')).toBeUndefined();
    expect(resolvePath(context, 'request.datasets.map')).toBeUndefined();
  });

  it('resolves malformed paths to undefined', () => {
    for (const path of ['', '.', 'a..b', 'principal.', '.principal', 'a-b', 'a[0]', 'a b']) {
      expect(resolvePath({ a: { b: 1 } }, path)).toBeUndefined();
    }
  });

  it('never reaches the prototype chain', () => {
    expect(resolvePath({}, '__proto__')).toBeUndefined();
    expect(resolvePath({}, 'constructor')).toBeUndefined();
    expect(resolvePath({}, 'constructor.prototype')).toBeUndefined();
    expect(resolvePath({}, 'toString')).toBeUndefined();
    expect(resolvePath({}, 'hasOwnProperty')).toBeUndefined();
    expect(resolvePath([], 'constructor')).toBeUndefined();
    expect(resolvePath(() => 1, 'prototype')).toBeUndefined();
  });

  it('ignores even own members named like prototype machinery (as JSON.parse creates them)', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"admin": true}, "constructor": {"x": 1}}');
    expect(resolvePath(parsed, '__proto__.admin')).toBeUndefined();
    expect(resolvePath(parsed, 'constructor.x')).toBeUndefined();
  });

  it('does not run getters', () => {
    let calls = 0;
    const withGetter = {
      get secret() {
        calls += 1;
        return 'x';
      },
    };
    expect(resolvePath(withGetter, 'secret')).toBeUndefined();
    expect(calls).toBe(0);
  });
});
