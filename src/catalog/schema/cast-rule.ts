import type { MigrationRule } from './column-schema.js';
import type { DuckDbType } from './duckdb-types.js';
import { isScalarNamed } from './duckdb-types.js';
import { formatDuckDbType } from './format-duckdb-type.js';
import { quoteIdentifier } from './quote-identifier.js';

const TIMESTAMP = 'TIMESTAMP';
const TIMESTAMPTZ = 'TIMESTAMP WITH TIME ZONE';

interface CastSuggestion {
  readonly applies: (dataset: DuckDbType, incoming: DuckDbType) => boolean;
  /** `source` is the quoted incoming column, `target` the dataset's type text. */
  readonly suggest: (source: string, target: string) => CastAdvice;
}

interface CastAdvice {
  readonly sql: string;
  readonly description: string;
}

/** Special cases first; plainCast covers the rest. */
const CAST_SUGGESTIONS: readonly CastSuggestion[] = [
  {
    applies: (dataset, incoming) =>
      isScalarNamed(dataset, [TIMESTAMPTZ]) && isScalarNamed(incoming, [TIMESTAMP]),
    suggest: (source) => ({
      sql: `${source} AT TIME ZONE 'UTC'`,
      description: `Say which time zone the incoming wall-clock times are in: ${source} AT TIME ZONE 'UTC' reads them as UTC instants; use their real zone if it is not UTC.`,
    }),
  },
  {
    applies: (dataset, incoming) =>
      isScalarNamed(dataset, [TIMESTAMP]) && isScalarNamed(incoming, [TIMESTAMPTZ]),
    suggest: (source) => ({
      sql: `${source} AT TIME ZONE 'UTC'`,
      description: `Choose the zone of the dataset's wall-clock times: ${source} AT TIME ZONE 'UTC' turns the incoming instants into UTC wall-clock times; use the dataset's zone if it is not UTC.`,
    }),
  },
  {
    applies: (dataset) => isScalarNamed(dataset, ['VARCHAR']),
    suggest: (source) => ({
      sql: `CAST(${source} AS VARCHAR)`,
      description: `Cast the incoming ${source} to VARCHAR before appending: the dataset stores this column as text.`,
    }),
  },
  {
    applies: (_dataset, incoming) => isScalarNamed(incoming, ['VARCHAR']),
    suggest: (source, target) => ({
      sql: `TRY_CAST(${source} AS ${target})`,
      description: `${castAdvice(source, target)} If the column now really holds text, change the dataset column to VARCHAR instead: a deliberate schema change, not an append.`,
    }),
  },
];

function plainCast(source: string, target: string): CastAdvice {
  return { sql: `TRY_CAST(${source} AS ${target})`, description: castAdvice(source, target) };
}

function castAdvice(source: string, target: string): string {
  return `Cast the incoming ${source} to the dataset's ${target} before appending. TRY_CAST turns values that do not convert into NULL, so check for new NULLs first (CAST fails on the first bad value instead).`;
}

/** What makes an incoming column of the wrong type fit: cast it to the dataset's type. */
export function castRule(
  column: string,
  incomingName: string,
  datasetType: DuckDbType,
  incomingType: DuckDbType,
): MigrationRule {
  const special = CAST_SUGGESTIONS.find(({ applies }) => applies(datasetType, incomingType));
  const suggest = special?.suggest ?? plainCast;
  const advice = suggest(quoteIdentifier(incomingName), formatDuckDbType(datasetType));
  return { column, action: 'cast', ...advice };
}
