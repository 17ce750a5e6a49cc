import { describe, expect, it } from 'vitest';
import type { PiiKind } from '../../../src/catalog/pii/index.js';
import { matchColumnName } from '../../../src/catalog/pii/name-rules.js';

const POSITIVE_NAMES: Record<PiiKind, readonly string[]> = {
  email: ['email', 'e_mail', 'email_address', 'workEmail', 'EmailAddress', 'personal-email'],
  phone: ['phone', 'mobile', 'cell', 'telephone', 'fax', 'phone_number', 'homePhone'],
  ssn: ['ssn', 'SSN', 'social_security', 'social_security_number', 'ssn_last4', 'ssnLast4'],
  national_id: ['sin', 'national_id', 'passport', 'passport_number', 'drivers_license'],
  card_number: ['card_number', 'credit_card', 'creditCardNumber', 'debit_card'],
  bank_account: ['bank_account', 'iban', 'routing_number', 'bankAccountNumber'],
  date_of_birth: ['dob', 'DOB', 'date_of_birth', 'birth_date', 'birthdate', 'birthDate'],
  street_address: [
    'address',
    'street',
    'street_address',
    'addr_line',
    'address_line1',
    'home_address',
  ],
  person_name: ['first_name', 'last_name', 'full_name', 'surname', 'given_name', 'middle_name'],
  username: ['username', 'user_name', 'userName'],
  ip_address: ['ip_address', 'ip', 'client_ip', 'ipv4'],
  salary: ['salary', 'wage', 'pay_rate', 'hourly_rate', 'bill_rate', 'compensation', 'income'],
  medical: ['diagnosis', 'medical_notes', 'medication', 'condition', 'allergy', 'disability'],
  free_text_contact: [], // recognised from values only
};

const MORE_POSITIVES: readonly (readonly [string, PiiKind])[] = [
  ['maiden_name', 'person_name'],
  ['candidateName', 'person_name'],
  ['name', 'person_name'],
  ['health_insurance', 'medical'],
  ['icd10', 'medical'],
  ['prescription', 'medical'],
  ['blood_type', 'medical'],
  ['emergency_contact_phone', 'phone'],
];

/** Names that look close to a rule but must not match it (or any rule). */
const NEGATIVE_NAMES: Record<PiiKind, readonly string[]> = {
  email: ['mail_room', 'emailed'],
  phone: ['telemetry', 'hotel', 'cellar_count', 'excel_row'],
  ssn: ['session', 'lesson_plan'],
  national_id: ['single', 'sine_wave', 'passage'],
  card_number: ['card', 'scorecard', 'business_card_printed'],
  bank_account: ['bank', 'account_manager', 'riverbank'],
  date_of_birth: ['birth_country', 'created_at', 'start_date', 'hired_on', 'week_ending'],
  street_address: ['mac_address', 'web_address', 'wallet_address'],
  person_name: [
    'client_name',
    'company_name',
    'file_name',
    'job_name',
    'table_name',
    'product_name',
  ],
  username: ['user_id', 'users', 'user_count'],
  ip_address: ['zip', 'tip', 'ship_to', 'ipo_date'],
  salary: ['pay_period', 'pay_date', 'rate_card_id', 'payroll_batch'],
  medical: ['medicaid_eligible_flag', 'conditional', 'healthy'],
  free_text_contact: ['resume_text', 'notes'],
};

const NEVER_PII = [
  'candidate_id',
  'city',
  'state',
  'zip',
  'postal_code',
  'country',
  'vertical',
  'skills',
  'years_experience',
  'status',
  'created_at',
  'industry',
  'title',
  'approved',
];

describe('matchColumnName', () => {
  const kindsWithNameRules = Object.entries(POSITIVE_NAMES).filter(([, names]) => names.length > 0);

  describe.each(kindsWithNameRules)('%s', (kind, names) => {
    it.each(names)('matches %s', (name) => {
      expect(matchColumnName(name)?.kind).toBe(kind);
    });
  });

  it.each(MORE_POSITIVES)('matches %s as %s', (name, kind) => {
    expect(matchColumnName(name)?.kind).toBe(kind);
  });

  describe.each(Object.entries(NEGATIVE_NAMES))('not %s', (kind, names) => {
    it.each(names)('%s', (name) => {
      expect(matchColumnName(name)?.kind).not.toBe(kind);
    });
  });

  it.each(NEVER_PII)('does not flag %s', (name) => {
    expect(matchColumnName(name)).toBeUndefined();
  });

  it('prefers the specific rule: email_address is email, ip_address is ip', () => {
    expect(matchColumnName('email_address')?.kind).toBe('email');
    expect(matchColumnName('IPAddress')?.kind).toBe('ip_address');
  });

  it('reports the matched phrase and a lower confidence for ambiguous names', () => {
    expect(matchColumnName('workEmail')).toEqual({
      kind: 'email',
      phrase: 'email',
      confidence: 0.9,
    });
    expect(matchColumnName('name')!.confidence).toBeLessThan(
      matchColumnName('first_name')!.confidence,
    );
  });
});
