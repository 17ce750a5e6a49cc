import { emptyFileProblem } from './empty-file.js';
import { NON_RECORD_JSON } from './json-error-rules.js';
import type { JsonFormat } from './json-reader-sql.js';
import { jsonValueCountSql } from './json-reader-sql.js';
import type { Refiner } from './read-failure.js';

/** `[]` or a blank NDJSON file fails like a file of bare values; count to tell them apart. */
export const findEmptyJson: Refiner = async (failure, _first, run) => {
  const { error, path, options, displayName } = failure;
  if (!NON_RECORD_JSON.test(error.message)) return undefined;
  const format = options.format as JsonFormat;
  try {
    const [row] = await run(jsonValueCountSql(path, format));
    const count = Number(row?.value_count);
    return count === 0 ? emptyFileProblem({ rowCount: 0 }, format, displayName) : undefined;
  } catch {
    return undefined;
  }
};
