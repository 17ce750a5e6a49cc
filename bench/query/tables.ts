import { formatCount, formatInteger, formatMiB, formatRatio } from '../support/format.js';
import type { LoadResult } from '../support/closed-loop.js';
import type { GitRevision } from '../support/git-revision.js';
import { median } from '../support/stats.js';
import type { TextTable } from '../support/table.js';
import { STEP_LABELS, STEPS, type Breakdown } from './breakdown.js';
import type { QueryBenchFigures, QueryFigures } from './figures.js';
import { formatDeltaMs, formatMs } from './format-ms.js';
import { HOT_RUNS, WARMUPS } from './measure.js';
import { LOAD_CONNECTIONS } from './load.js';
import { QUERY_CONCURRENCY } from './query-app.js';
import type { QueryId } from './query-set.js';

const yesNo = (match: boolean): string => (match ? 'yes' : 'NO');

function revisionText(revision: GitRevision | undefined): string {
  if (!revision) return 'unknown revision';
  return `commit ${revision.commit}${revision.dirty ? ' with uncommitted changes in src/' : ''}`;
}

export function hotTable(figures: QueryBenchFigures): TextTable {
  return {
    title: `Hot queries over Parquet, ms (median and p95 of ${HOT_RUNS} runs after ${WARMUPS} warm-ups)`,
    columns: [
      { header: 'query', align: 'left' },
      { header: 'rows' },
      { header: 'raw p50' },
      { header: 'raw p95' },
      { header: 'ours HTTP p50' },
      { header: 'ours HTTP p95' },
      { header: 'in-process p50' },
      { header: 'HTTP ÷ raw' },
      { header: 'HTTP − raw' },
      { header: 'rows =' },
    ],
    rows: Object.values(figures.queries).map((q: QueryFigures) => [
      q.label,
      formatInteger(q.rows),
      formatMs(q.hot.raw.p50),
      formatMs(q.hot.raw.p95),
      formatMs(q.hot.http.p50),
      formatMs(q.hot.http.p95),
      formatMs(q.hot.direct.p50),
      formatRatio(q.hot.http.p50 / q.hot.raw.p50),
      formatDeltaMs(q.hot.http.p50 - q.hot.raw.p50),
      yesNo(q.rowsMatch),
    ]),
    notes: [
      'raw: a fresh @duckdb/node-api instance, default settings, views over the same Parquet files, rows via getRowsJson()',
      'ours HTTP: POST /query/sql on a keep-alive connection, request sent → last byte received (client JSON.parse not timed)',
      'in-process: QueryService.sql with an admin context (no HTTP, no auth); the three paths take turns run by run',
      `sources measured: ${revisionText(figures.revision)}`,
    ],
  };
}

export function coldTable(figures: QueryBenchFigures, repeat: number): TextTable {
  const m = (values: readonly number[]): string => formatMs(median(values));
  return {
    title: `Cold: the first run, ms (median of ${repeat})`,
    columns: [
      { header: 'query', align: 'left' },
      { header: 'raw, new instance' },
      { header: 'ours, new server' },
      { header: 'ours ÷ raw' },
      { header: 'ours, after catalog change' },
      { header: 'its next run' },
      { header: 'ours hot p50' },
    ],
    rows: Object.values(figures.queries).map((q: QueryFigures) => [
      q.label,
      m(q.cold.rawMs),
      m(q.cold.restartMs),
      formatRatio(median(q.cold.restartMs) / median(q.cold.rawMs)),
      m(q.cold.catalogChangeMs),
      m(q.cold.afterChangeNextMs),
      formatMs(q.hot.http.p50),
    ]),
    notes: [
      'raw: new DuckDB instance (creation not counted), CREATE VIEW per dataset + the query',
      'ours, new server: the first HTTP query of a server just started on the data directory (namespace compiled on it)',
      'after catalog change: a metadata edit bumps the catalog version; the next query recompiles its namespace',
      'its next run: the same query straight after, so the difference is the recompile at equal machine load',
      'the Parquet files stay in the OS page cache: a cold engine, not a cold disk',
    ],
  };
}

export function pagingTable(figures: QueryBenchFigures, repeat: number): TextTable {
  const p = figures.paging;
  const m = (values: readonly number[]): string => formatMs(median(values));
  return {
    title: `Paging ${formatInteger(p.totalRows)} placements by ${p.pageSize}, ms (cold: median of ${repeat})`,
    columns: [
      { header: 'step', align: 'left' },
      { header: 'raw equivalent', align: 'left' },
      { header: 'raw p50' },
      { header: 'ours cold' },
      { header: 'ours hot p50' },
      { header: 'ours hot p95' },
      { header: 'ours ÷ raw' },
      { header: 'rows =' },
    ],
    rows: [
      [
        'POST /query/paged (whole result kept)',
        'whole ordered result, getRowsJson',
        formatMs(p.hot.rawFull.p50),
        m(p.cold.createMs),
        formatMs(p.hot.create.p50),
        formatMs(p.hot.create.p95),
        formatRatio(p.hot.create.p50 / p.hot.rawFull.p50),
        '',
      ],
      [
        `GET /query/page/{id}/${p.page}?size=${p.pageSize}`,
        `LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}`,
        formatMs(p.hot.raw.p50),
        m(p.cold.fetchMs),
        formatMs(p.hot.fetch.p50),
        formatMs(p.hot.fetch.p95),
        formatRatio(p.hot.fetch.p50 / p.hot.raw.p50),
        yesNo(p.rowsMatch),
      ],
    ],
    notes: [
      `raw cold (new instance, LIMIT/OFFSET): ${m(p.cold.rawMs)} ms; creation hot: ${p.hot.create.samples} runs after 1 warm-up (each holds all ${formatInteger(p.totalRows)} rows)`,
      'ours keeps the whole result as JS values; a page is a slice of it, served without the engine',
    ],
  };
}

