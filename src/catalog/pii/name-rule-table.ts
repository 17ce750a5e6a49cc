import type { PiiKind } from './pii-category.js';

export interface NameRule {
  readonly kind: PiiKind;
  /** Word sequences (space-separated) that mark the column wherever they occur in its name. */
  readonly phrases: readonly string[];
  /** Words that cancel the rule: an `ip_address` is not a street address. */
  readonly unless?: readonly string[];
  /** Match only when the phrase is the entire name; for words too ambiguous as a part. */
  readonly wholeNameOnly?: boolean;
  readonly confidence: number;
}

/**
 * Checked in order; the first match wins, so specific rules come before general ones
 * (`ip_address` and `email_address` before `address`).
 *
 * Decisions:
 * - `username`/`user_name` is PII: a login handle usually embeds the person's name or e-mail
 *   and identifies them across systems. `user_id`, `candidate_id` and other surrogate keys are
 *   pseudonymous and not flagged.
 * - `name` alone is assumed to be a person (a people-data lakehouse errs towards protecting),
 *   at lower confidence. `name` qualified by anything but a person word is not: `client_name`,
 *   `company_name`, `file_name`, `job_name`, `table_name`, `product_name`.
 * - `city`, `state`, `zip`, `postal_code`, `country` are coarse location, not PII here: they
 *   only identify someone combined with other columns (zip + birth date + sex), a table-level
 *   re-identification risk this column-level detector does not judge.
 */
export const NAME_RULES: readonly NameRule[] = [
  { kind: 'ip_address', phrases: ['ip', 'ipaddress', 'ipv 4', 'ipv 6'], confidence: 0.85 },
  { kind: 'email', phrases: ['email', 'e mail', 'emailaddress'], confidence: 0.9 },
  { kind: 'ssn', phrases: ['ssn', 'social security', 'socialsecurity'], confidence: 0.95 },
  {
    kind: 'national_id',
    phrases: [
      'sin',
      'national id',
      'nationalid',
      'national insurance',
      'passport',
      'id card',
      'drivers license',
      'driver license',
      'driving licence',
      'tax id',
    ],
    confidence: 0.85,
  },
  {
    kind: 'card_number',
    phrases: ['card number', 'cardnumber', 'credit card', 'debit card', 'cc number'],
    confidence: 0.9,
  },
  {
    kind: 'bank_account',
    phrases: ['bank account', 'bankaccount', 'iban', 'routing number', 'sort code'],
    confidence: 0.9,
  },
  {
    kind: 'date_of_birth',
    phrases: [
      'dob',
      'date of birth',
      'birth date',
      'birthdate',
      'birthday',
      'birth year',
      'year of birth',
    ],
    confidence: 0.9,
  },
  { kind: 'phone', phrases: ['phone', 'telephone', 'phonenumber'], confidence: 0.9 },
  { kind: 'phone', phrases: ['mobile', 'cell', 'cellphone', 'fax', 'tel'], confidence: 0.75 },
  { kind: 'username', phrases: ['username', 'user name', 'login name'], confidence: 0.75 },
  {
    kind: 'person_name',
    phrases: [
      ...['first', 'last', 'full', 'given', 'middle', 'maiden', 'family'].map((w) => `${w} name`),
      ...['legal', 'preferred', 'nick', 'person', 'contact'].map((w) => `${w} name`),
      ...['candidate', 'employee', 'worker', 'contractor', 'applicant'].map((w) => `${w} name`),
      'surname',
      'firstname',
      'lastname',
      'fullname',
      'givenname',
      'middlename',
      'nickname',
    ],
    confidence: 0.9,
  },
  { kind: 'person_name', phrases: ['name'], wholeNameOnly: true, confidence: 0.6 },
  {
    kind: 'street_address',
    phrases: ['address', 'addr', 'street', 'po box'],
    unless: ['mac', 'web', 'url', 'wallet'], // device and online addresses
    confidence: 0.85,
  },
  // Bill rates are included: a client's price for a worker is commercially sensitive and, less a
  // known markup, reveals the worker's pay.
  {
    kind: 'salary',
    phrases: [
      ...['salary', 'salaries', 'wage', 'wages', 'compensation', 'income', 'payrate', 'billrate'],
      ...['pay rate', 'hourly rate', 'bill rate', 'overtime rate', 'ot rate'],
      ...['base pay', 'gross pay', 'net pay', 'annual pay'],
    ],
    confidence: 0.85,
  },
  {
    kind: 'medical',
    phrases: [
      ...['diagnosis', 'diagnoses', 'medical', 'medication', 'medications', 'health'],
      ...['allergy', 'allergies', 'disability', 'disabilities', 'icd', 'blood type'],
      ...['prescription', 'prescriptions', 'vaccination', 'immunization'],
      ...['drug screen', 'drug test'],
    ],
    confidence: 0.85,
  },
  // `condition` alone also names contract or weather conditions: weaker evidence.
  { kind: 'medical', phrases: ['condition', 'conditions'], confidence: 0.7 },
];
