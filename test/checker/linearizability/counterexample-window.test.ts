import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../src/checker/linearizability/check-linearizability.js';
import { canDrop, minimizeWindow, prefixWindow } from '../../../src/checker/linearizability/counterexample-window.js';
import { createModel } from '../../../src/checker/linearizability/model-registry.js';
import { prepareOperations, type PreparedOperation } from '../../../src/checker/linearizability/prepared-operation.js';
import { searchLinearization } from '../../../src/checker/linearizability/wgl-search.js';
import { pairOperations } from '../../../src/history/operation.js';
import { atomic, history } from '../support/history-rows.js';

function prepare(rows: ReturnType<typeof history>) {
  const model = createModel('register', { initialValue: null, nilReadIsUnknown: false });
  const pairing = pairOperations(rows);
  if (!pairing.ok) throw new Error('unpaired');
  const preparation = prepareOperations(model, pairing.operations);
  if (!preparation.ok) throw new Error(preparation.problem);
  return { model, operations: preparation.partitions[0]?.operations ?? [] };
}

describe('counterexample windows', () => {
  it('never drops the only write of a value a remaining read returned', () => {
    const { model, operations } = prepare(history(...atomic(0, 'write', 1), ...atomic(0, 'write', 2), ...atomic(1, 'read', 1)));
    const [first, second, read] = operations as PreparedOperation<unknown>[];
    if (first === undefined || second === undefined || read === undefined) throw new Error('three operations');
    expect(canDrop(model, [first], [second, read])).toBe(false);
    expect(canDrop(model, [second], [first, read])).toBe(true);
    expect(canDrop(model, [read], [first, second])).toBe(true);
  });

  it('shrinks a long invalid history to the operations that explain the anomaly', () => {
    const noise = Array.from({ length: 30 }, (_, index) => [...atomic(2, 'write', 100 + index), ...atomic(3, 'read', 100 + index)]).flat();
    const rows = history(...noise, ...atomic(0, 'write', 1), ...atomic(0, 'write', 2), ...atomic(1, 'read', 1), ...atomic(1, 'read', 2));
    const result = checkLinearizability(rows, { model: 'register' });
    expect(result.valid).toBe(false);
    if (result.valid !== false) return;
    expect(result.windowOperationsBeforeMinimizing).toBe(63);
    expect(result.windowOperations).toBe(3);
    expect(result.window.map((op) => op.value)).toEqual([1, 1, 2, 2, null, 1]);
    expect(result.failedOp.completion?.value).toBe(1);
  });

  it('cuts the prefix at the return the search could not pass, making later operations pending', () => {
    const { operations } = prepare(history(...atomic(0, 'write', 1), [1, 'invoke', 'write', 2], ...atomic(2, 'read', 3), [1, 'ok', 'write', 2]));
    const window = prefixWindow(operations, 4);
    expect(window).toHaveLength(3);
    expect(window[1]?.returnPosition).toBe(Number.POSITIVE_INFINITY);
    expect(window[2]?.returnPosition).toBe(4);
  });

  it('stops shrinking after the allowed number of re-checks', () => {
    const { model, operations } = prepare(history(...atomic(0, 'write', 1), ...atomic(0, 'write', 2), ...atomic(1, 'read', 7)));
    let checks = 0;
    const isStillInvalid = (remaining: readonly PreparedOperation<unknown>[]): boolean => {
      checks++;
      return searchLinearization(model, remaining, { statesMax: 1000 }).kind === 'not-linearizable';
    };
    expect(minimizeWindow(model, operations, { checksMax: 0, isStillInvalid })).toHaveLength(3);
    expect(checks).toBe(0);
    expect(minimizeWindow(model, operations, { checksMax: 100, isStillInvalid })).toHaveLength(1);
    expect(checks).toBeGreaterThan(0);
    expect(checks).toBeLessThanOrEqual(100);
  });
});
