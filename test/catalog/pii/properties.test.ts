import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '../../../src/catalog/pii/contact-recognisers.js';
import {
  isCardNumber,
  isSocialSecurityNumber,
} from '../../../src/catalog/pii/identifier-recognisers.js';
import { detectPii, passesLuhn } from '../../../src/catalog/pii/index.js';
import { column } from './fixtures.js';

const integerText = fc.integer().map(String);
const safeIntegerText = fc.maxSafeInteger().map(String);
const decimalText = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((n) => !Number.isInteger(n))
  .map(String);
const fixedDecimalText = fc
  .tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
const isoDate = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const isoTimestampText = isoDate.map((d) => d.toISOString());
const isoDateText = isoDate.map((d) => d.toISOString().slice(0, 10));
const yearText = fc.integer({ min: 1900, max: 2100 }).map(String);
const prefixedIdText = fc.nat({ max: 999_999 }).map((n) => `CAND-${String(n).padStart(6, '0')}`);

const NOT_IDENTIFIERS = fc.oneof(
  integerText,
  decimalText,
  fixedDecimalText,
  isoTimestampText,
  isoDateText,
  yearText,
  prefixedIdText,
);

const isSensitiveIdentifier = (text: string) =>
  isPhoneNumber(text) || isSocialSecurityNumber(text) || isCardNumber(text);

describe('properties', () => {
  it('integers, decimals, years, ids and ISO dates never look like phones, SSNs or cards', () => {
    fc.assert(
      fc.property(NOT_IDENTIFIERS, (text) => {
        expect(isSensitiveIdentifier(text)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a column of such values is never flagged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(NOT_IDENTIFIERS, safeIntegerText), { minLength: 3, maxLength: 60 }),
        (values) => {
          expect(detectPii([column('value', 'VARCHAR', values)])[0]!.isPii).toBe(false);
        },
      ),
    );
  });

  it('changing one digit of a valid card number breaks its Luhn check', () => {
    const valid = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 })
      .map((digits) => withCheckDigit(digits.join('')));
    fc.assert(
      fc.property(valid, fc.nat(), fc.integer({ min: 1, max: 9 }), (number, at, delta) => {
        expect(passesLuhn(number)).toBe(true);
        const index = at % number.length;
        const changed = (Number(number[index]) + delta) % 10;
        const mutated = number.slice(0, index) + changed + number.slice(index + 1);
        expect(passesLuhn(mutated)).toBe(false);
      }),
    );
  });

  it('findings are well-formed for arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.anything(), { maxLength: 20 }), (name, values) => {
        const [finding] = detectPii([column(name, 'VARCHAR', values)]);
        expect(finding!.column).toBe(name);
        expect(finding!.confidence).toBeGreaterThanOrEqual(0);
        expect(finding!.confidence).toBeLessThanOrEqual(1);
        expect(finding!.isPii).toBe(finding!.kind !== null);
      }),
    );
  });
});

/** Appends the digit that makes `payload` pass Luhn. */
function withCheckDigit(payload: string): string {
  for (let check = 0; check <= 9; check += 1) {
    if (passesLuhn(payload + check)) return payload + check;
  }
  throw new Error('unreachable: exactly one check digit fits');
}
