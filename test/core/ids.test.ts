import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from '../../src/core/index.js';

describe('uuidv7', () => {
  it('is a valid version-7 UUID carrying its time', () => {
    const id = uuidv7(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(id)).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
  });

  it('is strictly increasing and unique within one millisecond and across many', () => {
    const now = Date.now() + 10_000;
    const ids = Array.from({ length: 10_000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
