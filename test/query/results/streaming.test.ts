import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrowIpcChunks,
  csvChunks,
  ndjsonChunks,
} from '../../../src/query/duckdb/results/index.js';
import { openDuckDB, type TestDuckDB } from './support.js';

const ROWS = 3_000_000;
const SQL = `SELECT range AS id, range * 2 AS twice, 'row ' || range AS label FROM range(${ROWS})`;
const MB = 1024 * 1024;

// A full collection before each measurement makes the baseline steady: garbage left over from
// earlier work would otherwise be collected mid-run and hide or exaggerate growth.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** JS heap plus ArrayBuffer memory: Arrow pieces and typed arrays live outside the JS heap. */
function memoryInUse(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

interface Measurement {
  readonly pieces: number;
  readonly bytes: number;
  readonly peakGrowthMb: number;
}

/** Peak memory growth while iterating; `keep` retains every piece, as materialising would. */
async function measure(
  pieces: AsyncIterable<string | Uint8Array>,
  keep: boolean,
): Promise<Measurement> {
  const kept: (string | Uint8Array)[] = [];
  collectGarbage();
  const baseline = memoryInUse();
  let peak = 0;
  let count = 0;
  let bytes = 0;
  for await (const piece of pieces) {
    count++;
    bytes += piece.length;
    if (keep) kept.push(piece);
    if (count % 16 === 0) peak = Math.max(peak, memoryInUse() - baseline);
  }
  peak = Math.max(peak, memoryInUse() - baseline);
  return { pieces: count, bytes, peakGrowthMb: Math.round(peak / MB) };
}

let db: TestDuckDB;
beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(() => db.close());

const FORMATS = {
  csv: (db: TestDuckDB) => db.stream(SQL).then((r) => csvChunks(r)),
  ndjson: (db: TestDuckDB) => db.stream(SQL).then((r) => ndjsonChunks(r)),
  arrow: (db: TestDuckDB) => db.stream(SQL).then((r) => arrowIpcChunks(r)),
};

describe(`streaming ${ROWS} rows`, () => {
  for (const [format, open] of Object.entries(FORMATS)) {
    it(`${format}: many pieces, memory bounded far below materialising`, async () => {
      const streamed = await measure(await open(db), false);
      const materialised = await measure(await open(db), true);
      console.log(
        `${format}: ${streamed.pieces} pieces, ${Math.round(streamed.bytes / MB)} MB output; ` +
          `peak growth streaming ${streamed.peakGrowthMb} MB vs materialising ${materialised.peakGrowthMb} MB`,
      );
      expect(streamed.pieces).toBeGreaterThan(100);
      expect(streamed.bytes).toBe(materialised.bytes);
      expect(streamed.peakGrowthMb).toBeLessThan(200);
      expect(streamed.peakGrowthMb).toBeLessThan(materialised.peakGrowthMb / 2);
    }, 120_000);
  }
});
