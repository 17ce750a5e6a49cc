import { zeroPad } from './format.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import type { City } from './places.js';
import { STREET_NAMES, STREET_SUFFIXES } from './places.js';
import type { SeededRandom } from './random.js';
import { weightedLabels } from './weighted-choice.js';

/** Contact details shared by recruiters and candidates. */
export interface PersonName {
  readonly first: string;
  readonly last: string;
}

export function randomPersonName(random: SeededRandom): PersonName {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}

/** "José O'Brien" → "jose.obrien": accents folded, anything but letters dropped. */
export function emailLocalPart(name: PersonName): string {
  return `${asciiLetters(name.first)}.${asciiLetters(name.last)}`;
}

function asciiLetters(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const PHONE_STYLE = weightedLabels({ parenthesized: 70, dashed: 15, dotted: 10, international: 5 });

/**
 * A number in the city's area code on the 555 exchange, which is not handed out to real
 * subscribers, written in one of the formats people actually type.
 */
export function randomPhone(random: SeededRandom, city: City): string {
  const line = zeroPad(random.int(100, 9999), 4);
  switch (PHONE_STYLE.pick(random)) {
    case 'parenthesized':
      return `(${city.areaCode}) 555-${line}`;
    case 'dashed':
      return `${city.areaCode}-555-${line}`;
    case 'dotted':
      return `${city.areaCode}.555.${line}`;
    case 'international':
      return `+1 ${city.areaCode} 555 ${line}`;
  }
}

/** "1234 Maple St", sometimes with a unit after a comma, which exercises CSV quoting. */
export function randomStreetAddress(random: SeededRandom): string {
  const street = `${random.int(100, 9999)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`;
  if (!random.chance(0.15)) return street;
  return `${street}, Apt ${random.int(1, 40)}${random.pick(['', 'A', 'B', 'C'])}`;
}

export function randomZip(random: SeededRandom, city: City): string {
  return `${city.zipPrefix}${zeroPad(random.int(1, 99), 2)}`;
}
