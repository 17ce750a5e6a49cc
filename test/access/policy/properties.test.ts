import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STRENGTH,
  evaluateCondition,
  evaluatePolicy,
  RULE_ACTIONS,
  validateCondition,
  type Condition,
} from '../../../src/access/policy/index.js';
import { rule } from './fixtures.js';

/** A small vocabulary, so random paths often hit random contexts. */
const KEYS = ['a', 'b', 'c', '0', '1'];
const path = fc
  .array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 })
  .map((segments) => segments.join('.'));
const scalar = fc.oneof(
  fc.constantFrom(null, true, false, '', ' ', '0', '7', '-2.5', 'x', 'SSN', 'abc', 'ABC'),
  fc.integer({ min: -10, max: 10 }),
);
const { value: jsonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 3 }),
  ),
}));
const context = fc.dictionary(fc.constantFrom(...KEYS), jsonValue, { maxKeys: 5 });

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ equals: fc.record({ path, value: jsonValue }) }),
  fc.record({ empty: fc.record({ path }) }),
  fc.record({ greater: fc.record({ path, value: fc.integer({ min: -10, max: 10 }) }) }),
  fc.record({
    contains_any: fc.record({
      path,
      values: fc.array(fc.constantFrom('a', 'B', 'ssn', '7', 'x'), { minLength: 1, maxLength: 3 }),
    }),
  }),
  fc.constant({ always: true as const }),
);
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    leaf,
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
}));

const same = (a: Condition, b: Condition, ctx: unknown): boolean =>
  evaluateCondition(a, ctx) === evaluateCondition(b, ctx);

describe('condition algebra', () => {
  it('double negation: not(not(c)) ≡ c', () => {
    fc.assert(fc.property(condition, context, (c, ctx) => same({ not: { not: c } }, c, ctx)));
  });

  it('singleton lists: all([c]) ≡ c ≡ any([c])', () => {
    fc.assert(
      fc.property(
        condition,
        context,
        (c, ctx) => same({ all: [c] }, c, ctx) && same({ any: [c] }, c, ctx),
      ),
    );
  });

  it('De Morgan: not(all([a, b])) ≡ any([not(a), not(b)]) and dually', () => {
    fc.assert(
      fc.property(condition, condition, context, (a, b, ctx) => {
        const notAll = same({ not: { all: [a, b] } }, { any: [{ not: a }, { not: b }] }, ctx);
        const notAny = same({ not: { any: [a, b] } }, { all: [{ not: a }, { not: b }] }, ctx);
        return notAll && notAny;
      }),
    );
  });

  it('is total: never throws, whatever the context', () => {
    fc.assert(
      fc.property(condition, fc.anything(), (c, ctx) => {
        expect(typeof evaluateCondition(c, ctx)).toBe('boolean');
      }),
    );
  });

  it('every generated condition survives validation of its JSON unchanged', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(validateCondition(JSON.parse(JSON.stringify(c)))).toEqual(c);
      }),
    );
  });
});

describe('policy decisions', () => {
  const rules = fc.array(
    fc.record({
      action: fc.constantFrom(...RULE_ACTIONS),
      condition,
      enabled: fc.boolean(),
      priority: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 6 },
  );

  it('decide the strongest matched action, and disabled rules change nothing', () => {
    fc.assert(
      fc.property(rules, context, (specs, ctx) => {
        const all = specs.map((spec, i) => rule(`r${i}`, spec.action, spec));
        const decision = evaluatePolicy(all, 'query', ctx);
        const strongest = Math.max(0, ...decision.matched.map((m) => ACTION_STRENGTH[m.action]));
        expect(ACTION_STRENGTH[decision.action]).toBe(strongest);
        expect(
          evaluatePolicy(
            all.filter((r) => r.enabled),
            'query',
            ctx,
          ),
        ).toEqual(decision);
      }),
    );
  });
});
