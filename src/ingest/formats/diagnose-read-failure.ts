import { classifyReaderError } from './classify-reader-error.js';
import type { FileFormat } from './file-format.js';
import { findEmptyJson } from './find-empty-json.js';
import type { IngestFileError } from './ingest-file-error.js';
import { locateCsvDefect } from './locate-csv-defect.js';
import { locateNdjsonLine } from './locate-ndjson-line.js';
import type { ReadFailure, Refiner, RunSql } from './read-failure.js';

const REFINERS: Record<FileFormat, Refiner> = {
  csv: locateCsvDefect,
  tsv: locateCsvDefect,
  json: findEmptyJson,
  ndjson: async (failure, first, run) =>
    (await findEmptyJson(failure, first, run)) ?? (await locateNdjsonLine(failure, first, run)),
  parquet: async () => undefined,
};

/**
 * classifyReaderError, plus what one more query can add where DuckDB's first message is vague:
 * the line of a CSV defect the sniffer hid, or that a JSON file has no records at all. `run`
 * executes SQL built here; if it learns nothing, the first classification stands.
 */
export async function diagnoseReadFailure(
  failure: ReadFailure,
  run: RunSql,
): Promise<IngestFileError> {
  const { error, options, displayName } = failure;
  const first = classifyReaderError(error, options.format, displayName);
  return (await REFINERS[options.format](failure, first, run)) ?? first;
}
