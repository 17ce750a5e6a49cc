import type { SqlCaller } from './client.js';
import { ROW_FILTER, SAFE_VIEW } from './setup.js';

/**
 * Whether two (client_name, revenue) results hold the same rows in the same order: names equal,
 * revenues equal to 1e-9 relative (a sum of floating products may be added up in another order).
 */
export function sameRevenueRows(a: readonly unknown[][], b: readonly unknown[][]): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i]!;
    const x = Number(row[1]);
    const y = Number(other[1]);
    return (
      row[0] === other[0] &&
      Number.isFinite(x) &&
      Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))
    );
  });
}

/** What the analyst sees, checked against the admin's view: proof the governance is engaged. */
export interface GovernanceProbe {
  readonly candidatesAdmin: number;
  readonly candidatesAnalyst: number;
  readonly candidatesAdminFiltered: number;
  readonly emailMasked: boolean;
  readonly phoneHashed: boolean;
  readonly payRateNulled: boolean;
  readonly viewIdHashed: boolean;
  readonly sampleEmail: string;
  /** All of the above as expected. */
  readonly ok: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function probeGovernance(
  admin: SqlCaller,
  analyst: SqlCaller,
): Promise<GovernanceProbe> {
  const one = async (caller: SqlCaller, sql: string): Promise<unknown[]> =>
    (await caller.sql(sql)).answer.rows[0] ?? [];
  const count = 'SELECT count(*) FROM candidates';
  const candidatesAdmin = Number((await one(admin, count))[0]);
  const candidatesAnalyst = Number((await one(analyst, count))[0]);
  const candidatesAdminFiltered = Number((await one(admin, `${count} WHERE ${ROW_FILTER}`))[0]);
  const [email, phone] = await one(
    analyst,
    'SELECT email, phone FROM candidates WHERE email IS NOT NULL AND phone IS NOT NULL LIMIT 1',
  );
  const payRates = Number((await one(analyst, 'SELECT count(pay_rate) FROM placements'))[0]);
  const [viewId] = await one(analyst, `SELECT candidate_id FROM ${SAFE_VIEW} LIMIT 1`);
  const sampleEmail = String(email);
  const probe = {
    candidatesAdmin,
    candidatesAnalyst,
    candidatesAdminFiltered,
    emailMasked: /^.\*+.{4}$/.test(sampleEmail),
    phoneHashed: SHA256_HEX.test(String(phone)),
    payRateNulled: payRates === 0,
    viewIdHashed: SHA256_HEX.test(String(viewId)),
    sampleEmail,
  };
  const ok =
    candidatesAnalyst < candidatesAdmin &&
    candidatesAnalyst === candidatesAdminFiltered &&
    probe.emailMasked &&
    probe.phoneHashed &&
    probe.payRateNulled &&
    probe.viewIdHashed;
  return { ...probe, ok };
}
