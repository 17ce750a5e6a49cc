/**
 * Given and family names for people in the demo. A few carry accents, apostrophes or spaces
 * so that downstream text handling (emails, search, UTF-8 byte counts) is exercised.
 */
// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David',
  'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas',
  'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Betty',
  'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Joshua',
  'Donna', 'Kevin', 'Michelle', 'Brian', 'Carol', 'Jose', 'Amanda', 'Luis', 'Melissa',
  'Carlos', 'Deborah', 'Juan', 'Stephanie', 'Miguel', 'Rebecca', 'Tyrone', 'Laura', 'DeShawn',
  'Maria', 'Jamal', 'Guadalupe', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Minh', 'Linh', 'Raj',
  'Priya', 'Mohammed', 'Fatima', 'Omar', 'Aisha', 'Dmitri', 'Olga', 'Kwame', 'Amara',
  'Sean', 'Siobhan', 'Erik', 'Ingrid', 'Mateo', 'Sofía', 'José', 'Renée', 'Zoë', 'Chloe',
  'Ethan', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Mia', 'Logan', 'Harper',
  'Wyatt', 'Evelyn', 'Caleb', 'Abigail', 'Isaiah', 'Aaliyah', 'Xavier', 'Destiny',
];

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor',
  'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez',
  'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall',
  'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Kim', 'Patel', 'Chen', 'Wang',
  'Singh', 'Tanaka', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Ivanov', 'Kowalski', 'Novak',
  'Larsen', 'Johansson', "O'Brien", "O'Connor", 'McCarthy', 'MacDonald', 'De La Cruz',
  'Van Buren', 'Muñoz', 'Peña', 'Núñez', 'Gómez', 'Fischer', 'Schmidt', 'Weber', 'Rossi',
  'Romano', 'Silva', 'Santos', 'Oliveira', 'Begay', 'Yazzie', 'Tsosie', 'Washington',
  'Jefferson', 'Brooks', 'Price', 'Bennett', 'Wood', 'Barnes', 'Ross', 'Henderson',
  'Coleman', 'Jenkins', 'Perry', 'Powell', 'Long', 'Patterson', 'Hughes', 'Sullivan',
];
