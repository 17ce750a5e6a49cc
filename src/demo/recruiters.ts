import { dayOf, formatDay } from './calendar.js';
import { csvLine } from './csv.js';
import { recruiterId } from './ids.js';
import { emailLocalPart, randomPersonName, randomPhone } from './people.js';
import { OFFICE_CITIES } from './places.js';
import type { SeededRandom } from './random.js';

export const RECRUITER_COLUMNS = [
  'recruiter_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'office_city',
  'office_state',
  'hired_on',
] as const;

const FIRST_HIRE_DAY = dayOf('2008-03-01');
/** Before the first job posting, so every job's recruiter was on staff when it was posted. */
const LAST_HIRE_DAY = dayOf('2018-11-30');
const EMAIL_DOMAIN = 'summitstaffing.example';

/** Recruiters are employees, so their emails are firstname.lastname, numbered on clashes. */
export function* recruiterRows(count: number, random: SeededRandom): Generator<string> {
  const takenEmails = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const name = randomPersonName(random);
    const office = random.pick(OFFICE_CITIES);
    yield csvLine([
      recruiterId(index),
      name.first,
      name.last,
      claimEmail(emailLocalPart(name), takenEmails),
      randomPhone(random, office),
      office.name,
      office.state,
      formatDay(random.int(FIRST_HIRE_DAY, LAST_HIRE_DAY)),
    ]);
  }
}

function claimEmail(localPart: string, taken: Set<string>): string {
  let candidate = localPart;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${localPart}${suffix}`;
  taken.add(candidate);
  return `${candidate}@${EMAIL_DOMAIN}`;
}
