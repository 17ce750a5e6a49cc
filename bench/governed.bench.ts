/**
 * Governed-query benchmark: the query benchmark's revenue join over HTTP as the admin
 * (unmasked, unfiltered) and as an analyst whose role has column masks and a row filter, and a
 * revenue-per-client query over an AI-safe view against the same SQL over its base dataset.
 * See docs/BENCHMARKS.md, "Masked views".
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchOptions, BenchReport, GoalResult } from './support/benchmark.js';
import { BENCH_ADMIN_KEY } from './support/bench-app.js';
import { formatRatio } from './support/format.js';
import { gitRevision } from './support/git-revision.js';
import { describeMachine } from './support/machine.js';
import type { LatencySummary } from './support/percentile.js';
import type { TextTable } from './support/table.js';
import { startTimer } from './support/timer.js';
import { demoCsvFiles } from './ingest/demo-files.js';
import { formatMs } from './query/format-ms.js';
import { loadDatasets } from './query/load-datasets.js';
import { HOT_RUNS, interleaved, WARMUPS } from './query/measure.js';
import { createQueryBenchApp, withQueryServer } from './query/query-app.js';
import { probeGovernance, sameRevenueRows, type GovernanceProbe } from './governed/checks.js';
import { SqlCaller } from './governed/client.js';
import {
  CLIENT_REVENUE_SQL,
  JOIN_BY_HAND_SQL,
  JOIN_SQL,
  VIEW_REVENUE_SQL,
  type PathId,
} from './governed/queries.js';
import { setUpGovernance } from './governed/setup.js';

/** Governed hot p50 within this factor of the unmasked query's (p95 is reported beside it). */
const GOAL_RATIO = 1.3;

interface PathFigures {
  readonly caller: 'admin' | 'analyst';
  readonly sql: string;
  readonly rows: number;
  readonly hot: LatencySummary;
}

