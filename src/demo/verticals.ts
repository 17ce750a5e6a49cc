import { WeightedChoice } from './weighted-choice.js';

/**
 * The staffing verticals: the skills candidates list, the titles jobs are posted under and
 * the pay band. Skills are ordered most common first; candidates draw them with a skew, so
 * "welding" is the most frequent Industrial skill.
 */
export interface Vertical {
  readonly name: string;
  /** Share of candidates and jobs, relative to the other verticals. */
  readonly weight: number;
  /** How a resume names the line of work, e.g. "manufacturing and production". */
  readonly field: string;
  readonly skills: readonly string[];
  readonly jobTitles: readonly string[];
  /** Hourly pay band in cents; bill rates are this times a markup. */
  readonly payCents: { readonly min: number; readonly max: number };
}

// prettier-ignore
export const VERTICALS: readonly Vertical[] = [
  {
    name: 'Industrial', weight: 22, field: 'manufacturing and production',
    skills: ['welding', 'forklift', 'osha-10', 'mig-welding', 'blueprint-reading', 'machine-operation', 'tig-welding', 'assembly', 'quality-inspection', 'lockout-tagout', 'cnc-operation', 'press-brake', 'soldering', 'maintenance-mechanic'],
    jobTitles: ['Welder', 'MIG Welder', 'Machine Operator', 'Assembler', 'CNC Machinist', 'Production Associate', 'Quality Inspector', 'Maintenance Technician'],
    payCents: { min: 1_700, max: 3_800 },
  },
  {
    name: 'Healthcare', weight: 15, field: 'healthcare and patient care',
    skills: ['cna', 'bls', 'patient-care', 'vital-signs', 'emr-charting', 'phlebotomy', 'cpr', 'medical-terminology', 'epic', 'hipaa', 'medication-administration', 'iv-therapy', 'med-surg', 'dementia-care'],
    jobTitles: ['Certified Nursing Assistant', 'Registered Nurse', 'Medical Assistant', 'Phlebotomist', 'Patient Care Technician', 'Home Health Aide', 'Medical Receptionist'],
    payCents: { min: 1_700, max: 6_500 },
  },
  {
    name: 'IT', weight: 10, field: 'information technology',
    skills: ['sql', 'help-desk', 'python', 'javascript', 'typescript', 'aws', 'active-directory', 'networking', 'linux', 'java', 'azure', 'react', 'devops', 'itil'],
    jobTitles: ['Help Desk Technician', 'Software Engineer', 'Data Analyst', 'Systems Administrator', 'Network Engineer', 'QA Analyst', 'DevOps Engineer'],
    payCents: { min: 2_500, max: 9_500 },
  },
  {
    name: 'Logistics', weight: 20, field: 'warehousing and logistics',
    skills: ['forklift', 'pallet-jack', 'shipping-receiving', 'order-picking', 'rf-scanner', 'inventory-control', 'loading-unloading', 'cycle-counting', 'reach-truck', 'wms', 'cdl-a', 'cdl-b', 'hazmat', 'dot-compliance'],
    jobTitles: ['Forklift Operator', 'Warehouse Associate', 'Order Picker', 'Shipping Clerk', 'CDL-A Driver', 'Inventory Specialist', 'Dock Worker'],
    payCents: { min: 1_600, max: 3_400 },
  },
  {
    name: 'Construction', weight: 13, field: 'commercial and residential construction',
    skills: ['general-labor', 'carpentry', 'osha-30', 'framing', 'drywall', 'concrete', 'blueprint-reading', 'structural-welding', 'electrical', 'plumbing', 'hvac', 'roofing', 'heavy-equipment', 'scaffolding', 'flagging'],
    jobTitles: ['General Laborer', 'Carpenter', 'Electrician Helper', 'Drywall Installer', 'Concrete Finisher', 'HVAC Technician', 'Equipment Operator', 'Structural Welder'],
    payCents: { min: 1_800, max: 4_500 },
  },
  {
    name: 'Hospitality', weight: 12, field: 'hospitality and food service',
    skills: ['customer-service', 'food-handling', 'servsafe', 'line-cook', 'prep-cook', 'housekeeping', 'banquet-service', 'dishwashing', 'front-desk', 'bartending', 'barista', 'pos-systems', 'catering', 'event-setup'],
    jobTitles: ['Line Cook', 'Banquet Server', 'Housekeeper', 'Front Desk Agent', 'Dishwasher', 'Bartender', 'Event Staff'],
    payCents: { min: 1_500, max: 2_800 },
  },
  {
    name: 'Finance/Admin', weight: 8, field: 'finance and office administration',
    skills: ['microsoft-office', 'data-entry', 'excel', 'customer-service', 'accounts-payable', 'accounts-receivable', 'scheduling', 'reception', 'quickbooks', 'payroll', 'bookkeeping', 'collections', 'reconciliation', 'sap'],
    jobTitles: ['Data Entry Clerk', 'Administrative Assistant', 'Accounts Payable Specialist', 'Payroll Clerk', 'Receptionist', 'Bookkeeper', 'Collections Specialist'],
    payCents: { min: 1_700, max: 4_000 },
  },
];

export function verticalIndexNamed(name: string): number {
  const index = VERTICALS.findIndex((vertical) => vertical.name === name);
  if (index === -1) throw new RangeError(`Unknown vertical: ${name}`);
  return index;
}

/** Picks a vertical index in proportion to the verticals' weights. */
export const VERTICAL_INDEX_CHOICE = new WeightedChoice(
  VERTICALS.map((_, index) => index),
  (index) => VERTICALS[index].weight,
);
