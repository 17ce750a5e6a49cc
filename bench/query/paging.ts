import type { LatencySummary } from '../support/percentile.js';
import { rawFirstQuery } from './cold.js';
import { interleaved, sameRows, timeMs } from './measure.js';
import type { OursHttp } from './ours-http.js';
import { withQueryServer } from './query-app.js';
import type { PagingQuery } from './query-set.js';
import { RawDuckDb, type DatasetFiles } from './raw-duckdb.js';

/**
 * Creating a paged query materialises its whole result in the server (1M rows at full scale,
 * seconds each): a few runs are enough to see its cost, and more would only hold more memory.
 */
const CREATE_RUNS = 3;
const CREATE_WARMUPS = 1;

export interface PagingFigures {
  readonly totalRows: number;
  readonly page: number;
  readonly pageSize: number;
  /** The page ours served holds the same rows as raw LIMIT/OFFSET. */
  readonly rowsMatch: boolean;
  readonly cold: {
    /** POST /query/paged as the first query of a fresh server. */
    readonly createMs: number[];
    /** The first page fetch after it. */
    readonly fetchMs: number[];
    /** Raw LIMIT/OFFSET on a new instance (views + query). */
    readonly rawMs: number[];
  };
  readonly hot: {
    readonly create: LatencySummary;
    readonly fetch: LatencySummary;
    /** Raw `… LIMIT 100 OFFSET n`: the same page, computed per request. */
    readonly raw: LatencySummary;
    /** Raw, the whole ordered result as JSON values: the least work a paged query must do. */
    readonly rawFull: LatencySummary;
  };
}

/**
 * Paging, on servers of its own: each repeat starts one (its first paged query is the cold
 * figure); the last one stays for the hot figures.
 */
export async function benchPaging(
  dataDir: string,
  files: DatasetFiles,
  paging: PagingQuery,
  repeat: number,
): Promise<PagingFigures> {
  const cold = { createMs: [] as number[], fetchMs: [] as number[], rawMs: [] as number[] };
  let result: Omit<PagingFigures, 'cold'> | undefined;
  for (let run = 0; run < repeat; run += 1) {
    cold.rawMs.push(await rawFirstQuery(files, paging.rawSql));
    result = await withQueryServer(dataDir, async (_app, ours) => {
      const created = await ours.paged(paging.sql, paging.pageSize);
      const fetched = await ours.page(created.answer.query_id, paging.page, paging.pageSize);
      cold.createMs.push(created.ms);
      cold.fetchMs.push(fetched.ms);
      return run === repeat - 1 ? hotPaging(ours, files, paging) : undefined;
    });
  }
  if (!result) throw new Error('paging needs at least one run');
  return { ...result, cold };
}

async function hotPaging(
  ours: OursHttp,
  files: DatasetFiles,
  paging: PagingQuery,
): Promise<Omit<PagingFigures, 'cold'>> {
  const raw = await RawDuckDb.open(files);
  try {
    let queryId = '';
    let totalRows = 0;
    const creation = await interleaved(
      {
        create: async () => {
          const created = await ours.paged(paging.sql, paging.pageSize);
          queryId = created.answer.query_id;
          totalRows = created.answer.total_rows;
          return created.ms;
        },
        rawFull: () => timeMs(() => raw.rows(paging.sql)),
      },
      { runs: CREATE_RUNS, warmups: CREATE_WARMUPS },
    );
    const oursPage = (await ours.page(queryId, paging.page, paging.pageSize)).answer.rows;
    const rawPage = await raw.rows(paging.rawSql);
    const fetching = await interleaved({
      fetch: async () => (await ours.page(queryId, paging.page, paging.pageSize)).ms,
      raw: () => timeMs(() => raw.rows(paging.rawSql)),
    });
    return {
      totalRows,
      page: paging.page,
      pageSize: paging.pageSize,
      rowsMatch: rawPage.length === paging.pageSize && sameRows(oursPage, rawPage),
      hot: { ...creation, ...fetching },
    };
  } finally {
    raw.close();
  }
}
