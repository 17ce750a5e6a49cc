import { CANDIDATE_COLUMNS, candidateRows, planCandidates } from './candidates.js';
import { CLIENT_COLUMNS, clientRows, planClients } from './clients.js';
import { JOB_COLUMNS, jobRows, planJobs } from './jobs.js';
import { planPlacements } from './placement-plan.js';
import { PLACEMENT_COLUMNS, placementRows } from './placements.js';
import { SeededRandom } from './random.js';
import { RECRUITER_COLUMNS, recruiterRows } from './recruiters.js';
import type { DemoTable } from './sizes.js';
import { TIMESHEET_COLUMNS, timesheetRows } from './timesheets.js';

/** A table's header and its records, produced lazily as the file is written. */
export interface TableSource {
  readonly columns: readonly string[];
  readonly lines: Iterable<string>;
}

/**
 * Plans the keys and relationships that child tables refer to (small: typed arrays and a
 * few thousand objects), then returns lazy row generators for every table. Each plan and
 * each table draws from its own named random stream, so changing how one table is written
 * never shifts the values of another.
 */
export function demoTableSources(
  sizes: Record<DemoTable, number>,
  seed: number,
): Record<DemoTable, TableSource> {
  const stream = (name: string): SeededRandom => SeededRandom.forStream(seed, name);
  const clients = planClients(sizes.clients, sizes.recruiters, stream('clients:plan'));
  const candidates = planCandidates(sizes.candidates, stream('candidates:plan'));
  const jobs = planJobs(sizes.jobs, clients, sizes.recruiters, stream('jobs:plan'));
  const placements = planPlacements(sizes.placements, jobs, candidates, stream('placements:plan'));
  return {
    recruiters: {
      columns: RECRUITER_COLUMNS,
      lines: recruiterRows(sizes.recruiters, stream('recruiters')),
    },
    clients: { columns: CLIENT_COLUMNS, lines: clientRows(clients, stream('clients')) },
    candidates: {
      columns: CANDIDATE_COLUMNS,
      lines: candidateRows(candidates, stream('candidates')),
    },
    jobs: { columns: JOB_COLUMNS, lines: jobRows(jobs, stream('jobs')) },
    placements: {
      columns: PLACEMENT_COLUMNS,
      lines: placementRows(placements, jobs, stream('placements')),
    },
    timesheets: {
      columns: TIMESHEET_COLUMNS,
      lines: timesheetRows(sizes.timesheets, placements, stream('timesheets')),
    },
  };
}
