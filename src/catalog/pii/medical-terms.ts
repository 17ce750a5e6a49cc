/**
 * Words that, in a value about a person, reveal their health. Conditions, medications and
 * patient procedures only: specialties and departments (oncology, ICU, telemetry) are left out
 * because nurses' and technicians' skills and job titles name them without being PHI.
 */
const CONDITIONS = [
  ...['diabetes', 'diabetic', 'hypertension', 'asthma', 'copd', 'cancer', 'tumor', 'tumour'],
  ...['leukemia', 'lymphoma', 'melanoma', 'carcinoma', 'epilepsy', 'seizure', 'stroke'],
  ...['arthritis', 'depression', 'anxiety', 'bipolar', 'schizophrenia', 'adhd', 'autism'],
  ...['ptsd', 'hiv', 'hepatitis', 'tuberculosis', 'pneumonia', 'influenza', 'covid', 'covid-19'],
  ...[
    'migraine',
    'dementia',
    'alzheimer',
    'parkinson',
    'sclerosis',
    'fibromyalgia',
    'obesity',
    'anemia',
  ],
  ...['hypothyroidism', 'hyperthyroidism', 'celiac', 'crohn', 'pregnancy', 'pregnant'],
  ...['allergy', 'allergies', 'allergic', 'fracture', 'concussion', 'hernia', 'insomnia'],
];
const MEDICATIONS = [
  ...['insulin', 'metformin', 'lisinopril', 'atorvastatin', 'albuterol', 'ibuprofen'],
  ...['acetaminophen', 'amoxicillin', 'prednisone', 'warfarin', 'sertraline', 'fluoxetine'],
  ...['adderall', 'oxycodone', 'hydrocodone', 'gabapentin', 'levothyroxine', 'amlodipine'],
  ...['omeprazole', 'methotrexate', 'morphine', 'antidepressant', 'antibiotic', 'opioid'],
];
const PROCEDURES = [
  ...['chemotherapy', 'radiotherapy', 'dialysis', 'mri', 'ct scan', 'x-ray', 'biopsy'],
  ...['surgery', 'transplant', 'mastectomy', 'appendectomy', 'physical therapy'],
];

function escapeForRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '\\s+');
}

// One precompiled alternation; optional plural so `seizures` and `antibiotics` match too.
// A hyphen joins a term into another word, and such compounds are skill tags or negations, not
// a person's health: `dementia-care`, `diabetes-education`, `non-diabetic`.
const MEDICAL_TERM = new RegExp(
  `(?<![\\w-])(?:${[...CONDITIONS, ...MEDICATIONS, ...PROCEDURES].map(escapeForRegExp).join('|')})(?:e?s)?(?![\\w-])`,
  'i',
);

// ICD-10-CM codes in their dotted form (E11.9, J45.909); undotted ones look like any short code.
const ICD10_CODE = /^[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}$/;

export function mentionsMedicalTerm(text: string): boolean {
  return ICD10_CODE.test(text) || MEDICAL_TERM.test(text);
}
