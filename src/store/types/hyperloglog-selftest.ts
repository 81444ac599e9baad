/**
 * PFSELFTEST (hyperloglog.c pfselftestCommand): dense register access with
 * random values, then 10 million elements added to a dense and a sparse HLL,
 * checking at 1, 10, 100, ... that they agree and stay within the error bound.
 */
import { Buffer } from 'node:buffer';
import type { Prng } from '../../core/prng.js';
import { patternOf } from './hyperloglog-hash.js';
import { HyperLogLog } from './hyperloglog.js';
import { denseHistogram, estimateCardinality } from './hyperloglog-estimator.js';
import { denseBytes, denseRegister, headerBytes, registerCount, registerValueMax, setDenseRegister } from './hyperloglog-layout.js';

const testCycles = 1000;
const elementsMax = 10_000_000;

/** The first failure message (a TESTFAILED error), or undefined when every check passed. */
export function runHyperLogLogSelfTest(rng: Prng, sparseBytesMax: number, step: (count: number) => void): string | undefined {
  return registerAccessFailure(rng, step) ?? approximationFailure(rng, sparseBytesMax, step);
}

/** Test 1: what is set in each register reads back. */
function registerAccessFailure(rng: Prng, step: (count: number) => void): string | undefined {
  const dense = Buffer.alloc(denseBytes);
  const expected = new Uint8Array(registerCount);
  for (let cycle = 0; cycle < testCycles; cycle++) {
    for (let index = 0; index < registerCount; index++) {
      const value = rng.int(registerValueMax + 1);
      expected[index] = value;
      setDenseRegister(dense, headerBytes, index, value);
    }
    for (let index = 0; index < registerCount; index++) {
      const value = denseRegister(dense, headerBytes, index);
      if (value !== expected[index]) return `ERR TESTFAILED Register ${index} should be ${expected[index]} but is ${value}`;
    }
    step(registerCount);
  }
  return undefined;
}

/** Test 2: the approximation error, and sparse and dense agreeing. */
function approximationFailure(rng: Prng, sparseBytesMax: number, step: (count: number) => void): string | undefined {
  const dense = Buffer.alloc(denseBytes);
  const sparse = HyperLogLog.empty();
  const relativeError = 1.04 / Math.sqrt(registerCount);
  const seedLow = rng.uint32();
  const seedHigh = rng.uint32();
  const element = Buffer.alloc(8);
  element.writeUInt32LE(seedHigh, 4);
  let checkpoint = 1;
  for (let added = 1; added <= elementsMax; added++) {
    element.writeUInt32LE((added ^ seedLow) >>> 0, 0);
    const { index, count } = patternOf(element);
    if (count > denseRegister(dense, headerBytes, index)) setDenseRegister(dense, headerBytes, index, count);
    sparse.raiseRegister(index, count, sparseBytesMax);
    if (added !== checkpoint) continue;
    step(checkpoint);
    if (added < sparseBytesMax / 2 && !sparse.isSparse()) return 'ERR TESTFAILED sparse encoding not used';
    const denseCount = estimateCardinality(denseHistogram(dense, headerBytes));
    if (denseCount !== sparse.estimate()) return 'ERR TESTFAILED dense/sparse disagree';
    const errorMax = added === 10 ? 1 : Math.ceil(relativeError * 6 * checkpoint);
    const error = Math.abs(checkpoint - denseCount);
    if (error > errorMax) return `ERR TESTFAILED Too big error. card:${checkpoint} abserr:${error}`;
    checkpoint *= 10;
  }
  return undefined;
}
