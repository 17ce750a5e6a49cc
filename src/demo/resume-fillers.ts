import type { Sentence } from './resume-phrases.js';

/** Sentences any candidate's resume may use, to pad it out to its target length. */
export const GENERIC_FILLERS: readonly Sentence[] = [
  () =>
    `Reliable transportation and a valid driver's license; open to temp, temp-to-hire, or direct-hire roles.`,
  () =>
    'Known for showing up early, staying late when the schedule slips, and helping train new hires.',
  ({ city }, random) =>
    `Available for an immediate start and willing to commute up to ${random.int(10, 45)} miles from ${city.name}.`,
  () =>
    'Previous supervisors describe a dependable, coachable teammate who stays calm under pressure.',
  () => 'Looking for steady hours, a safe workplace, and a team that invests in its people.',
  () =>
    'Comfortable with first, second, or overnight shifts, and open to weekend work when needed.',
  () =>
    'Passed background and drug screening for past assignments; references available on request.',
  (_, random) =>
    `Completed ${random.int(2, 14)} assignments through staffing agencies, several of which were extended.`,
  () => 'Enjoys learning new equipment and systems, and picks up site-specific procedures quickly.',
  (_, random) =>
    `Kept a perfect attendance record on the last ${random.int(2, 6)} assignments, a point of real pride.`,
  ({ city }) =>
    `Prefers roles in or near ${city.name}, ${city.state}, but will consider travel for the right fit.`,
];

/** Sentences specific to a line of work, keyed by vertical name. */
// prettier-ignore
export const VERTICAL_FILLERS: Readonly<Record<string, readonly string[]>> = {
  Industrial: [
    'Reads blueprints and weld symbols, sets up fixtures, and checks parts against spec before they move on.',
    'Follows lockout/tagout and PPE rules without shortcuts, and has never had a recordable incident.',
    'Has run MIG and TIG processes on carbon steel, stainless, and aluminum in production and job shops.',
    'Keeps a clean, organized work area and hits daily production targets on repetitive runs.',
    'Certified forklift operator, comfortable moving raw stock and finished goods around a busy plant floor.',
  ],
  Healthcare: [
    'Provides compassionate bedside care, including bathing, feeding, mobility assistance, and accurate vital signs.',
    'Documents care promptly in the EMR, and reports changes in condition to the charge nurse right away.',
    'Has worked in long-term care, rehab, and acute settings, on both day and night shifts.',
    'Keeps BLS certification current and follows infection-control protocols to the letter.',
    'Patients and families often ask for this caregiver by name, which says more than any certificate.',
  ],
  IT: [
    'Has supported hundreds of users across Windows, macOS, and mobile devices, closing most tickets on first contact.',
    'Writes clear documentation and runbooks, so fixes stick and teammates can pick up the work.',
    'Built reporting queries, dashboards, and small automation scripts that saved the team hours each week.',
    'Comfortable with agile teams, code review, and on-call rotations, and explains issues in plain language.',
    'Has migrated services to the cloud, tightened access controls, and cut recurring incidents.',
  ],
  Logistics: [
    'Consistently meets or beats pick rates while keeping accuracy above 99 percent on RF-directed orders.',
    'Operates sit-down and stand-up forklifts, reach trucks, and electric pallet jacks safely in tight aisles.',
    'Has loaded and unloaded trailers, built stable pallets, and checked shipments against bills of lading.',
    'Understands cycle counts and inventory adjustments, and knows a clean dock keeps the building moving.',
    'Holds a clean driving record, and is comfortable with DOT paperwork, pre-trip inspections, and logs.',
  ],
  Construction: [
    'Has worked commercial, multifamily, and residential jobs, from site prep and framing to finish work.',
    'Reads plans, takes accurate measurements, and brings a full set of hand tools to every job site.',
    'OSHA-trained, careful around heavy equipment, and serious about fall protection and housekeeping.',
    'Works well with superintendents and subcontractors, and keeps tasks moving when the schedule gets tight.',
    'Comfortable working outdoors in heat, cold, and rain, and happy with early starts.',
  ],
  Hospitality: [
    'Has worked high-volume lines, banquets for 500 guests, and quiet overnight shifts at the front desk.',
    'Holds a current food handler card, and keeps stations clean, stocked, and ready for service.',
    'Greets every guest warmly, handles complaints calmly, and knows when to bring in a manager.',
    'Comfortable on a POS system, handling cash, and closing out the drawer at the end of a shift.',
    'Works nights, weekends, and holidays, and is glad to pick up extra shifts during big events.',
  ],
  'Finance/Admin': [
    'Processes invoices, matches purchase orders, and keeps vendor records accurate and up to date.',
    'Types 65 words per minute with high accuracy, and is at home in Excel, Outlook, and shared drives.',
    'Answers multi-line phones, schedules meetings, and keeps a busy front office organized.',
    'Has reconciled accounts, chased past-due balances, and prepared month-end reports for managers.',
    'Handles confidential information with discretion, and follows internal controls carefully.',
  ],
};
