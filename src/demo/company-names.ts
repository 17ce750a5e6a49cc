import type { Industry } from './companies.js';
import { LEGAL_SUFFIXES, NAME_PREFIXES } from './companies.js';
import type { City } from './places.js';
import type { SeededRandom } from './random.js';
import { WeightedChoice } from './weighted-choice.js';

const SUFFIX_CHOICE = new WeightedChoice(LEGAL_SUFFIXES, (suffix) => suffix.weight);
const ATTEMPTS_BEFORE_QUALIFYING = 10;

/**
 * "Summit Fabrication, Inc.". Client names are unique, as they would be in a CRM; when the
 * random draws keep colliding the city is worked in ("Summit Fabrication of Denver, LLC").
 */
export function uniqueCompanyName(
  random: SeededRandom,
  industry: Industry,
  city: City,
  taken: Set<string>,
): string {
  for (let attempt = 0; ; attempt += 1) {
    const qualifier = attempt < ATTEMPTS_BEFORE_QUALIFYING ? '' : ` of ${city.name}`;
    const name = `${randomStem(random, industry)}${qualifier}${SUFFIX_CHOICE.pick(random).text}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function randomStem(random: SeededRandom, industry: Industry): string {
  return `${random.pick(NAME_PREFIXES)} ${random.pick(industry.nameCores)}`;
}
