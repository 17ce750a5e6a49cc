import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCivilDate } from '../../../src/query/duckdb/results/json/calendar.js';
import { formatIsoDuration } from '../../../src/query/duckdb/results/json/duration.js';
import { floatToJson, decimalToString } from '../../../src/query/duckdb/results/json/numbers.js';
import {
  formatTimestamp,
  MICROS,
  MILLIS,
} from '../../../src/query/duckdb/results/json/timestamp.js';

const DAY_MS = 86_400_000;
/** JS Date's range: ±100,000,000 days from the epoch. */
const JS_DATE_DAYS = 100_000_000;

describe('calendar and timestamp formatting', () => {
  it('matches JS Date on every day it can represent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -JS_DATE_DAYS, max: JS_DATE_DAYS }), (days) => {
        const iso = new Date(days * DAY_MS).toISOString();
        expect(formatCivilDate(days)).toBe(iso.slice(0, iso.indexOf('T')));
      }),
      { numRuns: 20_000 },
    );
  });

  it('matches JS Date for millisecond timestamps, on both sides of the epoch', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (millis) => {
        const iso = new Date(millis).toISOString().replace(/\.000Z$|0*Z$/, '');
        expect(formatTimestamp(BigInt(millis), MILLIS, '')).toBe(iso);
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the exact path for microseconds beyond 2^53', () => {
    expect(formatTimestamp(9_007_199_254_740_993n, MICROS, 'Z')).toBe(
      '2255-06-05T23:47:34.740993Z',
    );
  });
});

describe('durations and numbers', () => {
  it('writes each interval part with its own sign', () => {
    expect(formatIsoDuration(14, 3, 14_706_500_000n)).toBe('P1Y2M3DT4H5M6.5S');
    expect(formatIsoDuration(-13, 0, -1n)).toBe('P-1Y-1MT-0.000001S');
    expect(formatIsoDuration(0, -1, 60_000_000n)).toBe('P-1DT1M');
    expect(formatIsoDuration(0, 0, 0n)).toBe('PT0S');
  });

  it('writes the shortest decimal that is the same float32', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const json = floatToJson(value);
        expect(typeof json).toBe('number');
        expect(Math.fround(json as number)).toBe(Math.fround(value));
      }),
    );
    expect(floatToJson(Math.fround(0.1))).toBe(0.1);
    expect(floatToJson(-0)).toBe(-0);
  });

  it('keeps every scale digit of a decimal', () => {
    expect(decimalToString(150n, 2)).toBe('1.50');
    expect(decimalToString(-5n, 3)).toBe('-0.005');
    expect(decimalToString(0n, 2)).toBe('0.00');
    expect(decimalToString(-42n, 0)).toBe('-42');
  });
});
