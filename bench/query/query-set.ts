import { demoTableSizes, type DemoScale } from '../../src/demo/index.js';

export type QueryId = 'join' | 'filter' | 'count' | 'point';

/** One query of the benchmark, run the same way through our API and through raw DuckDB. */
export interface BenchQuery {
  readonly id: QueryId;
  readonly label: string;
  readonly sql: string;
  /**
   * A point query returns one row after little engine work, so what it measures is our fixed
   * cost per query: its goal is absolute (raw + 5 ms), not a ratio.
   */
  readonly point: boolean;
  /** Datasets it reads (what must be pinned to serve it from memory). */
  readonly datasets: readonly string[];
}

export interface PagingQuery {
  readonly sql: string;
  readonly pageSize: number;
  /** The page fetched (1-based); the raw side reads the same rows with LIMIT/OFFSET. */
  readonly page: number;
  readonly rawSql: string;
}

/** The page the brief asks for at full scale; small scale has fewer pages, so its middle one. */
const FULL_SCALE_PAGE = 500;
const PAGE_SIZE = 100;

/**
 * 949 of 100,000 candidates at full scale (0.95 %), 56 of 5,000 at small: about 1 %, chosen
 * by counting the generated data (`state = 'CO' AND years_experience > 30` gives only 826).
 */
const FILTER_PREDICATE = "state = 'CO' AND years_experience > 29";

export function benchQueries(scale: DemoScale): BenchQuery[] {
  return [
    {
      id: 'join',
      label: 'join placements ⋈ candidates ⋈ clients',
      sql:
        'SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM placements p ' +
        'JOIN candidates ca USING (candidate_id) JOIN clients c ON c.client_id = p.client_id ' +
        'GROUP BY c.client_name ORDER BY revenue DESC LIMIT 20',
      point: false,
      datasets: ['placements', 'candidates', 'clients'],
    },
    {
      id: 'filter',
      label: 'candidates filter, ~1 % of rows',
      sql: `SELECT * FROM candidates WHERE ${FILTER_PREDICATE}`,
      point: false,
      datasets: ['candidates'],
    },
    {
      id: 'count',
      label: 'count(*) placements',
      sql: 'SELECT count(*) FROM placements',
      point: true,
      datasets: ['placements'],
    },
    {
      id: 'point',
      label: 'one candidate by id',
      sql: `SELECT * FROM candidates WHERE candidate_id = '${candidateId(middleCandidate(scale))}'`,
      point: true,
      datasets: ['candidates'],
    },
  ];
}

export function pagingQuery(scale: DemoScale): PagingQuery {
  const pages = Math.ceil(demoTableSizes(scale).placements / PAGE_SIZE);
  const page = Math.min(FULL_SCALE_PAGE, Math.floor(pages / 2));
  const sql = 'SELECT * FROM placements ORDER BY placement_id';
  return {
    sql,
    pageSize: PAGE_SIZE,
    page,
    rawSql: `${sql} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  };
}

/** The point query of the load test: the id arrives as a parameter, as from an application. */
export const POINT_BY_PARAM_SQL = 'SELECT * FROM candidates WHERE candidate_id = $1';

/** `count` candidate ids spread over the whole table by a fixed-seed generator (repeatable). */
export function randomCandidateIds(scale: DemoScale, count: number): string[] {
  const candidates = demoTableSizes(scale).candidates;
  let state = 0x2545f491; // xorshift32: deterministic, no dependency
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    ids.push(candidateId(((state >>> 0) % candidates) + 1));
  }
  return ids;
}

/** CAND-050000 at full scale (the brief's id), CAND-002500 at small. */
function middleCandidate(scale: DemoScale): number {
  return demoTableSizes(scale).candidates / 2;
}

/** The demo's id format: CAND- and six digits. */
function candidateId(n: number): string {
  return `CAND-${String(n).padStart(6, '0')}`;
}
