import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchOptions, BenchScale } from './benchmark.js';

/** Where reports and cached inputs go unless --out says otherwise (git-ignored). */
export const DEFAULT_OUT_DIR = path.join('bench', '.out');

/** Three runs give a median that one disturbed run cannot move. */
export const DEFAULT_REPEAT = 3;

export class UsageError extends Error {}

export interface ParsedArgs {
  readonly name: string | undefined;
  readonly options: BenchOptions;
}

/** `<name> [--scale small|full] [--keep] [--out <dir>] [--repeat <n>]` */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      scale: { type: 'string', default: 'full' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_OUT_DIR },
      repeat: { type: 'string', default: String(DEFAULT_REPEAT) },
    },
  });
  if (positionals.length > 1)
    throw new UsageError(`one benchmark at a time, got ${positionals.join(' ')}`);
  return {
    name: positionals[0],
    options: {
      scale: parseScale(values.scale),
      keep: values.keep,
      outDir: path.resolve(values.out),
      repeat: parseRepeat(values.repeat),
    },
  };
}

function parseScale(value: string): BenchScale {
  if (value === 'small' || value === 'full') return value;
  throw new UsageError(`--scale must be small or full, got "${value}"`);
}

function parseRepeat(value: string): number {
  const repeat = Number(value);
  if (Number.isSafeInteger(repeat) && repeat >= 1) return repeat;
  throw new UsageError(`--repeat must be a positive integer, got "${value}"`);
}
