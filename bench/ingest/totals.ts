import { megabytes } from '../support/format.js';
import { sum } from '../support/stats.js';
import type { PathName, TableFigures } from './bench-table.js';

export interface PathTotal {
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly mbPerSecond: number;
  readonly peakRssBytes: number;
  readonly maxDeltaRssBytes: number;
}

export interface IngestTotals {
  readonly rows: number;
  readonly csvBytes: number;
  readonly raw: PathTotal;
  readonly http: PathTotal;
  readonly direct: PathTotal;
  readonly rowsMatch: boolean;
}

/** All tables as one batch: throughput is total work over total time, not a mean of ratios. */
export function ingestTotals(tables: readonly TableFigures[]): IngestTotals {
  const rows = sum(tables.map((t) => t.rows));
  const csvBytes = sum(tables.map((t) => t.csvBytes));
  const total = (name: PathName): PathTotal => {
    const seconds = sum(tables.map((t) => t[name].seconds));
    return {
      seconds,
      rowsPerSecond: rows / seconds,
      mbPerSecond: megabytes(csvBytes) / seconds,
      peakRssBytes: Math.max(...tables.map((t) => t[name].rss.peakBytes)),
      maxDeltaRssBytes: Math.max(...tables.map((t) => t[name].rss.deltaBytes)),
    };
  };
  return {
    rows,
    csvBytes,
    raw: total('raw'),
    http: total('http'),
    direct: total('direct'),
    rowsMatch: tables.every((t) => t.rowsMatch),
  };
}
