import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HyperLogLog } from '../../../src/store/types/hyperloglog.js';
import { denseRegister, encodingDense, encodingOf, encodingSparse, headerBytes, isValidHyperLogLog, registerCount, setDenseRegister, denseBytes } from '../../../src/store/types/hyperloglog-layout.js';
import { forEachSparseRun, sparseToDense } from '../../../src/store/types/hyperloglog-sparse.js';
import { denseHistogram, estimateCardinality, rawHistogram } from '../../../src/store/types/hyperloglog-estimator.js';

const update = fc.record({ index: fc.integer({ min: 0, max: registerCount - 1 }), count: fc.integer({ min: 1, max: 51 }) });
const updates = fc.array(fc.oneof(update, fc.integer({ min: 0, max: 60 }).map((index) => ({ index, count: (index % 5) + 1 }))), { maxLength: 400 });

/** The registers of an HLL in either encoding. */
function registersOf(sketch: HyperLogLog): number[] {
  const bytes = sketch.bytes();
  if (encodingOf(bytes) === encodingDense) return Array.from({ length: registerCount }, (_, index) => denseRegister(bytes, headerBytes, index));
  const registers = new Array<number>(registerCount).fill(0);
  const valid = forEachSparseRun(bytes, (first, run, value) => registers.fill(value, first, first + run));
  expect(valid).toBe(true);
  return registers;
}

describe('the sparse and dense HYLL encodings', () => {
  it('a new HLL is the 18-byte sparse form of one XZERO run over every register', () => {
    const empty = HyperLogLog.empty();
    expect(empty.bytes().length).toBe(18);
    expect(empty.decodeSparse()).toBe('Z:16384');
    expect(empty.estimate()).toBe(0);
  });

  it('raising registers through the sparse form (with promotion) gives the registers a plain array gets', () => {
    fc.assert(
      fc.property(updates, fc.constantFrom(30, 300, 3000), (changes, sparseBytesMax) => {
        const sketch = HyperLogLog.empty();
        const expected = new Array<number>(registerCount).fill(0);
        for (const { index, count } of changes) {
          const grew = count > (expected[index] as number);
          expect(sketch.raiseRegister(index, count, sparseBytesMax)).toBe(grew ? 1 : 0);
          if (grew) expected[index] = count;
        }
        expect(isValidHyperLogLog(sketch.bytes())).toBe(true);
        if (sketch.isSparse()) expect(sketch.bytes().length).toBeLessThanOrEqual(Math.max(sparseBytesMax, 18));
        expect(registersOf(sketch)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('sparse to dense keeps every register and the cached cardinality bytes, and both estimate alike', () => {
    fc.assert(
      fc.property(updates, (changes) => {
        const sketch = HyperLogLog.empty();
        for (const { index, count } of changes) sketch.raiseRegister(index, Math.min(count, 32), 1_000_000);
        expect(sketch.isSparse()).toBe(true);
        const dense = sparseToDense(sketch.bytes());
        expect(dense).toBeDefined();
        const denseBytesValue = dense as Buffer;
        expect(denseBytesValue.length).toBe(denseBytes);
        expect(encodingOf(denseBytesValue)).toBe(encodingDense);
        expect(denseBytesValue.subarray(8, 16)).toEqual(sketch.bytes().subarray(8, 16));
        expect(estimateCardinality(denseHistogram(denseBytesValue, headerBytes))).toBe(sketch.estimate());
        expect(encodingOf(sketch.bytes())).toBe(encodingSparse);
      }),
      { numRuns: 100 },
    );
  });

  it('a sparse run past the last register makes the form corrupt', () => {
    const sketch = HyperLogLog.empty();
    const bytes = Buffer.concat([sketch.bytes(), Buffer.from([0x80])]);
    expect(sparseToDense(bytes)).toBeUndefined();
    expect(HyperLogLog.fromBytes(bytes).estimate()).toBeUndefined();
    expect(HyperLogLog.fromBytes(bytes).mergeInto(new Uint8Array(registerCount))).toBe(false);
  });

  it('the dense 6-bit registers read back what was written, neighbours untouched', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ index: fc.integer({ min: 0, max: registerCount - 1 }), value: fc.integer({ min: 0, max: 63 }) }), { maxLength: 200 }), (writes) => {
        const data = Buffer.alloc(denseBytes);
        const expected = new Uint8Array(registerCount);
        for (const { index, value } of writes) {
          setDenseRegister(data, headerBytes, index, value);
          expected[index] = value;
        }
        expect(Array.from({ length: registerCount }, (_, index) => denseRegister(data, headerBytes, index))).toEqual(Array.from(expected));
        expect(estimateCardinality(denseHistogram(data, headerBytes))).toBe(estimateCardinality(rawHistogram(expected)));
      }),
      { numRuns: 100 },
    );
  });
});
