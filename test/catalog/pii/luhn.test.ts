import { describe, expect, it } from 'vitest';
import { passesLuhn } from '../../../src/catalog/pii/index.js';

describe('passesLuhn', () => {
  it.each([
    '4111111111111111', // Visa test number
    '5555555555554444', // Mastercard
    '378282246310005', // Amex, 15 digits
    '6011111111111117', // Discover
    '79927398713', // the textbook example
    '0',
  ])('accepts %s', (digits) => {
    expect(passesLuhn(digits)).toBe(true);
  });

  it.each(['4111111111111112', '5555555555554440', '378282246310006', '79927398710', '1'])(
    'rejects %s',
    (digits) => {
      expect(passesLuhn(digits)).toBe(false);
    },
  );

  it.each(['', '4111 1111 1111 1111', '4111-1111', 'abc', '12.5'])(
    'rejects non-digit input %j',
    (text) => {
      expect(passesLuhn(text)).toBe(false);
    },
  );
});
