import { WeightedChoice } from './weighted-choice.js';

/**
 * US cities with their state, a local area code and a zip prefix, so that an address, a
 * phone number and a zip code always agree. Weights skew people towards bigger metros;
 * Denver is weighted up so the "available welders in Denver" walkthrough has plenty of rows.
 */
export interface City {
  readonly name: string;
  readonly state: string;
  readonly areaCode: string;
  readonly zipPrefix: string;
  readonly weight: number;
}

function city(name: string, state: string, areaCode: string, zipPrefix: string, weight = 1): City {
  return { name, state, areaCode, zipPrefix, weight };
}

export const CITIES: readonly City[] = [
  city('Denver', 'CO', '303', '802', 8),
  city('Aurora', 'CO', '720', '800', 2),
  city('Colorado Springs', 'CO', '719', '809', 2),
  city('Phoenix', 'AZ', '602', '850', 3),
  city('Tucson', 'AZ', '520', '857'),
  city('Dallas', 'TX', '214', '752', 3),
  city('Houston', 'TX', '713', '770', 3),
  city('Austin', 'TX', '512', '787', 2),
  city('San Antonio', 'TX', '210', '782', 2),
  city('Fort Worth', 'TX', '817', '761'),
  city('Chicago', 'IL', '312', '606', 3),
  city('Columbus', 'OH', '614', '432'),
  city('Cleveland', 'OH', '216', '441'),
  city('Detroit', 'MI', '313', '482'),
  city('Indianapolis', 'IN', '317', '462'),
  city('Nashville', 'TN', '615', '372', 2),
  city('Memphis', 'TN', '901', '381'),
  city('Atlanta', 'GA', '404', '303', 2),
  city('Charlotte', 'NC', '704', '282', 2),
  city('Raleigh', 'NC', '919', '276'),
  city('Jacksonville', 'FL', '904', '322'),
  city('Orlando', 'FL', '407', '328', 2),
  city('Tampa', 'FL', '813', '336'),
  city('Miami', 'FL', '305', '331', 2),
  city('Los Angeles', 'CA', '213', '900', 3),
  city('San Diego', 'CA', '619', '921'),
  city('San Jose', 'CA', '408', '951'),
  city('Sacramento', 'CA', '916', '958'),
  city('Seattle', 'WA', '206', '981', 2),
  city('Portland', 'OR', '503', '972'),
  city('Las Vegas', 'NV', '702', '891', 2),
  city('Salt Lake City', 'UT', '801', '841'),
  city('Kansas City', 'MO', '816', '641'),
  city('St. Louis', 'MO', '314', '631'),
  city('Minneapolis', 'MN', '612', '554'),
  city('Milwaukee', 'WI', '414', '532'),
  city('Louisville', 'KY', '502', '402'),
  city('Pittsburgh', 'PA', '412', '152'),
  city('Philadelphia', 'PA', '215', '191', 2),
  city('Boston', 'MA', '617', '021', 2),
  city('Newark', 'NJ', '973', '071'),
  city('Baltimore', 'MD', '410', '212'),
  city('Richmond', 'VA', '804', '232'),
  city('Oklahoma City', 'OK', '405', '731'),
  city('Omaha', 'NE', '402', '681'),
  city('Albuquerque', 'NM', '505', '871'),
  city('Boise', 'ID', '208', '837'),
  city('Birmingham', 'AL', '205', '352'),
  city('New Orleans', 'LA', '504', '701'),
  city('Greenville', 'SC', '864', '296'),
];

/** Where people and client sites are: weighted towards the bigger metros. */
export const CITY_CHOICE = new WeightedChoice(CITIES, (place) => place.weight);

/** Branch offices recruiters work from: the largest markets in CITIES. */
export const OFFICE_CITIES: readonly City[] = CITIES.filter((place) => place.weight >= 2);

// prettier-ignore
export const STREET_NAMES: readonly string[] = [
  'Maple', 'Oak', 'Pine', 'Cedar', 'Elm', 'Willow', 'Birch', 'Aspen', 'Spruce', 'Walnut',
  'Main', 'Park', 'Lake', 'Hill', 'Ridge', 'Sunset', 'Highland', 'Meadow', 'River', 'Church',
  'Mill', 'Washington', 'Lincoln', 'Jefferson', 'Franklin', 'Madison', 'Jackson', 'Colfax',
  'Broadway', 'Market', 'Center', 'Spring', 'Forest', 'Valley', 'Prairie', 'Canyon',
  'Mesa', 'Juniper', 'Magnolia', 'Dogwood', 'Cherry', 'Chestnut', 'Hickory', 'Sycamore',
];

// prettier-ignore
export const STREET_SUFFIXES: readonly string[] = [
  'St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Rd', 'Ct', 'Way', 'Pl', 'Pkwy', 'Cir', 'Ter',
];
