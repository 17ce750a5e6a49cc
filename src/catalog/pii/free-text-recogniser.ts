import { containsContactDetails } from './contact-recognisers.js';

// Prose, not a field: a resume, a recruiter's note, a cover letter.
const MIN_PROSE_LENGTH = 80;
const MIN_PROSE_WORDS = 10;

function isProse(text: string): boolean {
  if (text.length < MIN_PROSE_LENGTH) return false;
  let words = 1;
  for (let i = 0; i < text.length && words < MIN_PROSE_WORDS; i += 1) {
    if (text.charCodeAt(i) === 32) words += 1;
  }
  return words >= MIN_PROSE_WORDS;
}

/**
 * Prose that carries someone's e-mail address or phone number. Decision: free text (e.g.
 * `resume_text`) is flagged only when it contains contact details; prose without them is not
 * flagged, because its column name and shape alone say nothing reliable about a person.
 */
export function isProseWithContactDetails(text: string): boolean {
  return isProse(text) && containsContactDetails(text);
}
