import { describe, expect, it } from 'vitest';
import { typeCanHold, typeFamilyOf } from '../../../src/catalog/pii/column-type.js';

describe('typeFamilyOf', () => {
  it.each([
    ['VARCHAR', 'text'],
    ['varchar(255)', 'text'],
    ['BIGINT', 'integer'],
    ['UHUGEINT', 'integer'],
    ['DECIMAL(10,2)', 'decimal'],
    ['DOUBLE', 'decimal'],
    ['DATE', 'temporal'],
    ['TIMESTAMP WITH TIME ZONE', 'temporal'],
    ['TIMESTAMP_MS', 'temporal'],
    ['BOOLEAN', 'boolean'],
    ['VARCHAR[]', 'other'],
    ['STRUCT(a INTEGER)', 'other'],
    ['UUID', 'other'],
  ])('%s is %s', (type, family) => {
    expect(typeFamilyOf(type)).toBe(family);
  });
});

describe('typeCanHold', () => {
  it('lets a text column hold any kind', () => {
    expect(typeCanHold('email', 'text')).toBe(true);
    expect(typeCanHold('salary', 'text')).toBe(true);
  });

  it('keeps booleans and timestamps out of contact kinds', () => {
    expect(typeCanHold('email', 'boolean')).toBe(false);
    expect(typeCanHold('phone', 'temporal')).toBe(false);
    expect(typeCanHold('street_address', 'integer')).toBe(false);
  });

  it('lets dates hold birth dates and any type hold health data', () => {
    expect(typeCanHold('date_of_birth', 'temporal')).toBe(true);
    expect(typeCanHold('medical', 'boolean')).toBe(true);
  });
});
