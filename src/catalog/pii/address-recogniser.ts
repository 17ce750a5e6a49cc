// USPS suffix abbreviations and their long forms, plus a few UK ones.
const STREET_SUFFIXES = [
  ...['street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd'],
  ...['drive', 'dr', 'lane', 'ln', 'court', 'ct', 'way', 'place', 'pl', 'terrace', 'ter'],
  ...['circle', 'cir', 'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq', 'trail', 'trl'],
  ...['plaza', 'plz', 'alley', 'aly', 'crescent', 'cres', 'close', 'loop', 'pike', 'mews'],
  ...['expressway', 'expy', 'freeway', 'fwy', 'route', 'rte', 'row', 'walk'],
];

// House number (1234, 12B, 12-14), one to five words, then a street suffix ending a word:
// `1234 Maple St`, `55 W. 3rd Avenue Apt 4`, `9 Elm Rd, Denver, CO 80202`.
const STREET_ADDRESS = new RegExp(
  `^\\d{1,6}[a-z]?(?:-\\d{1,4})?\\s+(?:[a-z0-9][\\w.'-]*\\s+){1,5}?(?:${STREET_SUFFIXES.join('|')})\\.?(?=$|[\\s,#])`,
  'i',
);
const PO_BOX = /^(?:p\.?\s?o\.?|post\s+office)\s*box\s+\d+/i;

// Longer values are prose that merely mentions a street, not an address field.
const MAX_ADDRESS_LENGTH = 120;

export function isStreetAddress(text: string): boolean {
  if (text.length > MAX_ADDRESS_LENGTH) return false;
  // A street address leads with its house number; anything else can only be a PO box.
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return STREET_ADDRESS.test(text);
  return PO_BOX.test(text);
}