export interface GovernedFigures {
  readonly revision: ReturnType<typeof gitRevision>;
  readonly paths: Record<PathId, PathFigures>;
  /** The analyst's join equals the admin's join with the row filter written by hand. */
  readonly joinRowsMatch: boolean;
  /** The analyst's query over the view equals the admin's same SQL over placements. */
  readonly viewRowsMatch: boolean;
  /** The analyst's join differs from the admin's unfiltered one (the filter changes the sums). */
  readonly joinDiffersFromUnfiltered: boolean;
  readonly governance: GovernanceProbe;
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  const inputs = await demoCsvFiles(options.scale, options.outDir);
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-governed-'));
  const dataDir = path.join(workDir, 'lakehouse');
  const revision = gitRevision();
  console.log(
    `measuring ${revision ? `${revision.commit}${revision.dirty ? ' + uncommitted src changes' : ''}` : 'an unknown revision'}`,
  );
  try {
    console.log('loading the demo datasets …');
    const app = await createQueryBenchApp(dataDir);
    await loadDatasets(app, inputs).finally(() => app.stop());
    const figures = await withQueryServer(dataDir, async (_server, _ours, baseUrl) => {
      console.log('setting up masks, row filter, view and analyst key …');
      const analystKey = await setUpGovernance(baseUrl);
      const admin = new SqlCaller(baseUrl, BENCH_ADMIN_KEY);
      const analyst = new SqlCaller(baseUrl, analystKey);
      try {
        return await measure(admin, analyst, revision);
      } finally {
        admin.close();
        analyst.close();
      }
    });
    return {
      benchmark: 'governed',
      scale: options.scale,
      startedAt,
      durationSeconds: elapsed(),
      machine: describeMachine(),
      tables: [governedTable(figures)],
      goals: governedGoals(figures),
      figures,
    };
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

async function measure(
  admin: SqlCaller,
  analyst: SqlCaller,
  revision: ReturnType<typeof gitRevision>,
): Promise<GovernedFigures> {
  const plan: Record<PathId, { caller: SqlCaller; name: 'admin' | 'analyst'; sql: string }> = {
    adminJoin: { caller: admin, name: 'admin', sql: JOIN_SQL },
    analystJoin: { caller: analyst, name: 'analyst', sql: JOIN_SQL },
    adminJoinByHand: { caller: admin, name: 'admin', sql: JOIN_BY_HAND_SQL },
    adminClients: { caller: admin, name: 'admin', sql: CLIENT_REVENUE_SQL },
    analystView: { caller: analyst, name: 'analyst', sql: VIEW_REVENUE_SQL },
  };
  const ids = Object.keys(plan) as PathId[];
  console.log('checking results and governance …');
  const governance = await probeGovernance(admin, analyst);
  const rows = {} as Record<PathId, unknown[][]>;
  for (const id of ids) rows[id] = (await plan[id].caller.sql(plan[id].sql)).answer.rows;
  console.log(`hot: ${WARMUPS} warm-ups, then ${HOT_RUNS} runs, five paths in turn …`);
  const hot = await interleaved(
    Object.fromEntries(
      ids.map((id) => [id, async () => (await plan[id].caller.sql(plan[id].sql)).ms]),
    ) as Record<PathId, () => Promise<number>>,
  );
  const paths = Object.fromEntries(
    ids.map((id): [PathId, PathFigures] => [
      id,
      { caller: plan[id].name, sql: plan[id].sql, rows: rows[id].length, hot: hot[id] },
    ]),
  ) as Record<PathId, PathFigures>;
  return {
    revision,
    paths,
    joinRowsMatch: sameRevenueRows(rows.analystJoin, rows.adminJoinByHand),
    viewRowsMatch: sameRevenueRows(rows.analystView, rows.adminClients),
    joinDiffersFromUnfiltered: !sameRevenueRows(rows.analystJoin, rows.adminJoin),
    governance,
  };
}

const PATH_LABELS: Record<PathId, readonly [query: string, path: string]> = {
  adminJoin: ['revenue join (⋈ candidates ⋈ clients)', 'admin: unmasked, unfiltered'],
  analystJoin: ['', 'analyst: masks + row filter'],
  adminJoinByHand: ['', 'admin + WHERE (filter by hand)'],
  adminClients: ['revenue per client (⋈ clients)', 'admin: over placements'],
  analystView: ['', 'analyst: over view placements_safe'],
};

/** What each path is compared with: its unmasked twin. */
const BASELINE: Partial<Record<PathId, PathId>> = {
  analystJoin: 'adminJoin',
  adminJoinByHand: 'adminJoin',
  analystView: 'adminClients',
};

function ratio(figures: GovernedFigures, id: PathId, key: 'p50' | 'p95'): number {
  const base = BASELINE[id];
  return base === undefined ? NaN : figures.paths[id].hot[key] / figures.paths[base].hot[key];
}

function governedTable(figures: GovernedFigures): TextTable {
  const match: Partial<Record<PathId, string>> = {
    analystJoin: figures.joinRowsMatch ? 'yes' : 'NO',
    analystView: figures.viewRowsMatch ? 'yes' : 'NO',
  };
  const ids = Object.keys(figures.paths) as PathId[];
  const byHand = figures.paths.adminJoinByHand.hot;
  const analyst = figures.paths.analystJoin.hot;
  const g = figures.governance;
  return {
    title: `Governed vs unmasked over HTTP, ms (median and p95 of ${HOT_RUNS} runs after ${WARMUPS} warm-ups, paths in turn)`,
    columns: [
      { header: 'query', align: 'left' },
      { header: 'path', align: 'left' },
      { header: 'rows' },
      { header: 'p50' },
      { header: 'p95' },
      { header: '÷ unmasked p50' },
      { header: '÷ unmasked p95' },
      { header: 'rows =' },
    ],
    rows: ids.map((id) => [
      PATH_LABELS[id][0],
      PATH_LABELS[id][1],
      String(figures.paths[id].rows),
      formatMs(figures.paths[id].hot.p50),
      formatMs(figures.paths[id].hot.p95),
      BASELINE[id] ? formatRatio(ratio(figures, id, 'p50')) : '—',
      BASELINE[id] ? formatRatio(ratio(figures, id, 'p95')) : '—',
      match[id] ?? '—',
    ]),
    notes: [
      `analyst ÷ admin with the filter by hand: p50 ${formatRatio(analyst.p50 / byHand.p50)}, p95 ${formatRatio(analyst.p95 / byHand.p95)}`,
      'rows =: analyst join vs admin join + WHERE ca.status <> do_not_contact; view vs admin over placements (names and revenues, in order)',
      `governance engaged: ${g.ok ? 'yes' : 'NO'} — candidates ${g.candidatesAnalyst} of ${g.candidatesAdmin} visible to the analyst ` +
        `(admin with the filter: ${g.candidatesAdminFiltered}); email ${g.emailMasked ? 'masked' : 'NOT masked'} (${g.sampleEmail}), ` +
        `phone ${g.phoneHashed ? 'hashed' : 'NOT hashed'}, pay_rate ${g.payRateNulled ? 'null' : 'NOT null'}, ` +
        `view candidate_id ${g.viewIdHashed ? 'hashed' : 'NOT hashed'}`,
    ],
  };
}

function governedGoals(figures: GovernedFigures): GoalResult[] {
  const pair = (id: PathId, what: string): GoalResult => {
    const p50 = ratio(figures, id, 'p50');
    const p95 = ratio(figures, id, 'p95');
    return {
      goal: `${what} ≤ ${GOAL_RATIO}× unmasked (hot p50)`,
      met: p50 <= GOAL_RATIO,
      detail: `p50 ${formatRatio(p50)}; p95 ${formatRatio(p95)}, ${p95 <= GOAL_RATIO ? 'within' : 'above'} ${GOAL_RATIO}×`,
    };
  };
  return [
    pair('analystJoin', 'masked + row-filtered join'),
    pair('analystView', 'AI-safe view query'),
    {
      goal: 'governed results are the expected rows, and governance is engaged',
      met:
        figures.joinRowsMatch &&
        figures.viewRowsMatch &&
        figures.joinDiffersFromUnfiltered &&
        figures.governance.ok,
      detail:
        `join = admin + filter: ${figures.joinRowsMatch}, view = base: ${figures.viewRowsMatch}, ` +
        `join ≠ unfiltered: ${figures.joinDiffersFromUnfiltered}, probes: ${figures.governance.ok}`,
    },
  ];
}
