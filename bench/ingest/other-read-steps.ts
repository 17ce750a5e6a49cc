import { describeReader, writeParquet } from '../../src/ingest/convert.js';
import { readerSql } from '../../src/ingest/formats/index.js';
import type { EngineConnection } from '../../src/query/index.js';
import { sqlString } from '../../src/query/sql-text.js';
import type { StepClock } from './breakdown.js';
import type { ReadStepsInput } from './fast-path-steps.js';

/**
 * Reads that are not on the fast path, on the same engine:
 * - the fallback readUploadToParquet takes when the sample misleads (whole-file sniff,
 *   fractions as text; the exact check after it is not repeated here);
 * - DuckDB's plain COPY (the raw SQL), to tell our engine's settings from our options.
 */
export async function otherReadSteps(
  connection: EngineConnection,
  input: ReadStepsInput,
  clock: StepClock,
): Promise<void> {
  const wholeFile = readerSql(input.csv, { format: 'csv', csv: input.options });
  await clock.time('safeSniff', () => describeReader(connection, wholeFile));
  await clock.time('safeCopy', () => writeParquet(connection, wholeFile, input.target, () => {}));
  await clock.time('rawSqlCopy', () =>
    connection.run(
      `COPY (FROM read_csv(${sqlString(input.csv)})) TO ${sqlString(input.target)} (FORMAT parquet, COMPRESSION zstd)`,
    ),
  );
}
