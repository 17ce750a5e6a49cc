import type { PresentValue } from '../json/json-value.js';
import type { FixedWidthLayout } from './fixed-width.js';

/**
 * Decimal128: a 128-bit two's-complement integer per slot, little-endian, as two 64-bit words
 * (low word first) — the same layout as DuckDB's hugeint_t, so the scaled value goes across
 * unchanged. Arrow JS reads decimals as a Uint32Array with a stride of 4.
 */
export function int128Layout(
  read: (value: PresentValue) => bigint,
): FixedWidthLayout<BigUint64Array> {
  return {
    allocate: (length) => new BigUint64Array(length * 2),
    write: (storage, index, value) => {
      const scaled = read(value);
      storage[index * 2] = BigInt.asUintN(64, scaled);
      storage[index * 2 + 1] = BigInt.asUintN(64, scaled >> 64n);
    },
    finish: (storage) => new Uint32Array(storage.buffer, storage.byteOffset, storage.length * 2),
  };
}

interface IntervalParts {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

const INT64_MAX = 9_223_372_036_854_775_807n;

/**
 * Interval(MONTH_DAY_NANO): int32 months, int32 days, int64 nanoseconds per slot — DuckDB's
 * INTERVAL with micros scaled to nanos, exact. DuckDB's micros can exceed what int64 nanos hold
 * (beyond ~106,000 days' worth); such a value is refused rather than wrapped.
 */
export function intervalLayout(
  read: (value: PresentValue) => IntervalParts,
): FixedWidthLayout<IntervalStorage> {
  return {
    allocate: (length) => {
      const words = new BigInt64Array(length * 2);
      return { words, ints: new Int32Array(words.buffer) };
    },
    write: ({ words, ints }, index, value) => {
      const { months, days, micros } = read(value);
      const nanos = micros * 1000n;
      if (nanos > INT64_MAX || nanos < -INT64_MAX - 1n) {
        throw new RangeError(`INTERVAL of ${micros} microseconds overflows Arrow's int64 nanos`);
      }
      ints[index * 4] = months;
      ints[index * 4 + 1] = days;
      words[index * 2 + 1] = nanos;
    },
    finish: ({ ints }) => ints,
  };
}

/** Two views of one buffer: int32 for months and days, int64 for nanos. */
interface IntervalStorage {
  readonly words: BigInt64Array;
  readonly ints: Int32Array;
}
