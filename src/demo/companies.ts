/**
 * Parts for client company names, and the industries clients are in. Each industry staffs
 * mostly from one vertical. Legal suffixes such as ", Inc." put commas into names on
 * purpose, so the CSV quoting path is exercised by ordinary data.
 */
export interface Industry {
  readonly name: string;
  readonly vertical: string;
  /** Words that end a company name in this industry, e.g. "Fabrication". */
  readonly nameCores: readonly string[];
}

// prettier-ignore
export const INDUSTRIES: readonly Industry[] = [
  { name: 'Manufacturing', vertical: 'Industrial', nameCores: ['Manufacturing', 'Industries', 'Precision Products', 'Components', 'Plastics'] },
  { name: 'Metal Fabrication', vertical: 'Industrial', nameCores: ['Fabrication', 'Steel Works', 'Metalcraft', 'Welding & Fabrication'] },
  { name: 'Hospitals & Clinics', vertical: 'Healthcare', nameCores: ['Health', 'Medical Center', 'Health Partners', 'Family Clinics'] },
  { name: 'Senior Living', vertical: 'Healthcare', nameCores: ['Senior Living', 'Care Communities', 'Home Health', 'Assisted Living'] },
  { name: 'Software', vertical: 'IT', nameCores: ['Software', 'Technologies', 'Systems', 'Data Labs', 'Digital'] },
  { name: 'Warehousing & Distribution', vertical: 'Logistics', nameCores: ['Distribution', 'Fulfillment', 'Warehousing', 'Supply'] },
  { name: 'Trucking', vertical: 'Logistics', nameCores: ['Freight', 'Transport', 'Trucking', 'Logistics'] },
  { name: 'Construction', vertical: 'Construction', nameCores: ['Builders', 'Construction', 'Contractors', 'Concrete', 'Roofing'] },
  { name: 'Hotels & Resorts', vertical: 'Hospitality', nameCores: ['Hotels', 'Resorts', 'Inn & Suites', 'Lodging'] },
  { name: 'Restaurants & Catering', vertical: 'Hospitality', nameCores: ['Catering', 'Kitchens', 'Restaurant Group', 'Hospitality'] },
  { name: 'Financial Services', vertical: 'Finance/Admin', nameCores: ['Financial', 'Credit Union', 'Capital', 'Bancorp'] },
  { name: 'Insurance', vertical: 'Finance/Admin', nameCores: ['Insurance', 'Mutual', 'Benefits', 'Underwriters'] },
];

// prettier-ignore
export const NAME_PREFIXES: readonly string[] = [
  'Summit', 'Blue River', 'Ironwood', 'Meridian', 'Keystone', 'Pioneer', 'Cascade',
  'Front Range', 'Granite', 'Redstone', 'Silver Creek', 'Northstar', 'Harbor', 'Prairie',
  'Lakeside', 'Evergreen', 'Copperline', 'Beacon', 'Atlas', 'Pinnacle', 'Sterling', 'Oakridge',
  'Riverbend', 'Highland', 'Bluebird', 'Canyon', 'Liberty', 'Heritage', 'Apex', 'Cornerstone',
  'Westfield', 'Sagebrush', 'Timberline', 'Anchor', 'Patriot', 'Crescent', 'Falcon', 'Horizon',
  'Union', 'Frontier', 'Red Rock', 'Clearwater', 'Stonegate', 'Tri-County', 'Mountain View',
  'Great Plains', 'Lone Star', 'Bayou', 'Gulf Coast', 'Big Sky', 'Hudson', 'Cumberland',
];

/** Weighted so that roughly a third of names carry a comma. */
// prettier-ignore
export const LEGAL_SUFFIXES: readonly { readonly text: string; readonly weight: number }[] = [
  { text: ', Inc.', weight: 14 }, { text: ', LLC', weight: 12 }, { text: ', Ltd.', weight: 4 },
  { text: ' Inc.', weight: 10 }, { text: ' LLC', weight: 12 }, { text: ' Co.', weight: 6 },
  { text: ' Corporation', weight: 5 }, { text: ' Group', weight: 8 }, { text: ' & Sons', weight: 3 },
  { text: '', weight: 26 },
];
