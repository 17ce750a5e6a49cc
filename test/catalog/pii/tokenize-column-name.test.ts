import { describe, expect, it } from 'vitest';
import { tokenizeColumnName } from '../../../src/catalog/pii/tokenize-column-name.js';

describe('tokenizeColumnName', () => {
  it.each([
    ['work_email', ['work', 'email']],
    ['workEmail', ['work', 'email']],
    ['Work-Email', ['work', 'email']],
    ['work email', ['work', 'email']],
    ['WORK_EMAIL', ['work', 'email']],
    ['SSNLast4', ['ssn', 'last', '4']],
    ['ssn_last4', ['ssn', 'last', '4']],
    ['IPAddress', ['ip', 'address']],
    ['icd10_code', ['icd', '10', 'code']],
    ['address_line1', ['address', 'line', '1']],
    ['  __name__ ', ['name']],
    ['', []],
  ])('%j → %j', (name, tokens) => {
    expect(tokenizeColumnName(name)).toEqual(tokens);
  });
});
