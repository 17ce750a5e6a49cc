import { formatInteger, formatMB, formatRatio } from '../support/format.js';
import { median } from '../support/stats.js';
import type { TextTable } from '../support/table.js';
import { formatMs } from '../query/format-ms.js';
import { HOT_RUNS, WARMUPS } from '../query/measure.js';
import { REFERENCE_APPEND_SECONDS, type RowLevelFigures } from './figures.js';
import type { FreshPath } from './fresh-upserts.js';
import type { CompactionFigures } from './merge-round.js';
import type { QueryId } from './queries.js';
import { DELTA_FILES, TOMBSTONES } from './plan.js';

const FRESH_LABELS: Record<FreshPath, string> = {
  rawDelta: 'raw: CSV → delta Parquet (append, base untouched)',
  rawRewrite: 'raw: merge-rewrite of the base (ANTI JOIN + UNION ALL → 1 file)',
  http: 'ours: HTTP, CSV upload, mode=upsert',
  direct: 'ours: in process, IngestService.ingestStaged',
  rows: 'ours: HTTP, JSON POST …/rows',
};

export function freshTable(f: RowLevelFigures): TextTable {
  const p50 = (path: FreshPath): number => median(f.fresh[path]);
  const repeats = f.fresh.http.length;
  return {
    title:
      `Upsert ${formatInteger(f.batch.rows)} rows (${formatInteger(f.batch.updates)} updates + ` +
      `${formatInteger(f.batch.inserts)} new keys) into ${formatInteger(f.baseRows)} placements, ` +
      `each into the base alone, ms (median of ${repeats})`,
    columns: [
      { header: 'path', align: 'left' },
      { header: 'p50' },
      { header: 'min' },
      { header: 'max' },
      { header: '÷ raw delta' },
      { header: '÷ raw rewrite' },
      { header: `÷ ${REFERENCE_APPEND_SECONDS} s ref.` },
    ],
    rows: (Object.keys(FRESH_LABELS) as FreshPath[]).map((path) => [
      FRESH_LABELS[path],
      formatMs(p50(path)),
      formatMs(Math.min(...f.fresh[path])),
      formatMs(Math.max(...f.fresh[path])),
      path === 'rawDelta' ? '—' : formatRatio(p50(path) / p50('rawDelta')),
      path === 'rawRewrite' ? '—' : formatRatio(p50(path) / p50('rawRewrite')),
      formatRatio(p50(path) / (REFERENCE_APPEND_SECONDS * 1000)),
    ]),
    notes: [
      'before each of ours, placements is reset to its base file alone (mode=replace, untimed); raw takes its turn in the same repeat',
      `raw: @duckdb/node-api in this process, ${f.rawThreads} threads, on a copy of our base file; zstd, row groups of 16,384 as ours`,
    ],
  };
}

export function accumulatedTable(f: RowLevelFigures): TextTable {
  const rounds = f.rounds.length;
  const upserts = f.rounds[0]!.upserts;
  return {
    title: `The ${DELTA_FILES} upserts that build the deltas, ms (median of ${rounds} rounds)`,
    columns: [
      { header: 'upsert', align: 'left' },
      { header: 'deltas before' },
      { header: 'path', align: 'left' },
      { header: 'ours' },
      { header: 'raw delta' },
      { header: '÷ raw' },
    ],
    rows: upserts.map((u, i) => {
      const ours = median(f.rounds.map((r) => r.upserts[i]!.ms));
      const raw = median(f.rounds.map((r) => r.upserts[i]!.rawDeltaMs));
      return [
        String(u.index),
        String(u.index - 1),
        u.path === 'http' ? 'HTTP, CSV' : 'in process',
        formatMs(ours),
        formatMs(raw),
        formatRatio(ours / raw),
      ];
    }),
    notes: [
      `then ${formatInteger(TOMBSTONES)} keys tombstoned in one POST …/tombstones: ` +
        `${formatMs(median(f.rounds.map((r) => r.tombstoneMs)))} ms (median of ${rounds})`,
    ],
  };
}

const QUERY_LABELS: Record<QueryId, string> = {
  revenue: 'revenue per client (⋈ clients)',
  count: 'count(*)',
  point: 'one row by key',
};

