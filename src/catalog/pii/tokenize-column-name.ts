/**
 * Splits a column name into lower-case words so rules match whole words, never substrings
 * (`state` must not match `st`, `skills` must not match `ssn`-like fragments):
 * `workEmail`, `work_email`, `Work-Email`, `work email` → ['work', 'email'];
 * `SSNLast4` → ['ssn', 'last', '4']; `icd10` → ['icd', '10'].
 */
export function tokenizeColumnName(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // camelCase: firstName
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') // acronym then word: SSNLast4, IPAddress
    .replace(/([a-zA-Z])(\d)/g, '$1 $2') // letters then digits: address1, icd10
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}
