import { describe, expect, it } from 'vitest';
import {
  ACTION_STRENGTH,
  enforce,
  evaluatePolicy,
  RULE_ACTIONS,
  type PolicyDecision,
  type RuleAction,
} from '../../../src/access/policy/index.js';
import { AppError } from '../../../src/core/errors.js';
import { NEVER, rule } from './fixtures.js';

describe('evaluatePolicy', () => {
  it('allows with nothing matched when there are no rules', () => {
    expect(evaluatePolicy([], 'query', {})).toEqual({
      action: 'allow',
      matched: [],
      warnings: [],
      redact: false,
    });
  });

  it.each(RULE_ACTIONS)('reports a lone %s rule as the decision', (action) => {
    const decision = evaluatePolicy([rule('r1', action)], 'query', {});
    expect(decision.action).toBe(action);
    expect(decision.matched).toEqual([
      { id: 'r1', name: 'rule r1', action, message: 'message from r1' },
    ]);
    expect(decision.warnings).toEqual(action === 'warn' ? ['message from r1'] : []);
    expect(decision.redact).toBe(action === 'redact');
  });

  it('ranks actions block > reject > redact > warn > allow', () => {
    expect([...RULE_ACTIONS].sort((a, b) => ACTION_STRENGTH[b] - ACTION_STRENGTH[a])).toEqual([
      'block',
      'reject',
      'redact',
      'warn',
      'allow',
    ]);
    for (const weaker of RULE_ACTIONS) {
      for (const stronger of RULE_ACTIONS) {
        if (ACTION_STRENGTH[stronger] <= ACTION_STRENGTH[weaker]) continue;
        const rules = [rule('a', stronger, { priority: 2 }), rule('b', weaker, { priority: 1 })];
        expect(evaluatePolicy(rules, 'query', {}).action).toBe(stronger);
      }
    }
  });

  it('collects every match, with all warnings and the redact flag under a stronger action', () => {
    const decision = evaluatePolicy(
      [
        rule('w1', 'warn'),
        rule('w2', 'warn', { message: 'second warning' }),
        rule('x', 'redact'),
        rule('b', 'block'),
        rule('no', 'reject', { condition: NEVER }),
      ],
      'query',
      {},
    );
    expect(decision.action).toBe('block');
    expect(decision.matched.map((m) => m.id)).toEqual(['b', 'w1', 'w2', 'x']);
    expect(decision.warnings).toEqual(['message from w1', 'second warning']);
    expect(decision.redact).toBe(true);
  });

  it('orders matches by priority (lowest first), then id', () => {
    const rules = [
      rule('c', 'warn', { priority: 5 }),
      rule('b', 'warn', { priority: 10 }),
      rule('a', 'warn', { priority: 10 }),
      rule('z', 'warn', { priority: -3 }),
    ];
    expect(evaluatePolicy(rules, 'query', {}).matched.map((m) => m.id)).toEqual([
      'z',
      'c',
      'a',
      'b',
    ]);
  });

  it('does not reorder the caller’s array', () => {
    const rules = [rule('b', 'warn'), rule('a', 'warn')];
    evaluatePolicy(rules, 'query', {});
    expect(rules.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('ignores disabled rules', () => {
    const decision = evaluatePolicy(
      [rule('off', 'block', { enabled: false }), rule('on', 'warn')],
      'query',
      {},
    );
    expect(decision.action).toBe('warn');
    expect(decision.matched.map((m) => m.id)).toEqual(['on']);
  });

  it('applies only rules for the task class or for every class (*)', () => {
    const rules = [
      rule('query', 'warn', { taskClass: 'query' }),
      rule('tool', 'block', { taskClass: 'tool_call' }),
      rule('every', 'redact', { taskClass: '*' }),
    ];
    expect(evaluatePolicy(rules, 'query', {}).matched.map((m) => m.id)).toEqual(['every', 'query']);
    expect(evaluatePolicy(rules, 'tool_call', {}).action).toBe('block');
    expect(evaluatePolicy(rules, 'llm_response', {}).matched.map((m) => m.id)).toEqual(['every']);
  });

  it('evaluates conditions against the context', () => {
    const rules = [
      rule('big', 'reject', { condition: { greater: { path: 'request.rows', value: 100 } } }),
    ];
    expect(evaluatePolicy(rules, 'query', { request: { rows: 101 } }).action).toBe('reject');
    expect(evaluatePolicy(rules, 'query', { request: { rows: 100 } }).action).toBe('allow');
    expect(evaluatePolicy(rules, 'query', null).action).toBe('allow');
  });
});

function decisionOf(...actions: RuleAction[]): PolicyDecision {
  return evaluatePolicy(
    actions.map((action, i) => rule(`r${i}`, action, { priority: i })),
    'query',
    {},
  );
}

function thrownBy(work: () => void): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('enforce', () => {
  it.each(['allow', 'warn', 'redact'] as const)('lets %s through', (action) => {
    expect(() => enforce(decisionOf(action))).not.toThrow();
  });

  it('lets an empty decision through', () => {
    expect(() => enforce(evaluatePolicy([], 'query', {}))).not.toThrow();
  });

  it('throws policy_blocked (403) with the first blocking rule', () => {
    const error = thrownBy(() => enforce(decisionOf('warn', 'reject', 'block', 'block')));
    expect(error.code).toBe('policy_blocked');
    expect(error.status).toBe(403);
    expect(error.message).toBe('message from r2');
    expect(error.details).toEqual({ rule_id: 'r2', rule_name: 'rule r2', action: 'block' });
  });

  it('throws policy_rejected (403) with the first rejecting rule', () => {
    const error = thrownBy(() => enforce(decisionOf('redact', 'reject', 'reject')));
    expect(error.code).toBe('policy_rejected');
    expect(error.status).toBe(403);
    expect(error.message).toBe('message from r1');
    expect(error.details).toEqual({ rule_id: 'r1', rule_name: 'rule r1', action: 'reject' });
  });
});
