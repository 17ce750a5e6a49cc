import { describe, expect, it } from 'vitest';
import type { PiiKind } from '../../../src/catalog/pii/index.js';
import { detectPii } from '../../../src/catalog/pii/index.js';
import { TODAY, column, cycle, times } from './fixtures.js';

function detectOne(name: string, type: string, values: readonly unknown[]) {
  return detectPii([column(name, type, values)], { today: TODAY })[0]!;
}

const RESUME = (contact: string) =>
  `Registered nurse with eight years of ICU and emergency experience across Colorado hospitals. ${contact}`;

/** Columns with uninformative names whose values alone reveal the kind. */
const BY_VALUE: Partial<Record<PiiKind, readonly string[]>> = {
  email: ['jane.doe@example.com', 'raj.p@mail.co.uk', 'li.wei+jobs@example.org'],
  phone: ['(303) 555-0142', '720-555-0199', '+1 303 555 0100', '+4915112345678'],
  ssn: ['123-45-6789', '078-05-1120', '219-09-9999'],
  card_number: ['4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005'],
  ip_address: ['192.168.0.1', '10.1.2.3', '2001:db8::1'],
  street_address: ['1234 Maple St', '55 W. 3rd Avenue Apt 4', '9 Elm Rd, Denver, CO 80202'],
  medical: ['Type 2 diabetes', 'Hypertension; on lisinopril', 'Asthma, uses albuterol'],
  free_text_contact: [RESUME('Email jane@example.com.'), RESUME('Call 303-555-0142.')],
};

/** Near misses for each value rule: the same column shape, but not the kind. */
const NOT_BY_VALUE: Partial<Record<PiiKind, readonly string[]>> = {
  email: ['jane.doe', 'example.com', 'jane at example dot com'],
  phone: ['3035550142', '2024', 'CAND-000123', '12345.6789'],
  ssn: ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567'],
  card_number: ['4111111111111112', '5555-5555-5555-4440', '1234567812345670'],
  ip_address: ['1.2.3', '256.0.0.1', 'v1.2'],
  street_address: ['Denver', 'Maple Street', 'Building 4'],
  medical: ['Registered Nurse', 'ICU, Telemetry, BLS', 'Python, SQL'],
  free_text_contact: [RESUME('References available on request.')],
};

describe('detectPii by sampled values', () => {
  it.each(Object.entries(BY_VALUE))(
    'recognises %s values in a neutral column',
    (kind, examples) => {
      const finding = detectOne('col_a', 'VARCHAR', cycle(examples!));
      expect(finding).toMatchObject({ isPii: true, kind });
      expect(finding.reasons[1]).toMatch(/^100% of sampled values \(20\/20\) /);
    },
  );

  it.each(Object.entries(NOT_BY_VALUE))(
    'does not mistake near-misses for %s',
    (_kind, examples) => {
      expect(detectOne('col_a', 'VARCHAR', cycle(examples!)).isPii).toBe(false);
    },
  );

  it('reports the share in its reasons', () => {
    const values = [...times(97, (i) => `p${i}@example.com`), 'n/a', 'unknown', '-'];
    expect(detectOne('contact', 'VARCHAR', values).reasons).toContain(
      '97% of sampled values (97/100) look like e-mail addresses',
    );
  });

  it('needs most values to match, not a few', () => {
    const half = [...times(10, (i) => `p${i}@example.com`), ...times(10, (i) => `note ${i}`)];
    expect(detectOne('contact', 'VARCHAR', half).isPii).toBe(false);
  });

  it('needs at least three matching values', () => {
    expect(detectOne('contact', 'VARCHAR', ['a@example.com', 'b@example.com']).isPii).toBe(false);
    expect(detectOne('contact', 'VARCHAR', ['a@x.io', 'b@x.io', 'c@x.io']).isPii).toBe(true);
  });

  it('ignores empty strings and whitespace when computing the share', () => {
    const values = [...times(8, (i) => `p${i}@example.com`), '', '  ', ''];
    expect(detectOne('contact', 'VARCHAR', values).kind).toBe('email');
  });

  it('does not flag names, usernames, amounts or ids from values alone', () => {
    expect(detectOne('col_a', 'VARCHAR', cycle(['Jane Doe', 'Raj Patel'])).isPii).toBe(false);
    expect(detectOne('col_b', 'DECIMAL(10,2)', cycle([52.5, 61.25])).isPii).toBe(false);
    expect(detectOne('col_c', 'VARCHAR', cycle(['CAND-000123', 'CAND-000124'])).isPii).toBe(false);
  });

  it('flags medical terms from a notable share of values, not all', () => {
    const notes = [...cycle(['Type 2 diabetes', 'asthma'], 9), ...cycle(['none reported'], 11)];
    expect(detectOne('notes', 'VARCHAR', notes).kind).toBe('medical');
  });

  it('gives free text with contact details a lower confidence than structured contacts', () => {
    const resumes = detectOne('resume_text', 'VARCHAR', cycle(BY_VALUE.free_text_contact!));
    const emails = detectOne('contact', 'VARCHAR', cycle(BY_VALUE.email!));
    expect(resumes.confidence).toBeLessThanOrEqual(0.7);
    expect(resumes.confidence).toBeLessThan(emails.confidence);
  });

  it('leaves prose without contact details unflagged', () => {
    const resumes = cycle(NOT_BY_VALUE.free_text_contact!);
    expect(detectOne('resume_text', 'VARCHAR', resumes).isPii).toBe(false);
  });

  it('reads DuckDB value objects through their SQL text form', () => {
    const duckDbDate = (text: string) => ({ toString: () => text });
    const values = cycle(['1987-04-12', '1990-01-30', '1975-11-02'].map(duckDbDate));
    expect(detectOne('birth_date', 'DATE', values).confidence).toBe(0.99);
  });
});

