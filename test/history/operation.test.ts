import { describe, expect, it } from 'vitest';
import { operationValue, pairOperations } from '../../src/history/operation.js';
import { history } from '../checker/support/history-rows.js';

describe('pairing invocations with completions', () => {
  it('pairs per process in history order, and makes a missing completion info', () => {
    const pairing = pairOperations(history([0, 'invoke', 'write', 1], [1, 'invoke', 'read', null], [0, 'ok', 'write', 1], [1, 'ok', 'read', 1], [1, 'invoke', 'read', null]));
    expect(pairing.ok).toBe(true);
    if (!pairing.ok) return;
    expect(pairing.operations.map((operation) => [operation.process, operation.outcome, operationValue(operation)])).toEqual([
      [0, 'ok', 1],
      [1, 'ok', 1],
      [1, 'info', null],
    ]);
    expect(pairing.operations[2]?.completion).toBeNull();
  });

  it('names the op of a completion without invocation, a second invocation, and a changed :f', () => {
    expect(pairOperations(history([0, 'ok', 'read', 1]))).toEqual({ ok: false, problem: { opIndex: 0, problem: 'a ok of process 0 without a pending invoke' } });
    const twice = pairOperations(history([0, 'invoke', 'read', null], [0, 'invoke', 'read', null]));
    expect(!twice.ok && twice.problem.opIndex).toBe(1);
    const changed = pairOperations(history([0, 'invoke', 'read', null], [0, 'ok', 'write', 1]));
    expect(!changed.ok && changed.problem.problem).toContain(':write');
  });
});
