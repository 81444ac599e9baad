import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../src/checker/linearizability/check-linearizability.js';
import { stillInvalidWithinBudget } from '../../../src/checker/linearizability/describe-failure.js';
import { createModel } from '../../../src/checker/linearizability/model-registry.js';
import { prepareOperations } from '../../../src/checker/linearizability/prepared-operation.js';
import { searchLinearization } from '../../../src/checker/linearizability/wgl-search.js';
import type { Op } from '../../../src/history/op.js';
import { pairOperations } from '../../../src/history/operation.js';
import { atomic, history, type Row } from '../support/history-rows.js';

/** Writes 1..n overlapping one another, then a read of 1 after they all returned: stale, found only by trying the orders. */
function staleReadAfterConcurrentWrites(writers: number): Op[] {
  const invokes: Row[] = Array.from({ length: writers }, (_, index) => [index, 'invoke', 'write', index + 1] as const);
  const oks: Row[] = Array.from({ length: writers }, (_, index) => [index, 'ok', 'write', index + 1] as const);
  return history(...invokes, ...oks, ...atomic(writers, 'write', 99), ...atomic(writers + 1, 'read', 1));
}

function prepared(ops: readonly Op[]) {
  const model = createModel('register', { initialValue: null, nilReadIsUnknown: false });
  const pairing = pairOperations(ops);
  if (!pairing.ok) throw new Error(pairing.problem.problem);
  const preparation = prepareOperations(model, pairing.operations);
  if (!preparation.ok) throw new Error(preparation.problem);
  return { model, operations: preparation.partitions[0]?.operations ?? [] };
}

describe('minimizing a counterexample', () => {
  it('spends at most minimizeStatesTotalMax states over all its re-checks, then confirms nothing more', () => {
    const { model, operations } = prepared(staleReadAfterConcurrentWrites(6));
    const oneCheck = searchLinearization(model, operations, { statesMax: 1_000_000 });
    expect(oneCheck.kind).toBe('not-linearizable');
    expect(oneCheck.statesExplored).toBeGreaterThan(100);
    const stillInvalid = stillInvalidWithinBudget(model, { model: 'register', minimizeStatesTotalMax: oneCheck.statesExplored });
    expect(stillInvalid(operations)).toBe(true);
    expect(stillInvalid(operations)).toBe(false);
    expect(stillInvalidWithinBudget(model, { model: 'register', minimizeStatesTotalMax: 0 })(operations)).toBe(false);
  });

  it('still reports the anomaly, with the unshrunk window, when the minimization budget is nil', () => {
    const ops = staleReadAfterConcurrentWrites(6);
    const unbounded = checkLinearizability(ops, { model: 'register' });
    const unshrunk = checkLinearizability(ops, { model: 'register', minimizeStatesTotalMax: 0 });
    expect(unbounded.valid).toBe(false);
    expect(unshrunk.valid).toBe(false);
    if (unbounded.valid !== false || unshrunk.valid !== false) return;
    expect(unbounded.windowOperations).toBeLessThan(unshrunk.windowOperations);
    expect(unshrunk.windowOperations).toBe(unshrunk.windowOperationsBeforeMinimizing);
    expect(checkLinearizability(unshrunk.window, { model: 'register' }).valid).toBe(false);
  });
});
