import { dayOf, formatTimestamp, randomSecondOfDay } from './calendar.js';
import type { Industry } from './companies.js';
import { INDUSTRIES } from './companies.js';
import { uniqueCompanyName } from './company-names.js';
import { csvLine } from './csv.js';
import { clientId, recruiterId } from './ids.js';
import type { City } from './places.js';
import { CITY_CHOICE } from './places.js';
import type { SeededRandom } from './random.js';
import { verticalIndexNamed } from './verticals.js';

export const CLIENT_COLUMNS = [
  'client_id',
  'client_name',
  'industry',
  'city',
  'state',
  'account_manager_id',
  'created_at',
] as const;

/** What later tables need to know about a client: jobs inherit its place and vertical. */
export interface ClientPlan {
  readonly industry: Industry;
  /** Index into VERTICALS. */
  readonly vertical: number;
  readonly city: City;
  /** Index of the recruiter who manages the account. */
  readonly accountManager: number;
}

const FIRST_CREATED_DAY = dayOf('2012-01-03');
/** Before the first job posting, so no job predates its client's record. */
const LAST_CREATED_DAY = dayOf('2018-12-14');

export function planClients(
  count: number,
  recruiterCount: number,
  random: SeededRandom,
): ClientPlan[] {
  return Array.from({ length: count }, () => {
    const industry = random.pick(INDUSTRIES);
    return {
      industry,
      vertical: verticalIndexNamed(industry.vertical),
      city: CITY_CHOICE.pick(random),
      accountManager: random.int(0, recruiterCount - 1),
    };
  });
}

export function* clientRows(plans: readonly ClientPlan[], random: SeededRandom): Generator<string> {
  const takenNames = new Set<string>();
  for (const [index, plan] of plans.entries()) {
    yield csvLine([
      clientId(index),
      uniqueCompanyName(random, plan.industry, plan.city, takenNames),
      plan.industry.name,
      plan.city.name,
      plan.city.state,
      recruiterId(plan.accountManager),
      formatTimestamp(random.int(FIRST_CREATED_DAY, LAST_CREATED_DAY), randomSecondOfDay(random)),
    ]);
  }
}
