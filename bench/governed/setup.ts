import { BENCH_ADMIN_KEY } from '../support/bench-app.js';

/** The role the governed paths run as: read on every dataset by default (built in). */
export const ANALYST_ROLE = 'analyst';
export const SAFE_VIEW = 'placements_safe';
export const ROW_FILTER = "status <> 'do_not_contact'";

/** Each request the setup makes, in order, with the status it must answer. */
const SETUP: readonly { method: 'PUT' | 'POST'; path: string; body: unknown; status: number }[] = [
  {
    method: 'PUT',
    path: '/access/masks',
    body: {
      role: ANALYST_ROLE,
      dataset: 'candidates',
      column: 'email',
      kind: 'mask',
      keep_prefix: 1,
      keep_suffix: 4,
    },
    status: 200,
  },
  {
    method: 'PUT',
    path: '/access/masks',
    body: {
      role: ANALYST_ROLE,
      dataset: 'candidates',
      column: 'phone',
      kind: 'hash',
      keep_prefix: 1,
      keep_suffix: 4,
    },
    status: 200,
  },
  {
    method: 'PUT',
    path: '/access/masks',
    body: { role: ANALYST_ROLE, dataset: 'placements', column: 'pay_rate', kind: 'null' },
    status: 200,
  },
  {
    method: 'PUT',
    path: '/access/row-filters',
    body: { role: ANALYST_ROLE, dataset: 'candidates', predicate: ROW_FILTER },
    status: 200,
  },
  {
    method: 'POST',
    path: '/catalog/views',
    body: {
      name: SAFE_VIEW,
      dataset: 'placements',
      columns: ['placement_id', 'candidate_id', 'client_id', 'bill_rate', 'hours_worked'],
      redactions: { candidate_id: { kind: 'hash' } },
    },
    status: 201,
  },
  {
    method: 'POST',
    path: '/access/grants',
    body: { role: ANALYST_ROLE, object_type: 'view', object_name: SAFE_VIEW, privilege: 'read' },
    status: 201,
  },
];

/**
 * Masks, a row filter, an AI-safe view and its grant for the analyst role, and an analyst key,
 * all through the real API with the admin key. Returns the analyst key. Not timed, so plain
 * `fetch` (the bench HTTP client speaks only GET and POST).
 */
export async function setUpGovernance(baseUrl: string): Promise<string> {
  for (const step of SETUP)
    await adminCall(baseUrl, step.method, step.path, step.body, step.status);
  const key = await adminCall(
    baseUrl,
    'POST',
    '/access/keys',
    {
      name: 'bench analyst',
      roles: [ANALYST_ROLE],
    },
    201,
  );
  return (JSON.parse(key) as { key: string }).key;
}

async function adminCall(
  baseUrl: string,
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
  status: number,
): Promise<string> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}
