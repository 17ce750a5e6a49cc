import { isStreetAddress } from './address-recogniser.js';
import { isPlausibleBirthDate } from './birth-date-recogniser.js';
import { isEmailAddress, isPhoneNumber } from './contact-recognisers.js';
import { isProseWithContactDetails } from './free-text-recogniser.js';
import { isCardNumber, isIpAddress, isSocialSecurityNumber } from './identifier-recognisers.js';
import { mentionsMedicalTerm } from './medical-terms.js';
import type { PiiKind } from './pii-category.js';

export interface RecognitionContext {
  /** The day ages are computed on. */
  readonly today: Date;
}

export interface ValueRule {
  readonly recognise: (text: string, context: RecognitionContext) => boolean;
  /** Share of sampled text values that must match before the values count as evidence. */
  readonly minShare: number;
  /** False when matching values prove nothing without a name hint (any adult's date passes). */
  readonly standsAlone: boolean;
  /** Caps the confidence of a verdict drawn from values alone. */
  readonly maxConfidence: number;
  /** Completes "N% of sampled values …". */
  readonly evidence: string;
}

const STRICT_SHAPE = { minShare: 0.8, standsAlone: true, maxConfidence: 0.95 } as const;

/** How values reveal each kind; `null` where values carry no reliable signal (reason given). */
export const VALUE_RULES: Record<PiiKind, ValueRule | null> = {
  email: { ...STRICT_SHAPE, recognise: isEmailAddress, evidence: 'look like e-mail addresses' },
  phone: { ...STRICT_SHAPE, recognise: isPhoneNumber, evidence: 'look like phone numbers' },
  ssn: { ...STRICT_SHAPE, recognise: isSocialSecurityNumber, evidence: 'look like SSNs' },
  national_id: null, // formats differ per country; recognised by column name only
  card_number: {
    ...STRICT_SHAPE,
    recognise: isCardNumber,
    evidence: 'are Luhn-valid card numbers',
  },
  bank_account: null, // bare digit strings, indistinguishable from ids
  date_of_birth: {
    ...STRICT_SHAPE,
    standsAlone: false,
    recognise: (text, context) => isPlausibleBirthDate(text, context.today),
    evidence: 'are dates giving an age of 16–100',
  },
  street_address: {
    ...STRICT_SHAPE,
    minShare: 0.6, // free-form: unit-only or suffix-less rows ("100 Broadway") are common
    recognise: isStreetAddress,
    evidence: 'look like street addresses',
  },
  person_name: null, // names are ordinary words
  username: null, // handles are ordinary words
  ip_address: { ...STRICT_SHAPE, recognise: isIpAddress, evidence: 'look like IP addresses' },
  salary: null, // values are plain numbers; only the name tells pay from any amount
  medical: {
    ...STRICT_SHAPE,
    minShare: 0.4, // notes mention a term in many rows, not all
    recognise: mentionsMedicalTerm,
    evidence: 'mention a medical condition, medication or procedure',
  },
  free_text_contact: {
    minShare: 0.25, // a resume column where a quarter of rows carry contact details is PII
    standsAlone: true,
    maxConfidence: 0.7, // the person is described, not structured: lower confidence by design
    recognise: isProseWithContactDetails,
    evidence: 'are prose containing an e-mail address or phone number',
  },
};
