import type { City } from './places.js';
import type { SeededRandom } from './random.js';
import type { Vertical } from './verticals.js';

/** What a resume is written from. */
export interface ResumeFacts {
  readonly vertical: Vertical;
  readonly skills: readonly string[];
  readonly years: number;
  readonly city: City;
}

/** A sentence template; sentences are single-spaced and end with punctuation. */
export type Sentence = (facts: ResumeFacts, random: SeededRandom) => string;

const ADJECTIVES = ['Dependable', 'Motivated', 'Detail-oriented', 'Safety-focused', 'Versatile'];

function yearsPhrase(years: number): string {
  if (years === 0) return 'less than a year';
  return years === 1 ? 'one year' : `${years} years`;
}

/** "a, b, and c": the commas are wanted, they exercise CSV quoting. */
function spokenList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

export const OPENINGS: readonly Sentence[] = [
  ({ vertical, years, city }, random) =>
    `${random.pick(ADJECTIVES)} ${vertical.field} professional with ${yearsPhrase(years)} of experience in the ${city.name} area.`,
  ({ vertical, years, city }) =>
    `Hard-working candidate from ${city.name}, ${city.state}, with ${yearsPhrase(years)} in ${vertical.field}.`,
  ({ vertical, years, city }) =>
    `${city.name}-based ${vertical.name} worker bringing ${yearsPhrase(years)} of hands-on experience to every assignment.`,
];

export const SKILL_SENTENCES: readonly Sentence[] = [
  ({ skills }) => `Core skills include ${spokenList(skills)}.`,
  ({ skills }) => `Key strengths: ${spokenList(skills)}.`,
  ({ skills }) => `Brings practical, job-ready experience with ${spokenList(skills)}.`,
];

/** Testimonials carry double quotes on purpose, to exercise quote escaping. */
export const PRAISE: readonly Sentence[] = [
  () => `One former supervisor put it simply: "If I could clone this worker, I would."`,
  () => `A client reference wrote: "Dependable, sharp, and never once late in two years."`,
  () => `Coworkers used the nickname "the fixer" for sorting out problems before anyone noticed.`,
  ({ vertical }) =>
    `A site manager noted: "One of the best ${vertical.name} people we have had, hands down."`,
];
