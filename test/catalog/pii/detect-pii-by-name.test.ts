import { describe, expect, it } from 'vitest';
import type { PiiCategory, PiiKind, Sensitivity } from '../../../src/catalog/pii/index.js';
import { detectPii } from '../../../src/catalog/pii/index.js';
import { TODAY, column } from './fixtures.js';

interface Expected {
  readonly name: string;
  readonly type: string;
  readonly category: PiiCategory;
  readonly sensitivity: Sensitivity;
}

const BY_NAME: Record<Exclude<PiiKind, 'free_text_contact'>, Expected> = {
  email: { name: 'email', type: 'VARCHAR', category: 'PII', sensitivity: 'confidential' },
  phone: { name: 'mobile', type: 'BIGINT', category: 'PII', sensitivity: 'confidential' },
  ssn: { name: 'ssn', type: 'VARCHAR', category: 'PII', sensitivity: 'restricted' },
  national_id: { name: 'passport_no', type: 'VARCHAR', category: 'PII', sensitivity: 'restricted' },
  card_number: {
    name: 'card_number',
    type: 'VARCHAR',
    category: 'Financial',
    sensitivity: 'restricted',
  },
  bank_account: { name: 'iban', type: 'VARCHAR', category: 'Financial', sensitivity: 'restricted' },
  date_of_birth: { name: 'dob', type: 'DATE', category: 'PII', sensitivity: 'confidential' },
  street_address: { name: 'street', type: 'VARCHAR', category: 'PII', sensitivity: 'confidential' },
  person_name: { name: 'surname', type: 'VARCHAR', category: 'PII', sensitivity: 'confidential' },
  username: { name: 'username', type: 'VARCHAR', category: 'PII', sensitivity: 'confidential' },
  ip_address: { name: 'ip_address', type: 'VARCHAR', category: 'PII', sensitivity: 'confidential' },
  salary: {
    name: 'salary',
    type: 'DECIMAL(12,2)',
    category: 'Financial',
    sensitivity: 'confidential',
  },
  medical: { name: 'diagnosis', type: 'VARCHAR', category: 'PHI', sensitivity: 'restricted' },
};

function detectOne(name: string, type: string, values: readonly unknown[] = []) {
  return detectPii([column(name, type, values)], { today: TODAY })[0]!;
}

describe('detectPii by column name', () => {
  it.each(Object.entries(BY_NAME))(
    'flags %s with its category and sensitivity',
    (kind, expected) => {
      const finding = detectOne(expected.name, expected.type);
      expect(finding).toMatchObject({
        column: expected.name,
        isPii: true,
        kind,
        category: expected.category,
        sensitivity: expected.sensitivity,
      });
      expect(finding.reasons[0]).toMatch(/^column name matches /);
    },
  );

  it.each([
    ['client_name', 'VARCHAR'],
    ['company_name', 'VARCHAR'],
    ['file_name', 'VARCHAR'],
    ['candidate_id', 'VARCHAR'],
    ['postal_code', 'VARCHAR'],
    ['mac_address', 'VARCHAR'],
    ['birth_country', 'VARCHAR'],
  ])('does not flag %s', (name, type) => {
    expect(detectOne(name, type)).toMatchObject({
      isPii: false,
      kind: null,
      category: null,
      sensitivity: 'internal',
    });
  });

  it.each([
    ['email_opt_in', 'BOOLEAN'],
    ['email_sent_at', 'TIMESTAMP'],
    ['address_count', 'INTEGER'],
    ['phone_verified', 'BOOL'],
    ['passport_expiry', 'DATE'],
  ])('vetoes %s because a %s column cannot hold that kind', (name, type) => {
    const finding = detectOne(name, type, [true, false, 1]);
    expect(finding.isPii).toBe(false);
    expect(finding.reasons[0]).toMatch(/cannot hold one/);
  });

  it('still treats a BOOLEAN health flag as PHI', () => {
    expect(detectOne('has_disability', 'BOOLEAN', [true, false])).toMatchObject({
      isPii: true,
      kind: 'medical',
    });
  });

  it('keeps the name verdict when values do not confirm it (ssn_last4 holds 4 digits)', () => {
    const finding = detectOne('ssn_last4', 'VARCHAR', ['6789', '1120', '4321', '0001']);
    expect(finding).toMatchObject({ isPii: true, kind: 'ssn', confidence: 0.95 });
    expect(finding.reasons[1]).toBe(
      'only 0% of sampled values (0/4) look like SSNs; the column name decides',
    );
  });

  it('is less sure of a bare `name` than of `first_name`', () => {
    const bare = detectOne('name', 'VARCHAR');
    expect(bare.kind).toBe('person_name');
    expect(bare.confidence).toBeLessThan(detectOne('first_name', 'VARCHAR').confidence);
  });
});