describe('detectPii: name and values together', () => {
  it('is surer when values confirm the name', () => {
    const confirmed = detectOne('email', 'VARCHAR', cycle(BY_VALUE.email!));
    const unsampled = detectOne('email', 'VARCHAR', []);
    expect(confirmed.confidence).toBeGreaterThan(unsampled.confidence);
    expect(confirmed.reasons).toHaveLength(2);
  });

  it('lets values overrule the kind when they overwhelmingly disagree', () => {
    const finding = detectOne('contact_address', 'VARCHAR', cycle(BY_VALUE.email!));
    expect(finding.kind).toBe('email');
    expect(finding.reasons.at(-1)).toBe(
      'values overrule the column name: classified as e-mail address',
    );
  });

  it('never lets values move a column to a less protected kind', () => {
    const finding = detectOne('diagnosis', 'VARCHAR', cycle(BY_VALUE.email!));
    expect(finding).toMatchObject({ kind: 'medical', sensitivity: 'restricted' });
  });

  it('keeps the name kind when values disagree only partly', () => {
    const mixed = [...cycle(BY_VALUE.email!, 12), ...cycle(BY_VALUE.street_address!, 8)];
    expect(detectOne('address', 'VARCHAR', mixed).kind).toBe('street_address');
  });

  it('never unflags a column the name marks as PII', () => {
    expect(detectOne('email', 'VARCHAR', cycle(['redacted'])).isPii).toBe(true);
  });
});

describe('detectPii: dates of birth', () => {
  const adultBirthDates = cycle(['1987-04-12', '1990-01-30', '1975-11-02', '2001-07-19']);

  it.each(['created_at', 'start_date', 'hired_on', 'week_ending', 'col_a'])(
    'does not flag %s even when its dates would fit adults',
    (name) => {
      expect(detectOne(name, 'DATE', adultBirthDates).isPii).toBe(false);
    },
  );

  it('flags a birth column and confirms it with plausible ages', () => {
    const finding = detectOne(
      'birth_date',
      'DATE',
      adultBirthDates.map((d) => new Date(d)),
    );
    expect(finding).toMatchObject({ kind: 'date_of_birth', confidence: 0.99 });
    expect(finding.reasons[1]).toMatch(/are dates giving an age of 16–100$/);
  });

  it('keeps a birth column flagged but unconfirmed when ages are implausible', () => {
    const finding = detectOne('dob', 'DATE', cycle(['2024-01-15', '2023-03-02', '2022-05-09']));
    expect(finding).toMatchObject({ isPii: true, kind: 'date_of_birth', confidence: 0.9 });
  });
});

describe('detectPii: shape of the result', () => {
  it('returns one finding per column, in order', () => {
    const findings = detectPii([column('b', 'VARCHAR'), column('a', 'VARCHAR')]);
    expect(findings.map((f) => f.column)).toEqual(['b', 'a']);
    expect(detectPii([])).toEqual([]);
  });

  it('tolerates values it cannot read as text', () => {
    const odd = [
      Object.create(null),
      {
        toString: () => {
          throw new Error('no text');
        },
      },
      [1, 2],
      Symbol('s'),
      Number.NaN,
      new Date(Number.NaN),
    ];
    expect(detectPii([column('col_a', 'VARCHAR', odd)])[0]!.isPii).toBe(false);
  });

  it('keeps confidence within 0..1 and always gives a reason', () => {
    const findings = detectPii([
      column('email', 'VARCHAR', cycle(BY_VALUE.email!)),
      column('status', 'VARCHAR', cycle(['active'])),
      column('years', 'INTEGER', [1, 2]),
    ]);
    for (const finding of findings) {
      expect(finding.confidence).toBeGreaterThanOrEqual(0);
      expect(finding.confidence).toBeLessThanOrEqual(1);
      expect(finding.reasons.length).toBeGreaterThan(0);
    }
  });
});
