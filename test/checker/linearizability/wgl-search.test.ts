import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../src/checker/linearizability/check-linearizability.js';
import { createModel } from '../../../src/checker/linearizability/model-registry.js';
import { prepareOperations, type PreparedOperation } from '../../../src/checker/linearizability/prepared-operation.js';
import { searchLinearization } from '../../../src/checker/linearizability/wgl-search.js';
import { Prng } from '../../../src/core/prng.js';
import type { Op } from '../../../src/history/op.js';
import { pairOperations } from '../../../src/history/operation.js';
import { generateAtomicRegisterHistory } from '../../../src/history/synthetic/atomic-register-history.js';

function preparedPartitions(ops: readonly Op[]) {
  const model = createModel('cas-register', { initialValue: null, nilReadIsUnknown: false });
  const pairing = pairOperations(ops);
  if (!pairing.ok) throw new Error(pairing.problem.problem);
  const preparation = prepareOperations(model, pairing.operations);
  if (!preparation.ok) throw new Error(preparation.problem);
  return { model, partitions: preparation.partitions };
}

describe('the WGL search', () => {
  it('returns a linearization that contains every ok call, keeps real-time order and replays in the model', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 6 }), (seed, operationCount, clientCount) => {
        const ops = generateAtomicRegisterHistory({ prng: Prng.root(seed), operationCount, keyCount: 1, clientCount, casFraction: 0.2, infoFraction: 0.1 });
        const { model, partitions } = preparedPartitions(ops);
        for (const partition of partitions) {
          const calls: readonly PreparedOperation<unknown>[] = partition.operations;
          const outcome = searchLinearization(model, calls, { statesMax: 1_000_000 });
          expect(outcome.kind).toBe('linearizable');
          if (outcome.kind !== 'linearizable') continue;
          const required = calls.map((call, index) => (Number.isFinite(call.returnPosition) ? index : -1)).filter((index) => index >= 0);
          expect(required.every((index) => outcome.order.includes(index))).toBe(true);
          let state = model.initialState();
          outcome.order.forEach((index, position) => {
            const call = calls[index];
            if (call === undefined) throw new Error('order names a call');
            state = model.step(state, call.input);
            expect(state).not.toBeUndefined();
            for (const later of outcome.order.slice(position + 1)) expect(calls[later]?.returnPosition ?? 0).toBeGreaterThan(call.invokePosition);
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it("gives 'unknown' (never hangs) when the state limit is reached", () => {
    const ops = generateAtomicRegisterHistory({ prng: Prng.root(5), operationCount: 400, keyCount: 1, clientCount: 10 });
    const result = checkLinearizability(ops, { model: 'register', statesMax: 10 });
    expect(result).toMatchObject({ valid: 'unknown', reason: 'states-limit' });
    expect(checkLinearizability(ops, { model: 'register' }).valid).toBe(true);
  });

  it("gives 'unknown' when the injected budget runs out, and consults it as the search goes", () => {
    const ops = generateAtomicRegisterHistory({ prng: Prng.root(6), operationCount: 3000, keyCount: 1, clientCount: 20 });
    let consulted = 0;
    const budget = (): boolean => {
      consulted++;
      return consulted < 2;
    };
    const result = checkLinearizability(ops, { model: 'register', budget });
    expect(result).toMatchObject({ valid: 'unknown', reason: 'budget' });
    expect(consulted).toBe(2);
  });

  it("gives 'unknown' for a history longer than the ops limit", () => {
    const ops = generateAtomicRegisterHistory({ prng: Prng.root(7), operationCount: 20, keyCount: 1, clientCount: 2 });
    expect(checkLinearizability(ops, { model: 'register', opsMax: 10 })).toMatchObject({ valid: 'unknown', reason: 'ops-limit' });
  });

  it('handles 10k operations on one key without recursion (explicit stack)', () => {
    const ops = generateAtomicRegisterHistory({ prng: Prng.root(8), operationCount: 10_000, keyCount: 1, clientCount: 5 });
    expect(checkLinearizability(ops, { model: 'register' }).valid).toBe(true);
  });
});
