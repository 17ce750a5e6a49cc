import { describeReader, parquetRowCount, writeParquet } from '../../src/ingest/convert.js';
import { readerSql, type CsvOptions } from '../../src/ingest/formats/index.js';
import { guardedDecimalCasts, predictDecimals } from '../../src/ingest/predict-decimals.js';
import { refineNumericText } from '../../src/ingest/refine-numeric-text.js';
import type { EngineConnection } from '../../src/query/index.js';
import type { StepClock } from './breakdown.js';

/** The sample readUploadToParquet's fast path sniffs (DuckDB's default). */
const FAST_SAMPLE_ROWS = 20_480;

export interface ReadStepsInput {
  readonly csv: string;
  /** What csvOptionsFromHead found (delimiter, encoding). */
  readonly options: CsvOptions;
  /** Where the COPYs write; the caller removes it. */
  readonly target: string;
}

export interface FastPathOutcome {
  /** Columns written as exact DECIMALs straight away. */
  readonly predictedDecimals: readonly string[];
  /** Text columns the check after writing made numeric: each one costs a rewrite of the file. */
  readonly rewrittenColumns: readonly string[];
}

/**
 * readUploadToParquet's fast path for a delimited file, one step at a time: the same calls in the
 * same order (its own pieces are exported, its sequence is not).
 */
export async function fastPathSteps(
  connection: EngineConnection,
  input: ReadStepsInput,
  clock: StepClock,
): Promise<FastPathOutcome> {
  const reader = readerSql(input.csv, {
    format: 'csv',
    csv: input.options,
    sampleSize: FAST_SAMPLE_ROWS,
  });
  const incoming = await clock.time('sniff', () => describeReader(connection, reader));
  const prediction = await clock.time('predict', () =>
    predictDecimals(connection, reader, incoming),
  );
  const casts = guardedDecimalCasts(prediction.decimals);
  const source =
    casts.length > 0 ? `(SELECT * REPLACE (${casts.join(', ')}) FROM ${reader})` : reader;
  await clock.time('copy', () => writeParquet(connection, source, input.target, () => {}));
  await clock.time('rowCount', () => parquetRowCount(connection, input.target));
  const typed = incoming.map((c) => ({ ...c, type: prediction.decimals.get(c.name) ?? c.type }));
  const refined = await clock.time('refine', () =>
    refineNumericText(
      connection,
      input.target,
      typed,
      `${input.target}.refined`,
      prediction.numericLooking,
    ),
  );
  return {
    predictedDecimals: [...prediction.decimals.keys()],
    rewrittenColumns: refined.filter((c, i) => c.type !== typed[i]?.type).map((c) => c.name),
  };
}
