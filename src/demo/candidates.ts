import {
  DEMO_AS_OF_DAY,
  dayOf,
  formatDay,
  formatTimestamp,
  randomSecondOfDay,
  wholeYearsBetween,
} from './calendar.js';
import {
  CANDIDATE_STATUS,
  randomHourlyRateCents,
  randomSkills,
  randomYearsOfExperience,
} from './candidate-profile.js';
import { csvLine } from './csv.js';
import { formatCents, zeroPad } from './format.js';
import { candidateId } from './ids.js';
import {
  emailLocalPart,
  randomPersonName,
  randomPhone,
  randomStreetAddress,
  randomZip,
} from './people.js';
import { CITY_CHOICE } from './places.js';
import type { SeededRandom } from './random.js';
import { writeResume } from './resume.js';
import { VERTICAL_INDEX_CHOICE, VERTICALS } from './verticals.js';

export const CANDIDATE_COLUMNS = [
  'candidate_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'street_address',
  'city',
  'state',
  'zip',
  'vertical',
  'skills',
  'years_experience',
  'status',
  'hourly_rate',
  'ssn_last4',
  'date_of_birth',
  'created_at',
  'resume_text',
] as const;

/** Placements match candidates to jobs of their vertical, so the vertical is planned first. */
export interface CandidatePlan {
  /** Index into VERTICALS, per candidate. */
  readonly verticalOf: Uint8Array;
  /** Candidate indexes per vertical index. */
  readonly byVertical: readonly Int32Array[];
}

export function planCandidates(count: number, random: SeededRandom): CandidatePlan {
  const verticalOf = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    verticalOf[index] = VERTICAL_INDEX_CHOICE.pick(random);
  }
  const byVertical = VERTICALS.map((_, vertical) =>
    Int32Array.from(indexesWhere(verticalOf, vertical)),
  );
  return { verticalOf, byVertical };
}

function* indexesWhere(values: Uint8Array, wanted: number): Generator<number> {
  for (let index = 0; index < values.length; index += 1) {
    if (values[index] === wanted) yield index;
  }
}

const OLDEST_BIRTH_DAY = dayOf('1958-01-01');
const YOUNGEST_BIRTH_DAY = dayOf('2006-06-01');
const FIRST_CREATED_DAY = dayOf('2015-01-05');
/** Reserved example domains: these addresses can never reach a real inbox. */
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'];

export function* candidateRows(plan: CandidatePlan, random: SeededRandom): Generator<string> {
  for (let index = 0; index < plan.verticalOf.length; index += 1) {
    yield candidateLine(index, plan.verticalOf[index], random);
  }
}

function candidateLine(index: number, verticalIndex: number, random: SeededRandom): string {
  const vertical = VERTICALS[verticalIndex];
  const name = randomPersonName(random);
  const city = CITY_CHOICE.pick(random);
  const birthDay = random.int(OLDEST_BIRTH_DAY, YOUNGEST_BIRTH_DAY);
  const years = randomYearsOfExperience(random, wholeYearsBetween(birthDay, DEMO_AS_OF_DAY));
  const skills = randomSkills(random, vertical);
  return csvLine([
    candidateId(index),
    name.first,
    name.last,
    // The sequence number makes the address unique even when names repeat.
    `${emailLocalPart(name)}${index + 1}@${random.pick(EMAIL_DOMAINS)}`,
    randomPhone(random, city),
    randomStreetAddress(random),
    city.name,
    city.state,
    randomZip(random, city),
    vertical.name,
    skills.join(';'),
    years,
    CANDIDATE_STATUS.pick(random),
    formatCents(randomHourlyRateCents(random, vertical, years)),
    zeroPad(random.int(1, 9999), 4),
    formatDay(birthDay),
    formatTimestamp(random.int(FIRST_CREATED_DAY, DEMO_AS_OF_DAY - 1), randomSecondOfDay(random)),
    writeResume({ vertical, skills, years, city }, random),
  ]);
}
