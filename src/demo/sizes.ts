/** Which tables the demo writes, in dependency order, and how many rows each gets. */
export type DemoScale = 'small' | 'full';

export type DemoTable =
  'recruiters' | 'clients' | 'candidates' | 'jobs' | 'placements' | 'timesheets';

/** Parents before children: each table only references tables listed before it. */
export const DEMO_TABLES: readonly DemoTable[] = [
  'recruiters',
  'clients',
  'candidates',
  'jobs',
  'placements',
  'timesheets',
];

const SIZES: Record<DemoScale, Record<DemoTable, number>> = {
  small: {
    recruiters: 50,
    clients: 200,
    candidates: 5_000,
    jobs: 1_000,
    placements: 20_000,
    timesheets: 24_000,
  },
  full: {
    recruiters: 500,
    clients: 2_000,
    candidates: 100_000,
    jobs: 20_000,
    placements: 1_000_000,
    timesheets: 1_300_000,
  },
};

export function demoTableSizes(scale: DemoScale): Record<DemoTable, number> {
  const sizes = SIZES[scale];
  // The scale often arrives from a CLI flag, so guard beyond what the type promises.
  if (sizes === undefined) throw new RangeError(`Unknown demo scale: ${String(scale)}`);
  return { ...sizes };
}
