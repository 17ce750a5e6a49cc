import type { SeededRandom } from './random.js';
import type { Vertical } from './verticals.js';
import { weightedLabels } from './weighted-choice.js';

export const CANDIDATE_STATUS = weightedLabels({
  active: 25,
  available: 30,
  placed: 22,
  inactive: 18,
  do_not_contact: 5,
});

const MIN_SKILLS = 2;
const MAX_SKILLS = 6;
/** How strongly skill picks favour the front of a vertical's (most common first) list. */
const SKILL_SKEW = 1.8;

/** 2–6 distinct skills of the vertical, common ones more often. */
export function randomSkills(random: SeededRandom, vertical: Vertical): string[] {
  const wanted = random.int(MIN_SKILLS, Math.min(MAX_SKILLS, vertical.skills.length));
  const skills = new Set<string>();
  while (skills.size < wanted) {
    skills.add(vertical.skills[random.skewedInt(0, vertical.skills.length - 1, SKILL_SKEW)]);
  }
  return [...skills];
}

const MIN_RATE_CENTS = 1_500;
const MAX_RATE_CENTS = 12_000;
const MAX_YEARS = 40;

/**
 * An asking rate within the vertical's band, higher with experience, rounded to a quarter
 * dollar the way people state rates, and always within 15.00–120.00.
 */
export function randomHourlyRateCents(
  random: SeededRandom,
  vertical: Vertical,
  years: number,
): number {
  const { min, max } = vertical.payCents;
  const position = 0.6 * (years / MAX_YEARS) + 0.4 * random.next();
  const quarters = Math.round((min + (max - min) * position) / 25);
  return Math.min(MAX_RATE_CENTS, Math.max(MIN_RATE_CENTS, quarters * 25));
}

/** Working years fit the candidate's age: nobody starts before 18 or passes 40 years. */
export function randomYearsOfExperience(random: SeededRandom, age: number): number {
  return random.skewedInt(0, Math.max(0, Math.min(MAX_YEARS, age - 18)), 1.4);
}
