import type { LoadResult } from '../support/closed-loop.js';
import type { GitRevision } from '../support/git-revision.js';
import type { Breakdown } from './breakdown.js';
import type { ColdRuns } from './cold.js';
import type { HotFigures } from './hot.js';
import type { LoadedTable } from './load-datasets.js';
import type { PagingFigures } from './paging.js';
import type { PinnedFigures } from './pinned.js';
import type { QueryId } from './query-set.js';

/** Everything one run of the query benchmark measured (the report's `figures`). */
export interface QueryBenchFigures {
  /** The sources measured: they change often, so a figure is only comparable at its commit. */
  readonly revision: GitRevision | undefined;
  readonly loaded: readonly LoadedTable[];
  readonly queries: Readonly<Record<QueryId, QueryFigures>>;
  readonly paging: PagingFigures;
  readonly load: {
    readonly health: LoadResult;
    readonly point: LoadResult;
    readonly rawPoint: LoadResult;
  };
  readonly pinned: PinnedFigures;
  /** Where the time goes over Parquet; the pinned one is in `pinned.breakdown`. */
  readonly breakdown: Readonly<Record<QueryId, Breakdown>>;
}

export interface QueryFigures {
  readonly label: string;
  readonly sql: string;
  readonly point: boolean;
  readonly rows: number;
  readonly rowsMatch: boolean;
  readonly cold: ColdRuns;
  readonly hot: HotFigures;
}
