import { ROW_FILTER, SAFE_VIEW } from './setup.js';

/** The query benchmark's join: revenue per client over placements ⋈ candidates ⋈ clients. */
export const JOIN_SQL =
  'SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM placements p ' +
  'JOIN candidates ca USING (candidate_id) JOIN clients c ON c.client_id = p.client_id ' +
  'GROUP BY c.client_name ORDER BY revenue DESC LIMIT 20';

/** The same join with the analyst's row filter written by hand: the rows the analyst must get. */
export const JOIN_BY_HAND_SQL =
  'SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM placements p ' +
  'JOIN candidates ca USING (candidate_id) JOIN clients c ON c.client_id = p.client_id ' +
  `WHERE ca.${ROW_FILTER} GROUP BY c.client_name ORDER BY revenue DESC LIMIT 20`;

/** Revenue per client without candidates, over a given placements relation. */
export function clientRevenueSql(placements: string): string {
  return (
    `SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM ${placements} p ` +
    'JOIN clients c ON c.client_id = p.client_id ' +
    'GROUP BY c.client_name ORDER BY revenue DESC LIMIT 20'
  );
}

export const CLIENT_REVENUE_SQL = clientRevenueSql('placements');
export const VIEW_REVENUE_SQL = clientRevenueSql(SAFE_VIEW);

/** The five measured paths, in the order they take turns. */
export type PathId =
  'adminJoin' | 'analystJoin' | 'adminJoinByHand' | 'adminClients' | 'analystView';
