import type { GitRevision } from '../support/git-revision.js';
import type { FreshSamples } from './fresh-upserts.js';
import type { MergeRound } from './merge-round.js';

/** Every figure of a run, as written to the JSON report. */
export interface RowLevelFigures {
  readonly revision: GitRevision | undefined;
  /** Rows of placements as loaded (1M at full scale). */
  readonly baseRows: number;
  /** DuckDB threads of the raw instance (the app's engines use the same setting). */
  readonly rawThreads: number;
  readonly batch: { readonly rows: number; readonly updates: number; readonly inserts: number };
  readonly fresh: FreshSamples;
  /** One per `--repeat`; the first also holds the query figures. */
  readonly rounds: readonly MergeRound[];
}

/** The reference: a 10K-row append without rewriting the base, in seconds. */
export const REFERENCE_APPEND_SECONDS = 0.08;