export function queryTable(f: RowLevelFigures): TextTable | undefined {
  const q = f.rounds[0]?.queries;
  if (!q) return undefined;
  const rows = (Object.keys(QUERY_LABELS) as QueryId[]).flatMap((id) =>
    [q.before[id], q.after[id]].map((s, i) => [
      i === 0 ? QUERY_LABELS[id] : '',
      i === 0 ? `${DELTA_FILES} deltas + ${formatInteger(TOMBSTONES)} tombstones` : 'compacted',
      formatMs(s.ours.p50),
      formatMs(s.ours.p95),
      formatMs(s.raw.p50),
      formatMs(s.raw.p95),
      formatMs(s.rawOurSql.p50),
      formatRatio(s.ours.p50 / s.raw.p50),
      formatRatio(s.ours.p95 / s.raw.p95),
      formatRatio(s.ours.p50 / s.rawOurSql.p50),
      i === 0 ? formatRatio(s.ours.p50 / q.after[id].ours.p50) : '—',
      s.rowsMatch ? 'yes' : 'NO',
    ]),
  );
  return {
    title: `Queries over HTTP vs raw DuckDB on the same files, ms (hot: median and p95 of ${HOT_RUNS} runs after ${WARMUPS} warm-ups, paths in turn)`,
    columns: [
      { header: 'query', align: 'left' },
      { header: 'placements', align: 'left' },
      { header: 'ours p50' },
      { header: 'ours p95' },
      { header: 'raw p50' },
      { header: 'raw p95' },
      { header: 'raw our SQL p50' },
      { header: '÷ raw p50' },
      { header: '÷ raw p95' },
      { header: '÷ our SQL p50' },
      { header: '÷ compacted' },
      { header: 'rows =' },
    ],
    rows,
    notes: [
      'raw: base ANTI JOIN delta keys UNION ALL BY NAME latest delta rows (one scan, QUALIFY row_number() by file), ANTI JOIN a table of the tombstoned keys',
      'raw our SQL: the relation our catalog generates (a scan per delta, ranked) and our tombstone filter (CAST(key AS VARCHAR) NOT IN (SELECT …)), run on raw DuckDB',
      '÷ compacted: ours with deltas and tombstones ÷ ours after compaction (p50): what the deltas cost a reader',
      `results before = after compaction: ${sameAcrossCompaction(f) ? 'yes' : 'NO'}`,
    ],
  };
}

/** The compaction must not change what queries return. */
export function sameAcrossCompaction(f: RowLevelFigures): boolean {
  const q = f.rounds[0]?.queries;
  if (!q) return true;
  return (Object.keys(q.before) as QueryId[]).every(
    (id) => JSON.stringify(q.before[id].rows) === JSON.stringify(q.after[id].rows),
  );
}

export function compactionTable(f: RowLevelFigures): TextTable {
  const med = (pick: (c: CompactionFigures) => number): number =>
    median(f.rounds.map((r) => pick(r.compaction)));
  const rawCopy = med((c) => c.rawCopyMs);
  const steps = med((c) => c.rawOurSqlCopyMs + 2 * c.rawCountMs + c.rawBaseRewriteMs);
  const answer = f.rounds[0]!.compaction.answer;
  const row = (label: string, ms: number, ratio: boolean): string[] => [
    label,
    formatMs(ms),
    ratio ? formatRatio(ms / rawCopy) : '—',
  ];
  return {
    title: `Compaction of placements (base + ${DELTA_FILES} deltas + ${formatInteger(TOMBSTONES)} tombstones), ms (median of ${f.rounds.length})`,
    columns: [{ header: 'path', align: 'left' }, { header: 'ms' }, { header: '÷ raw COPY' }],
    rows: [
      row('raw: COPY (merged − tombstones) TO parquet zstd', rawCopy, false),
      row(
        'ours: POST …/compact over HTTP',
        med((c) => c.oursMs),
        true,
      ),
      row(
        'ours: duration_ms in its answer',
        med((c) => c.answer.duration_ms),
        true,
      ),
      row(
        'raw: the same COPY with our merge SQL',
        med((c) => c.rawOurSqlCopyMs),
        true,
      ),
      row(
        'raw: count(*) of the merged rows (recipe)',
        med((c) => c.rawCountMs),
        true,
      ),
      row(
        'raw: old base rewritten without the tombstoned keys',
        med((c) => c.rawBaseRewriteMs),
        true,
      ),
      row('raw: our SQL COPY + 2 × count + base rewrite', steps, true),
    ],
    notes: [
      `rows ${formatInteger(answer.rows_before)} → ${formatInteger(answer.rows_after)} (${formatInteger(answer.rows_dropped)} dropped), ` +
        `${formatMB(answer.bytes)} MB written, files_rewritten ${answer.files_rewritten} (older files holding an erased key)`,
      'the last row adds up the big steps ours takes (see docs/BENCHMARKS.md): write, count before and after, erase from the old base',
    ],
  };
}
