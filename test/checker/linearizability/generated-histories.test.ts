import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../src/checker/linearizability/check-linearizability.js';
import { Prng } from '../../../src/core/prng.js';
import type { Op } from '../../../src/history/op.js';
import { pairOperations, type Operation } from '../../../src/history/operation.js';
import { generateAtomicRegisterHistory } from '../../../src/history/synthetic/atomic-register-history.js';

const shape = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  operationCount: fc.integer({ min: 1, max: 150 }),
  keyCount: fc.integer({ min: 1, max: 3 }),
  clientCount: fc.integer({ min: 1, max: 8 }),
  casFraction: fc.constantFrom(0, 0.2),
  infoFraction: fc.constantFrom(0, 0.05, 0.2),
  failFraction: fc.constantFrom(0, 0.1),
  durationUsMax: fc.integer({ min: 1, max: 2000 }),
});

/**
 * Far above what these histories need (a few thousand states), far below the
 * default 5M (about a minute): a search that blows up fails in seconds as
 * 'unknown' instead of stalling the suite, fast-check's shrinking included.
 */
const checked = { model: 'cas-register', statesMax: 200_000, minimizeStatesTotalMax: 200_000 } as const;

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function generate(params: Shape): Op[] {
  const { seed, ...rest } = params;
  return generateAtomicRegisterHistory({ prng: Prng.root(seed), ...rest });
}

function operationsOf(ops: readonly Op[]): readonly Operation[] {
  const pairing = pairOperations(ops);
  if (!pairing.ok) throw new Error(pairing.problem.problem);
  return pairing.operations;
}

function withReadValue(ops: readonly Op[], completionIndex: number, value: number): Op[] {
  return ops.map((op) => (op.index === completionIndex ? { ...op, value } : op));
}

/** An ok read whose value some ok write a overwrote (ok write b on the key began after a completed, and completed before the read began). */
function findOverwrittenRead(ops: readonly Op[]): { completionIndex: number; value: number } | undefined {
  const operations = operationsOf(ops);
  const writes = operations.filter((operation) => operation.outcome === 'ok' && operation.f !== 'read');
  for (const read of operations.filter((operation) => operation.f === 'read' && operation.outcome === 'ok')) {
    const before = writes.filter((write) => write.key === read.key && (write.completion?.index ?? Infinity) < read.invoke.index);
    for (const older of before) {
      const newer = before.find((write) => write.invoke.index > (older.completion?.index ?? Infinity));
      const value = older.f === 'write' ? older.invoke.value : (older.invoke.value as number[])[1];
      if (newer !== undefined && typeof value === 'number') return { completionIndex: read.completion?.index ?? -1, value };
    }
  }
  return undefined;
}

describe('generated histories of an atomic register', () => {
  it('are all linearizable (reads, writes, cas; info and fail outcomes; overlapping clients)', () => {
    fc.assert(
      fc.property(shape, (params) => {
        const result = checkLinearizability(generate(params), checked);
        expect(result.valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('become non-linearizable when a read returns a value never written, with a window that is itself invalid', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (params, pick) => {
        const ops = generate(params);
        const reads = operationsOf(ops).filter((operation) => operation.f === 'read' && operation.outcome === 'ok');
        fc.pre(reads.length > 0);
        const read = reads[pick % reads.length];
        const perturbed = withReadValue(ops, read?.completion?.index ?? -1, -1);
        const result = checkLinearizability(perturbed, checked);
        expect(result.valid).toBe(false);
        if (result.valid === false) expect(checkLinearizability(result.window, checked).valid).toBe(false);
        const prefix = checkLinearizability(perturbed, { ...checked, minimizeChecksMax: 0 });
        if (prefix.valid === false) expect(checkLinearizability(prefix.window, checked).valid).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('become non-linearizable when a read returns a value overwritten before the read began', () => {
    let perturbedCount = 0;
    fc.assert(
      fc.property(shape, (params) => {
        const ops = generate({ ...params, operationCount: params.operationCount + 40, clientCount: Math.min(params.clientCount, 3) });
        const overwritten = findOverwrittenRead(ops);
        fc.pre(overwritten !== undefined);
        if (overwritten === undefined) return;
        perturbedCount++;
        const result = checkLinearizability(withReadValue(ops, overwritten.completionIndex, overwritten.value), checked);
        expect(result.valid).toBe(false);
        if (result.valid === false) expect(checkLinearizability(result.window, checked).valid).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(perturbedCount).toBeGreaterThan(50);
  });
});
