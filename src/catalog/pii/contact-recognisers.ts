// Pragmatic rather than RFC 5322: local part, one @, dot-separated domain ending in a 2+ letter TLD.
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}$/i;

// North American numbers need separators or parentheses: a bare 10-digit string is as likely an id.
// (303) 555-0142, 303-555-0142, 303.555.0142, +1 303 555 0142, 1-303-555-0142
const NORTH_AMERICAN_PHONE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

// Anything else must announce itself with +: E.164 `+4915112345678`, grouped `+44 20 7946 0958`.
const INTERNATIONAL_PHONE = /^\+\d[\d ().-]*\d$/;

const EXTENSION = /\s*(?:x|ext\.?)\s*\d{1,5}$/i;

const MIN_PHONE_DIGITS = 10;
const MAX_PHONE_DIGITS = 15; // E.164 maximum

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && text.includes('@') && EMAIL.test(text);
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}

// A cheap first-character test that rejects most non-phone values before any regex runs.
function startsLikePhone(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 43 /* + */ || first === 40 /* ( */ || (first >= 48 && first <= 57);
}

/** Phone numbers with 10–15 digits; years, plain integers, decimals and dates never qualify. */
export function isPhoneNumber(text: string): boolean {
  if (text.length < MIN_PHONE_DIGITS || text.length > 30 || !startsLikePhone(text)) return false;
  const number = text.replace(EXTENSION, '');
  const digits = countDigits(number);
  if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) return false;
  return NORTH_AMERICAN_PHONE.test(number) || INTERNATIONAL_PHONE.test(number);
}

// Unanchored versions for finding contact details inside prose (resumes, notes). Parts are
// length-bounded (RFC 5321 limits) so a pathological value cannot make the search quadratic.
const EMAIL_IN_TEXT = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/;
const PHONE_IN_TEXT =
  /(?<!\d)(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)|\+[1-9]\d{9,14}(?!\d)/;

export function containsContactDetails(text: string): boolean {
  return (text.includes('@') && EMAIL_IN_TEXT.test(text)) || PHONE_IN_TEXT.test(text);
}
