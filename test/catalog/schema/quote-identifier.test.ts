import { describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../../src/catalog/schema/index.js';

describe('quoteIdentifier', () => {
  it.each([
    ['age', '"age"'],
    ['First Name', '"First Name"'],
    ['weird "name"', '"weird ""name"""'],
    ['"', '""""'],
    ['', '""'],
  ])('quotes %s as %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });
});
