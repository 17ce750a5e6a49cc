import { describe, expect, it } from 'vitest';
import { policyForRoles } from '../../../src/access/rate-limit/index.js';

const PER_ROLE = { admin: 0, analyst: 120, agent: 30, reader: 60 };

describe('policyForRoles', () => {
  it('picks the most generous limit among the caller’s listed roles', () => {
    expect(policyForRoles(['agent', 'reader'], PER_ROLE, 10)).toEqual({ requestsPerMinute: 60 });
    expect(policyForRoles(['reader', 'analyst', 'agent'], PER_ROLE, 10)).toEqual({
      requestsPerMinute: 120,
    });
  });

  it('treats 0 as unlimited, beating any number', () => {
    expect(policyForRoles(['agent', 'admin'], PER_ROLE, 10)).toEqual({
      requestsPerMinute: Infinity,
    });
  });

  it('ignores unlisted roles and uses the fallback when no role is listed', () => {
    expect(policyForRoles(['agent', 'guest'], PER_ROLE, 500)).toEqual({ requestsPerMinute: 30 });
    expect(policyForRoles(['guest'], PER_ROLE, 10)).toEqual({ requestsPerMinute: 10 });
    expect(policyForRoles([], PER_ROLE, 10)).toEqual({ requestsPerMinute: 10 });
    expect(policyForRoles([], PER_ROLE, 0)).toEqual({ requestsPerMinute: Infinity });
  });

  it('does not read roles named like Object.prototype members', () => {
    expect(policyForRoles(['constructor', 'toString', '__proto__'], {}, 10)).toEqual({
      requestsPerMinute: 10,
    });
  });

  it.each([-1, Number.NaN, Infinity])('refuses a configured limit of %s', (bad) => {
    expect(() => policyForRoles(['x'], { x: bad }, 10)).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
    expect(() => policyForRoles([], {}, bad)).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });
});
