/**
 * A HyperLogLog as Redis keeps it: the bytes of a string value in the HYLL
 * format (see hyperloglog-layout.ts). A `HyperLogLog` is a working copy of
 * those bytes that the PF* commands change (hllAdd, hllSparseToDense, the
 * cached cardinality) and then write back to the string, so the value stays
 * an ordinary string for GET, RDB, AOF and replication.
 */
import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';
import { patternOf } from './hyperloglog-hash.js';
import { denseHistogram, estimateCardinality, sparseHistogram } from './hyperloglog-estimator.js';
import {
  cachedCardinality,
  denseRegister,
  emptySparseHyperLogLog,
  encodingDense,
  encodingOf,
  encodingSparse,
  hasValidCache,
  headerBytes,
  invalidateCache,
  registerCount,
  setCachedCardinality,
  setDenseRegister,
  sparseValueMax,
} from './hyperloglog-layout.js';
import { forEachSparseRun, opcodeAt, sparseSet, sparseToDense } from './hyperloglog-sparse.js';

/** hllAdd / hllSparseSet results: 1 a register grew, 0 nothing changed, -1 the representation is corrupt. */
export type RegisterChange = 1 | 0 | -1;

export class HyperLogLog {
  /** True once the bytes differ from those the copy was made of. */
  changed = false;

  private constructor(private data: Buffer) {}

  /** A working copy of a string's bytes, which must have passed `isValidHyperLogLog`. */
  static fromBytes(bytes: Uint8Array): HyperLogLog {
    return new HyperLogLog(Buffer.from(bytes));
  }

  /** createHLLObject */
  static empty(): HyperLogLog {
    return new HyperLogLog(emptySparseHyperLogLog());
  }

  bytes(): Buffer {
    return this.data;
  }

  isDense(): boolean {
    return encodingOf(this.data) === encodingDense;
  }

  isSparse(): boolean {
    return encodingOf(this.data) === encodingSparse;
  }

  /** hllAdd of one element (the sparse form may promote itself to dense on the way). */
  add(element: Uint8Array, sparseBytesMax: number): RegisterChange {
    const { index, count } = patternOf(element);
    return this.raiseRegister(index, count, sparseBytesMax);
  }

  /** hllDenseSet or hllSparseSet by the current encoding. */
  raiseRegister(index: number, count: number, sparseBytesMax: number): RegisterChange {
    if (this.isDense()) return this.raiseDenseRegister(index, count);
    if (!this.isSparse()) return -1;
    if (count > sparseValueMax) return this.promoteAndRaise(index, count);
    const outcome = sparseSet(this.data, index, count, sparseBytesMax);
    switch (outcome.kind) {
      case 'unchanged':
        return 0;
      case 'corrupt':
        return -1;
      case 'promote':
        return this.promoteAndRaise(index, count);
      case 'updated':
        this.data = outcome.data;
        this.changed = true;
        invalidateCache(this.data);
        return 1;
    }
  }

  private raiseDenseRegister(index: number, count: number): RegisterChange {
    if (count <= denseRegister(this.data, headerBytes, index)) return 0;
    setDenseRegister(this.data, headerBytes, index, count);
    this.changed = true;
    return 1;
  }

  /** The `promote:` path of hllSparseSet. */
  private promoteAndRaise(index: number, count: number): RegisterChange {
    if (!this.toDense()) return -1;
    const change = this.raiseDenseRegister(index, count);
    assert(change === 1, 'a register that needed promotion grows in the dense form');
    return change;
  }

  /** hllSparseToDense: false when the sparse form is corrupt (nothing changes then). */
  toDense(): boolean {
    if (this.isDense()) return true;
    const dense = sparseToDense(this.data);
    if (dense === undefined) return false;
    this.data = dense;
    this.changed = true;
    return true;
  }

  invalidateCache(): void {
    invalidateCache(this.data);
    this.changed = true;
  }

  /** The cached cardinality when its validity bit says so. */
  cachedCardinality(): bigint | undefined {
    return hasValidCache(this.data) ? cachedCardinality(this.data) : undefined;
  }

  storeCardinality(cardinality: number): void {
    setCachedCardinality(this.data, cardinality);
    this.changed = true;
  }

  /** hllCount: undefined when the sparse opcodes do not cover exactly 16384 registers. */
  estimate(): number | undefined {
    if (this.isDense()) return estimateCardinality(denseHistogram(this.data, headerBytes));
    const { histogram, valid } = sparseHistogram(this.data, headerBytes);
    return valid ? estimateCardinality(histogram) : undefined;
  }

  /** hllMerge into one byte per register: false when a sparse form is corrupt. */
  mergeInto(registers: Uint8Array): boolean {
    if (this.isDense()) {
      for (let index = 0; index < registerCount; index++) {
        const value = denseRegister(this.data, headerBytes, index);
        if (value > (registers[index] as number)) registers[index] = value;
      }
      return true;
    }
    return forEachSparseRun(this.data, (first, run, value) => {
      for (let index = first; index < first + run; index++) {
        if (value > (registers[index] as number)) registers[index] = value;
      }
    });
  }

  /** Every register of the dense form (PFDEBUG GETREG). */
  denseRegisters(): number[] {
    assert(this.isDense(), 'registers are read from the dense form');
    return Array.from({ length: registerCount }, (_, index) => denseRegister(this.data, headerBytes, index));
  }

  /** PFDEBUG DECODE of a sparse form: `z:len`, `Z:len`, `v:value,len` joined by spaces. */
  decodeSparse(): string {
    assert(this.isSparse(), 'only the sparse form decodes');
    const parts: string[] = [];
    for (let offset = headerBytes; offset < this.data.length; ) {
      const opcode = opcodeAt(this.data, offset);
      if (opcode.value !== 0) parts.push(`v:${opcode.value},${opcode.run}`);
      else parts.push(`${opcode.bytes === 2 ? 'Z' : 'z'}:${opcode.run}`);
      offset += opcode.bytes;
    }
    return parts.join(' ');
  }
}
