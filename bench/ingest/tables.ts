import {
  formatCount,
  formatInteger,
  formatMB,
  formatMiB,
  formatRate,
  formatRatio,
  formatSeconds,
  formatSignedMiB,
} from '../support/format.js';
import type { RssFigures } from '../support/rss.js';
import type { TextColumn, TextTable } from '../support/table.js';
import type { TableFigures } from './bench-table.js';
import type { FileProbe } from './rss-probes.js';
import type { IngestTotals, PathTotal } from './totals.js';

const PATHS = ['raw', 'http', 'direct'] as const;
const LABEL = { raw: 'raw', http: 'ours HTTP', direct: 'ours direct' } as const;

/** Seconds and throughput per path, with ours ÷ raw (the same for rows/s and MB/s). */
export function throughputTable(tables: readonly TableFigures[], totals: IngestTotals): TextTable {
  const columns: TextColumn[] = [
    { header: 'table', align: 'left' },
    { header: 'rows' },
    { header: 'CSV MB' },
    ...PATHS.map((p) => ({ header: `${LABEL[p]} s` })),
    ...PATHS.map((p) => ({ header: `${LABEL[p]} rows/s` })),
    ...PATHS.map((p) => ({ header: `${LABEL[p]} MB/s` })),
    { header: 'HTTP ÷ raw' },
    { header: 'direct ÷ raw' },
    { header: 'rows =' },
  ];
  const row = (
    name: string,
    rows: number,
    bytes: number,
    figures: Record<(typeof PATHS)[number], Omit<PathTotal, 'peakRssBytes' | 'maxDeltaRssBytes'>>,
    match: boolean,
  ): string[] => [
    name,
    formatInteger(rows),
    formatMB(bytes),
    ...PATHS.map((p) => formatSeconds(figures[p].seconds)),
    ...PATHS.map((p) => formatCount(figures[p].rowsPerSecond)),
    ...PATHS.map((p) => formatRate(figures[p].mbPerSecond)),
    formatRatio(figures.raw.seconds / figures.http.seconds),
    formatRatio(figures.raw.seconds / figures.direct.seconds),
    match ? 'yes' : 'NO',
  ];
  return {
    title: 'CSV → Parquet (zstd): raw DuckDB vs ours',
    columns,
    rows: [
      ...tables.map((t) => row(t.table, t.rows, t.csvBytes, t, t.rowsMatch)),
      row('total', totals.rows, totals.csvBytes, totals, totals.rowsMatch),
    ],
    notes: [
      'ratio = ours throughput ÷ raw throughput (1.00× = as fast as DuckDB alone); MB = 10^6 bytes of CSV',
      'raw: fresh DuckDB instance, default read_csv, COPY only; ours HTTP: POST /ingest/file, first byte sent → response',
      'ours direct: describeLocalFile + IngestService.ingestStaged, in process',
      'rows =: raw COPY count, our rows_written and the catalog row count all agree',
    ],
  };
}

/** Peak RSS of the whole process during each path, and what each added to its starting RSS. */
export function memoryTable(tables: readonly TableFigures[], totals: IngestTotals): TextTable {
  const cell = (rss: { peakBytes: number; deltaBytes: number }): string =>
    `${formatMiB(rss.peakBytes)} (${formatSignedMiB(rss.deltaBytes)})`;
  return {
    title: 'Peak RSS of the bench process per path (Δ: added to the RSS at the start of that path)',
    columns: [
      { header: 'table', align: 'left' },
      { header: 'CSV MB' },
      ...PATHS.map((p) => ({ header: `${LABEL[p]} peak (Δ MiB)` })),
    ],
    rows: [
      ...tables.map((t) => [t.table, formatMB(t.csvBytes), ...PATHS.map((p) => cell(t[p].rss))]),
      [
        'max',
        formatMB(totals.csvBytes),
        ...PATHS.map(
          (p) =>
            `${formatMiB(totals[p].peakRssBytes)} (${formatSignedMiB(totals[p].maxDeltaRssBytes)})`,
        ),
      ],
    ],
    notes: [
      'one process holds the raw DuckDB instance (opened and closed per file), our server and the HTTP client',
      'peak: VmHWM reset at the start of each path, and 50 ms polling of RSS; the worst of all runs',
      'memory freed by one path is often kept by the allocator and reused by the next: see the probe table',
    ],
  };
}

/** Peak RSS of a fresh process doing one conversion: nothing inherited from earlier work. */
export function probeTable(
  title: string,
  probes: readonly FileProbe[],
  notes: string[],
): TextTable {
  const cell = (rss: RssFigures): string =>
    `${formatMiB(rss.peakBytes)} (${formatSignedMiB(rss.deltaBytes)})`;
  // Only the size series carries sniff probes; a table without them gets no sniff columns.
  const withSniff = probes.every((p) => p.sniff !== undefined);
  const sniffCells = (p: FileProbe): string[] =>
    withSniff && p.sniff
      ? [
          formatSignedMiB(p.sniff.sniffWhole.deltaBytes),
          formatSignedMiB(p.sniff.sniffSample.deltaBytes),
        ]
      : [];
  return {
    title,
    columns: [
      { header: 'table', align: 'left' },
      { header: 'probed as', align: 'left' },
      { header: 'rows' },
      { header: 'CSV MB' },
      { header: 'bytes/row' },
      ...PATHS.map((p) => ({ header: `${LABEL[p]} peak (Δ MiB)` })),
      ...(withSniff
        ? [{ header: 'sniff whole file Δ MiB' }, { header: 'sniff 20,480 rows Δ MiB' }]
        : []),
    ],
    rows: probes.map((p) => [
      p.table,
      p.label,
      formatInteger(p.rows),
      formatMB(p.csvBytes),
      formatRate(p.csvBytes / p.rows),
      ...PATHS.map((name) => cell(p[name])),
      ...sniffCells(p),
    ]),
    notes: [
      'one fresh process per cell; start-up (Node.js, DuckDB, for ours the app) is in the peak, not in Δ',
      ...(withSniff
        ? [
            'sniff: only the DESCRIBE of our CSV reader, whole file (the fallback path) vs 20,480 rows (the fast path)',
          ]
        : []),
      ...notes,
    ],
  };
}
