import type { PiiCategory, PiiKind, Sensitivity } from './pii-category.js';

export interface KindProfile {
  readonly category: PiiCategory;
  readonly sensitivity: Sensitivity;
  /** Singular noun phrase used in reasons: "column name matches e-mail address". */
  readonly label: string;
}

/**
 * Category and sensitivity per kind. Restricted: identifiers that enable fraud or identity
 * theft, and all health data. Confidential: data that identifies or contacts a person, and pay.
 */
export const KIND_PROFILES: Record<PiiKind, KindProfile> = {
  email: { category: 'PII', sensitivity: 'confidential', label: 'e-mail address' },
  phone: { category: 'PII', sensitivity: 'confidential', label: 'phone number' },
  ssn: { category: 'PII', sensitivity: 'restricted', label: 'social security number' },
  national_id: { category: 'PII', sensitivity: 'restricted', label: 'national id or passport' },
  card_number: { category: 'Financial', sensitivity: 'restricted', label: 'payment card number' },
  bank_account: { category: 'Financial', sensitivity: 'restricted', label: 'bank account' },
  date_of_birth: { category: 'PII', sensitivity: 'confidential', label: 'date of birth' },
  street_address: { category: 'PII', sensitivity: 'confidential', label: 'street address' },
  person_name: { category: 'PII', sensitivity: 'confidential', label: 'person name' },
  username: { category: 'PII', sensitivity: 'confidential', label: 'username' },
  ip_address: { category: 'PII', sensitivity: 'confidential', label: 'IP address' },
  salary: { category: 'Financial', sensitivity: 'confidential', label: 'pay or rate' },
  medical: { category: 'PHI', sensitivity: 'restricted', label: 'health information' },
  free_text_contact: {
    category: 'PII',
    sensitivity: 'confidential',
    label: 'free text with contact details',
  },
};

const SENSITIVITY_RANK: Record<Sensitivity, number> = {
  public: 0,
  internal: 1,
  confidential: 2,
  restricted: 3,
};

/** True when `kind` is protected at least as strictly as `other`. */
export function isAtLeastAsSensitive(kind: PiiKind, other: PiiKind): boolean {
  const rank = (k: PiiKind) => SENSITIVITY_RANK[KIND_PROFILES[k].sensitivity];
  return rank(kind) >= rank(other);
}
