import { formatRatio, formatSeconds } from '../support/format.js';
import { median, sum } from '../support/stats.js';
import type { TextTable } from '../support/table.js';
import {
  DIRECT_PATH_STEPS,
  STEP_IDS,
  STEP_LABELS,
  medianSteps,
  type StepId,
  type StepsPass,
  type TableBreakdown,
} from './breakdown.js';
import type { FastPathOutcome } from './fast-path-steps.js';

export interface BreakdownRow {
  readonly table: string;
  readonly steps: TableBreakdown;
  /** Median of whole in-process ingests run in the same passes as the steps. */
  readonly directSeconds: number;
  /** Median of raw conversions (fresh DuckDB instance) run in the same passes. */
  readonly rawSeconds: number;
  /** directSeconds − the path's timed steps: job records, metastore commit, catalog reads. */
  readonly remainderSeconds: number;
  readonly fastPath: FastPathOutcome;
}

export function breakdownRow(table: string, passes: readonly StepsPass[]): BreakdownRow {
  const steps = medianSteps(passes);
  const directSeconds = median(passes.map((p) => p.directSeconds));
  return {
    table,
    steps,
    directSeconds,
    rawSeconds: median(passes.map((p) => p.rawSeconds)),
    remainderSeconds: directSeconds - sum(DIRECT_PATH_STEPS.map((s) => steps[s])),
    fastPath: passes[0]?.fastPath ?? { predictedDecimals: [], rewrittenColumns: [] },
  };
}

/** Seconds per step (rows) and table (columns), with whole runs from the same passes. */
export function breakdownTextTable(rows: readonly BreakdownRow[]): TextTable {
  const cells = (pick: (row: BreakdownRow) => number): string[] => {
    const values = rows.map(pick);
    return [...values, sum(values)].map(formatSeconds);
  };
  const stepRow = (step: StepId): string[] => [STEP_LABELS[step], ...cells((r) => r.steps[step])];
  const total = (pick: (row: BreakdownRow) => number): number => sum(rows.map(pick));
  const ratio = formatRatio(total((r) => r.rawSeconds) / total((r) => r.directSeconds));
  return {
    title: 'Where ours spends its time: seconds per step, each timed alone (median of the passes)',
    columns: [
      { header: 'step', align: 'left' },
      ...rows.map((r) => ({ header: r.table })),
      { header: 'total' },
    ],
    rows: [
      ...STEP_IDS.map(stepRow),
      ['ours direct, whole ingest in the same passes', ...cells((r) => r.directSeconds)],
      ['  not in the steps: jobs, metastore commit, catalog', ...cells((r) => r.remainderSeconds)],
      ['raw, fresh instance, in the same passes', ...cells((r) => r.rawSeconds)],
    ],
    notes: [
      `in these passes ours direct ÷ raw is ${ratio}`,
      'fallback and raw SQL rows are not on the fast path: they show what the alternatives cost',
      ...rows.flatMap((r) => fastPathNotes(r)),
    ],
  };
}

function fastPathNotes(row: BreakdownRow): string[] {
  const { predictedDecimals, rewrittenColumns } = row.fastPath;
  return [
    ...(predictedDecimals.length > 0
      ? [`${row.table}: exact DECIMAL while writing: ${predictedDecimals.join(', ')}`]
      : []),
    ...(rewrittenColumns.length > 0
      ? [
          `${row.table}: made numeric after writing (file rewritten): ${rewrittenColumns.join(', ')}`,
        ]
      : []),
  ];
}
