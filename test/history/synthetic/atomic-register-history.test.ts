import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { pairOperations } from '../../../src/history/operation.js';
import { generateAtomicRegisterHistory } from '../../../src/history/synthetic/atomic-register-history.js';

const options = { operationCount: 500, keyCount: 4, clientCount: 12, casFraction: 0.2, infoFraction: 0.1, failFraction: 0.1 };

describe('synthetic atomic-register histories', () => {
  it('are the same for the same seed and differ for another', () => {
    const first = generateAtomicRegisterHistory({ prng: Prng.root(42), ...options });
    expect(generateAtomicRegisterHistory({ prng: Prng.root(42), ...options })).toEqual(first);
    expect(generateAtomicRegisterHistory({ prng: Prng.root(43), ...options })).not.toEqual(first);
  });

  it('pair up, hold the requested number of operations, keys and outcome kinds, with overlapping intervals', () => {
    const ops = generateAtomicRegisterHistory({ prng: Prng.root(1), ...options });
    const pairing = pairOperations(ops);
    expect(pairing.ok).toBe(true);
    if (!pairing.ok) return;
    expect(pairing.operations).toHaveLength(500);
    expect(new Set(pairing.operations.map((operation) => operation.key)).size).toBe(4);
    expect(new Set(pairing.operations.map((operation) => operation.outcome))).toEqual(new Set(['ok', 'fail', 'info']));
    expect(new Set(pairing.operations.map((operation) => operation.f))).toEqual(new Set(['read', 'write', 'cas']));
    const overlapping = pairing.operations.filter((operation, index) => {
      const next = pairing.operations[index + 1];
      return next !== undefined && operation.completion !== null && next.invoke.index < operation.completion.index;
    });
    expect(overlapping.length).toBeGreaterThan(100);
    for (let index = 1; index < ops.length; index++) expect(ops[index]?.time).toBeGreaterThanOrEqual(ops[index - 1]?.time ?? 0);
  });
});
