import { describe, expect, it } from 'vitest';
import { decimalMapping } from '../../src/connectors/column-mapping.js';
import { numericTypmod } from '../../src/connectors/postgres/pg-type.js';

describe('decimal widths', () => {
  it('decodes PostgreSQL numeric type modifiers, negative and oversized scales included', () => {
    expect(numericTypmod(-1)).toBeNull();
    expect(numericTypmod(((12 << 16) | 3) + 4)).toEqual({ precision: 12, scale: 3 });
    expect(numericTypmod(((4 << 16) | (-2 & 0x7ff)) + 4)).toEqual({ precision: 4, scale: -2 });
  });

  it('widens to hold every value, and keeps wider decimals as exact text', () => {
    expect(decimalMapping(12, 3).duckdbType).toBe('DECIMAL(12,3)');
    expect(decimalMapping(4, -2).duckdbType).toBe('DECIMAL(6,0)');
    expect(decimalMapping(3, 5).duckdbType).toBe('DECIMAL(5,5)');
    expect(decimalMapping(38, 0).duckdbType).toBe('DECIMAL(38,0)');
    expect(decimalMapping(39, 2).duckdbType).toBe('VARCHAR');
    expect(decimalMapping(37, -2).duckdbType).toBe('VARCHAR');
  });
});
