/**
 * The cardinality estimator of Redis 7.0 (hllCount): the register
 * histogram, then Otmar Ertl's improved raw estimator with the helper
 * functions sigma and tau, rounded as llroundl rounds.
 */
import { byteOf, denseRegister, registerCount, registerValueMax } from './hyperloglog-layout.js';
import { opcodeAt } from './hyperloglog-sparse.js';
import { patternLengthMax } from './hyperloglog-hash.js';

/** 0.5 / ln(2) */
const alphaInfinity = 0.72134752044448170368;
/** Histogram slots: registers hold 6 bits. */
const histogramSize = registerValueMax + 1;

/** hllDenseRegHisto over the register area starting at `base`. */
export function denseHistogram(data: Uint8Array, base: number): number[] {
  const histogram = new Array<number>(histogramSize).fill(0);
  for (let index = 0; index < registerCount; index++) {
    const value = denseRegister(data, base, index);
    histogram[value] = (histogram[value] as number) + 1;
  }
  return histogram;
}

/** hllSparseRegHisto: the histogram, and whether the opcodes covered exactly 16384 registers without overflowing. */
export function sparseHistogram(data: Uint8Array, start: number): { readonly histogram: number[]; readonly valid: boolean } {
  const histogram = new Array<number>(histogramSize).fill(0);
  let covered = 0;
  for (let offset = start; offset < data.length; ) {
    const opcode = opcodeAt(data, offset);
    if (opcode.run + covered > registerCount) return { histogram, valid: false };
    covered += opcode.run;
    histogram[opcode.value] = (histogram[opcode.value] as number) + opcode.run;
    offset += opcode.bytes;
  }
  return { histogram, valid: covered === registerCount };
}

/** hllRawRegHisto: one byte per register. */
export function rawHistogram(registers: Uint8Array): number[] {
  const histogram = new Array<number>(histogramSize).fill(0);
  for (let index = 0; index < registerCount; index++) {
    const value = byteOf(registers, index) & registerValueMax;
    histogram[value] = (histogram[value] as number) + 1;
  }
  return histogram;
}

/** hllSigma */
function sigma(start: number): number {
  if (start === 1) return Infinity;
  let x = start;
  let y = 1;
  let z = x;
  let previous: number;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (previous !== z);
  return z;
}

/** hllTau */
function tau(start: number): number {
  if (start === 0 || start === 1) return 0;
  let x = start;
  let y = 1;
  let z = 1 - x;
  let previous: number;
  do {
    x = Math.sqrt(x);
    previous = z;
    y *= 0.5;
    const complement = 1 - x;
    z -= complement * complement * y;
  } while (previous !== z);
  return z / 3;
}

/** The estimate hllCount makes from a register histogram. */
export function estimateCardinality(histogram: readonly number[]): number {
  const m = registerCount;
  const q = patternLengthMax - 1;
  let z = m * tau((m - (histogram[q + 1] as number)) / m);
  for (let value = q; value >= 1; value--) {
    z += histogram[value] as number;
    z *= 0.5;
  }
  z += m * sigma((histogram[0] as number) / m);
  return Math.round((alphaInfinity * m * m) / z);
}
