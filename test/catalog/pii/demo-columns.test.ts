import { describe, expect, it } from 'vitest';
import type { ColumnSample, PiiFinding } from '../../../src/catalog/pii/index.js';
import { detectPii } from '../../../src/catalog/pii/index.js';
import { TODAY, column, cycle, times } from './fixtures.js';

/** The demo dataset's columns (candidates, placements, timesheets, clients) with realistic values. */
const DEMO_COLUMNS: readonly ColumnSample[] = [
  column(
    'candidate_id',
    'VARCHAR',
    times(50, (i) => `CAND-${String(i).padStart(6, '0')}`),
  ),
  column('first_name', 'VARCHAR', cycle(['Jane', 'Raj', 'Maria', 'Wei'], 50)),
  column('last_name', 'VARCHAR', cycle(['Doe', 'Patel', 'Garcia', 'Li'], 50)),
  column(
    'email',
    'VARCHAR',
    times(50, (i) => `candidate${i}@example.com`),
  ),
  column(
    'phone',
    'VARCHAR',
    times(50, (i) => `(303) 555-${String(100 + i).padStart(4, '0')}`),
  ),
  column('street_address', 'VARCHAR', cycle(['1234 Maple St', '55 W. 3rd Avenue Apt 4'], 50)),
  column('city', 'VARCHAR', cycle(['Denver', 'Boulder', 'Austin', 'Mobile'], 50)),
  column('state', 'VARCHAR', cycle(['CO', 'TX', 'AL'], 50)),
  column('zip', 'VARCHAR', cycle(['80202', '78701', '36602'], 50)),
  column('ssn_last4', 'VARCHAR', cycle(['6789', '1120', '4321'], 50)),
  column('date_of_birth', 'DATE', cycle(['1987-04-12', '1990-01-30', '1975-11-02'], 50)),
  column('vertical', 'VARCHAR', cycle(['Healthcare', 'IT', 'Light Industrial'], 50)),
  column(
    'skills',
    'VARCHAR',
    // Healthcare candidates' skill tags name conditions they care for, not ones they have.
    cycle(
      [
        'medication-administration;dementia-care;phlebotomy',
        'iv-therapy;cna;emr-charting;medical-terminology',
        'forklift;reach-truck;shipping-receiving',
        'python;sql;aws',
      ],
      50,
    ),
  ),
  column('years_experience', 'INTEGER', cycle([1, 4, 12, 25], 50)),
  column('status', 'VARCHAR', cycle(['active', 'placed', 'inactive'], 50)),
  column(
    'created_at',
    'TIMESTAMP',
    times(50, (i) => new Date(Date.UTC(2024, 0, 1 + i))),
  ),
  column('hourly_rate', 'DECIMAL(10,2)', cycle([28.5, 42, 65.75], 50)),
  column('bill_rate', 'DECIMAL(10,2)', cycle([41.25, 60, 95.5], 50)),
  column('pay_rate', 'DECIMAL(10,2)', cycle([28.5, 42, 65.75], 50)),
  column('client_name', 'VARCHAR', cycle(['Acme Health', 'Globex Logistics', 'Initech'], 50)),
  column('industry', 'VARCHAR', cycle(['Hospitals', 'Warehousing', 'Software'], 50)),
  column(
    'title',
    'VARCHAR',
    cycle(['Registered Nurse', 'MRI Technologist', 'Forklift Operator', 'Data Engineer'], 50),
  ),
  column(
    'week_ending',
    'DATE',
    times(50, (i) => new Date(Date.UTC(2025, 0, 5 + 7 * i))),
  ),
  column('approved', 'BOOLEAN', cycle([true, false], 50)),
];

const FLAGGED = {
  first_name: { kind: 'person_name', category: 'PII' },
  last_name: { kind: 'person_name', category: 'PII' },
  email: { kind: 'email', category: 'PII' },
  phone: { kind: 'phone', category: 'PII' },
  street_address: { kind: 'street_address', category: 'PII' },
  ssn_last4: { kind: 'ssn', category: 'PII' },
  date_of_birth: { kind: 'date_of_birth', category: 'PII' },
  hourly_rate: { kind: 'salary', category: 'Financial' },
  bill_rate: { kind: 'salary', category: 'Financial' },
  pay_rate: { kind: 'salary', category: 'Financial' },
} as const;

const NOT_FLAGGED = [
  'candidate_id',
  'city',
  'state',
  'zip',
  'vertical',
  'skills',
  'years_experience',
  'status',
  'created_at',
  'client_name',
  'industry',
  'title',
  'week_ending',
  'approved',
];

describe('demo dataset', () => {
  const findings = new Map<string, PiiFinding>(
    detectPii(DEMO_COLUMNS, { today: TODAY }).map((finding) => [finding.column, finding]),
  );

  it('covers every demo column', () => {
    expect([...findings.keys()].sort()).toEqual([...Object.keys(FLAGGED), ...NOT_FLAGGED].sort());
  });

  it.each(Object.entries(FLAGGED))('flags %s', (name, expected) => {
    expect(findings.get(name)).toMatchObject({ isPii: true, ...expected });
  });

  it.each(NOT_FLAGGED)('does not flag %s', (name) => {
    expect(findings.get(name)).toMatchObject({
      isPii: false,
      kind: null,
      category: null,
      sensitivity: 'internal',
    });
  });

  it('applies the sensitivity policy', () => {
    const sensitivityOf = (name: string) => findings.get(name)!.sensitivity;
    expect(sensitivityOf('ssn_last4')).toBe('restricted');
    for (const name of ['first_name', 'email', 'phone', 'street_address', 'date_of_birth']) {
      expect(sensitivityOf(name)).toBe('confidential');
    }
    expect(sensitivityOf('hourly_rate')).toBe('confidential');
  });
});