export function pinnedTable(figures: QueryBenchFigures): TextTable {
  const { pinned, queries } = figures;
  const pins = pinned.pins
    .map((p) => `${p.dataset} ${formatMs(p.ms)} ms (${formatMiB(p.bytes)} accounted)`)
    .join(', ');
  return {
    title: `Pinned in memory vs Parquet, hot p50 ms (${HOT_RUNS} runs, all columns interleaved)`,
    columns: [
      { header: 'query', align: 'left' },
      { header: 'ours Parquet' },
      { header: 'ours pinned' },
      { header: 'speed-up' },
      { header: 'raw Parquet' },
      { header: 'raw in-memory' },
      { header: 'raw speed-up' },
      { header: 'pinned ÷ raw in-memory' },
      { header: 'pinned − raw' },
      { header: 'first after pin' },
      { header: 'rows =' },
    ],
    rows: (Object.keys(queries) as QueryId[]).map((id) => {
      const q = pinned.queries[id]!;
      return [
        queries[id].label,
        formatMs(q.parquet.http.p50),
        formatMs(q.pinned.http.p50),
        formatRatio(q.parquet.http.p50 / q.pinned.http.p50),
        formatMs(q.parquet.raw.p50),
        formatMs(q.pinned.raw.p50),
        formatRatio(q.parquet.raw.p50 / q.pinned.raw.p50),
        formatRatio(q.pinned.http.p50 / q.pinned.raw.p50),
        formatDeltaMs(q.pinned.http.p50 - q.pinned.raw.p50),
        formatMs(pinned.firstAfterPinMs[id] ?? Number.NaN),
        yesNo(q.rowsMatch),
      ];
    }),
    notes: [
      `pinned via POST /query/cache/pin: ${pins}`,
      `raw in-memory: CREATE TABLE … AS SELECT * FROM read_parquet(…) of the same datasets, ${formatMs(pinned.rawMaterialiseMs)} ms in all`,
      'ours over HTTP; ours Parquet: a twin server on the same data directory with nothing pinned',
      'speed-up = Parquet p50 ÷ pinned p50; the five paths take turns run by run, so they share the machine’s load',
      'first after pin: the join runs first and recompiles the namespace; the others are each query’s first pinned run',
    ],
  };
}

export function loadTable(figures: QueryBenchFigures, seconds: number): TextTable {
  const row = (target: string, clients: string, load: LoadResult): string[] => [
    target,
    clients,
    formatInteger(load.requests),
    formatCount(load.requestsPerSecond),
    formatMs(load.latency.p50),
    formatMs(load.latency.p99),
    formatInteger(load.errors),
  ];
  const { load, pinned } = figures;
  const http = `${LOAD_CONNECTIONS} HTTP`;
  const inProcess = `${QUERY_CONCURRENCY} in process`;
  return {
    title: `Load: closed loop for ${seconds} s, one candidate by a random id ($1 parameter)`,
    columns: [
      { header: 'target', align: 'left' },
      { header: 'clients', align: 'left' },
      { header: 'requests' },
      { header: 'req/s' },
      { header: 'p50 ms' },
      { header: 'p99 ms' },
      { header: 'errors' },
    ],
    rows: [
      row('GET /health (HTTP only)', http, load.health),
      row('ours: point query, Parquet', http, load.point),
      row('ours: point query, pinned', http, pinned.load.http),
      row('raw: point query, Parquet', inProcess, load.rawPoint),
      row('raw: point query, in-memory', inProcess, pinned.load.raw),
    ],
    notes: [
      `HTTP: a separate load-generator process, node:http keep-alive agent, ${LOAD_CONNECTIONS} connections, loopback`,
      `raw: as many DuckDB connections as our server runs queries at once (${QUERY_CONCURRENCY}), no HTTP: the engine ceiling`,
      `ours queues what exceeds ${QUERY_CONCURRENCY} running queries: latency at ${LOAD_CONNECTIONS} clients includes that wait`,
    ],
  };
}

export function breakdownTable(
  title: string,
  breakdown: Readonly<Record<string, Breakdown>>,
): TextTable {
  const ids = Object.keys(breakdown);
  return {
    title,
    columns: [{ header: 'step', align: 'left' }, ...ids.map((id) => ({ header: id }))],
    rows: [
      ...STEPS.map((step) => [
        STEP_LABELS[step],
        ...ids.map((id) => formatMs(breakdown[id][step])),
      ]),
      [
        'HTTP − in process (auth, routing, JSON, socket)',
        ...ids.map((id) => formatDeltaMs(breakdown[id].http - breakdown[id].direct)),
      ],
      [
        'in process − raw',
        ...ids.map((id) => formatDeltaMs(breakdown[id].direct - breakdown[id].raw)),
      ],
    ],
    notes: [
      'each step timed alone, median of 10 runs after 2 warm-ups; indented steps are parts of the line above',
      'guard and run are timed inside a session bound to the caller namespace, as QueryService runs them',
    ],
  };
}
