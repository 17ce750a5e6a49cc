import type { SeededRandom } from './random.js';
import { GENERIC_FILLERS, VERTICAL_FILLERS } from './resume-fillers.js';
import type { ResumeFacts, Sentence } from './resume-phrases.js';
import { OPENINGS, PRAISE, SKILL_SENTENCES } from './resume-phrases.js';

export const RESUME_MIN_WORDS = 60;
export const RESUME_MAX_WORDS = 120;
const PRAISE_SHARE = 0.3;
/** A few resumes keep the line break of a pasted document, to exercise quoted newlines. */
const LINE_BREAK_SHARE = 0.05;

const FILLERS_BY_VERTICAL = new Map<string, readonly Sentence[]>(
  Object.entries(VERTICAL_FILLERS).map(([vertical, texts]) => [
    vertical,
    [
      ...GENERIC_FILLERS,
      ...texts.map(
        (text): Sentence =>
          () =>
            text,
      ),
    ],
  ]),
);

/**
 * A plausible resume summary of RESUME_MIN_WORDS to RESUME_MAX_WORDS words: an opening,
 * the candidate's skills, then shuffled filler sentences until a random target length.
 */
export function writeResume(facts: ResumeFacts, random: SeededRandom): string {
  const targetWords = random.int(RESUME_MIN_WORDS, RESUME_MAX_WORDS);
  const opening = random.pick(OPENINGS)(facts, random);
  const body = [random.pick(SKILL_SENTENCES)(facts, random)];
  let words = countWords(opening) + countWords(body[0]);
  for (const filler of shuffledFillers(facts, random)) {
    if (words >= targetWords) break;
    const sentence = filler(facts, random);
    // Skip sentences that would overshoot. No sentence is as long as MAX - MIN words, so
    // while the text is under the minimum some sentence always fits.
    if (words + countWords(sentence) > RESUME_MAX_WORDS) continue;
    body.push(sentence);
    words += countWords(sentence);
  }
  const separator = random.chance(LINE_BREAK_SHARE) ? '\n' : ' ';
  return `${opening}${separator}${body.join(' ')}`;
}

function shuffledFillers(facts: ResumeFacts, random: SeededRandom): Sentence[] {
  const fillers = FILLERS_BY_VERTICAL.get(facts.vertical.name) ?? GENERIC_FILLERS;
  const praise = random.chance(PRAISE_SHARE) ? [random.pick(PRAISE)] : [];
  return random.shuffled([...fillers, ...praise]);
}

/** Sentences are single-spaced, so spaces separate words. */
function countWords(text: string): number {
  return text.split(' ').length;
}
