import { describe, expect, it } from 'vitest';
import { isStreetAddress } from '../../../src/catalog/pii/address-recogniser.js';
import { isPlausibleBirthDate } from '../../../src/catalog/pii/birth-date-recogniser.js';
import {
  containsContactDetails,
  isEmailAddress,
  isPhoneNumber,
} from '../../../src/catalog/pii/contact-recognisers.js';
import { isProseWithContactDetails } from '../../../src/catalog/pii/free-text-recogniser.js';
import {
  isCardNumber,
  isIpAddress,
  isSocialSecurityNumber,
} from '../../../src/catalog/pii/identifier-recognisers.js';
import { mentionsMedicalTerm } from '../../../src/catalog/pii/medical-terms.js';
import { TODAY } from './fixtures.js';

interface Case {
  readonly recognise: (text: string) => boolean;
  readonly accepts: readonly string[];
  readonly rejects: readonly string[];
}

const CASES: Record<string, Case> = {
  email: {
    recognise: isEmailAddress,
    accepts: ['jane.doe@example.com', 'J.DOE+jobs@mail.co.uk', 'a_b@sub.domain.io'],
    rejects: ['jane.doe', '@example.com', 'jane@localhost', 'jane @example.com', 'a@b.c', ''],
  },
  phone: {
    recognise: isPhoneNumber,
    accepts: [
      '(303) 555-0142',
      '303-555-0142',
      '303.555.0142',
      '+1 303 555 0142',
      '1-303-555-0142',
      '+4915112345678',
      '+44 20 7946 0958',
      '303-555-0142 x12',
    ],
    rejects: [
      '2024',
      '3035550142', // a bare 10-digit string is as likely an id
      '1234567890123',
      'CAND-000123',
      '12345.6789',
      '2024-01-15',
      '2024-01-15T10:30:00Z',
      '123-45-6789',
      '+12345', // too few digits
      '+1234567890123456', // more than E.164 allows
      '4111 1111 1111 1111',
    ],
  },
  ssn: {
    recognise: isSocialSecurityNumber,
    accepts: ['123-45-6789', '078-05-1120', '123 45 6789', '899-99-9999'],
    rejects: [
      '000-12-3456', // area 000
      '666-12-3456', // area 666
      '912-34-5678', // area 9xx
      '123-00-4567', // group 00
      '123-45-0000', // serial 0000
      '123456789',
      '123-45 6789',
      '2024-01-15',
      '303-555-0142',
    ],
  },
  card_number: {
    recognise: isCardNumber,
    accepts: [
      '4111111111111111',
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      '5555 5555 5555 4444',
      '3782 822463 10005',
      '6011111111111117',
    ],
    rejects: [
      '4111111111111112', // fails Luhn
      '4111 1111 1111 1112',
      '1234567812345670', // Luhn-valid but no card network starts with 1
      '411111111111', // 12 digits
      '41111111111111111111', // 20 digits
      '4111--1111-1111-1111',
      '4111.1111.1111.1111',
    ],
  },
  ip_address: {
    recognise: isIpAddress,
    accepts: ['192.168.0.1', '8.8.8.8', '2001:db8::1', '::1'],
    rejects: ['256.1.1.1', '1.2.3', '2024.01.15', 'localhost', '12.5'],
  },
  street_address: {
    recognise: isStreetAddress,
    accepts: [
      '1234 Maple St',
      '55 W. 3rd Avenue Apt 4',
      '9 Elm Rd, Denver, CO 80202',
      '742 Evergreen Terrace',
      '12B Baker Street',
      'PO Box 1234',
      'P.O. Box 77',
    ],
    rejects: ['Maple St', 'Denver', '5 years', '80202', '1234', 'Street', '2nd Shift Lead'],
  },
  medical: {
    recognise: mentionsMedicalTerm,
    accepts: [
      'Type 2 diabetes',
      'Asthma, mild',
      'on insulin',
      'post chemotherapy',
      'MRI scheduled',
      'E11.9',
      'seizures',
      'COVID-19 positive',
      "early Alzheimer's",
    ],
    rejects: [
      'Registered Nurse',
      'Python, SQL',
      'ICU, Telemetry',
      'Oncology',
      'medication-administration;dementia-care;phlebotomy', // a nurse's skill tags
      'non-diabetic',
    ],
  },
  free_text_contact: {
    recognise: isProseWithContactDetails,
    accepts: [
      'Registered nurse with eight years in ICU and emergency settings. Reach me at jane@example.com any time.',
      'Forklift operator, certified, available nights and weekends for warehouse shifts; call 303-555-0142 please.',
    ],
    rejects: [
      'jane@example.com',
      'Registered nurse with eight years in ICU and emergency settings, BLS and ACLS certified, open to travel.',
    ],
  },
};

describe.each(Object.entries(CASES))('%s recogniser', (_kind, { recognise, accepts, rejects }) => {
  it.each(accepts)('accepts %j', (text) => {
    expect(recognise(text)).toBe(true);
  });
  it.each(rejects)('rejects %j', (text) => {
    expect(recognise(text)).toBe(false);
  });
});

describe('isPlausibleBirthDate', () => {
  it.each(['1987-04-12', '1987-04-12T00:00:00.000Z', '4/12/1987', '2009-06-15', '1925-06-15'])(
    'accepts %s (age 16–100 on 2025-06-15)',
    (text) => {
      expect(isPlausibleBirthDate(text, TODAY)).toBe(true);
    },
  );
  it.each(['2009-06-16', '2024-01-15', '1924-06-15', '1987-13-01', '12/31', 'yesterday'])(
    'rejects %s',
    (text) => {
      expect(isPlausibleBirthDate(text, TODAY)).toBe(false);
    },
  );
});

describe('containsContactDetails', () => {
  it('finds e-mails and phones inside text but not years, ranges or SSNs', () => {
    expect(containsContactDetails('mail jane@example.com today')).toBe(true);
    expect(containsContactDetails('call (303) 555-0142')).toBe(true);
    expect(containsContactDetails('call +4915112345678 today')).toBe(true);
    expect(containsContactDetails('worked 2015-2019 at Acme, SSN 123-45-6789')).toBe(false);
  });
});
