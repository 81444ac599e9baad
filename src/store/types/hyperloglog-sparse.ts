/**
 * The sparse HLL operations of hyperloglog.c: walking the opcodes
 * (hllSparseToDense, hllMerge, hllSparseRegHisto), and hllSparseSet, which
 * splits the opcode covering a register and merges equal neighbours.
 * Bytes past the end read as zeros (the sds NUL), as C reads them.
 */
import { Buffer } from 'node:buffer';
import {
  byteOf,
  denseBytes,
  encodingDense,
  headerBytes,
  isLongZeroOpcode,
  isValueOpcode,
  isZeroOpcode,
  longZeroRunOf,
  registerCount,
  setDenseRegister,
  setEncoding,
  sparseValueRunMax,
  sparseZeroRunMax,
  valueOf,
  valueOpcode,
  valueRunOf,
  writeLongZero,
  zeroOpcode,
  zeroRunOf,
} from './hyperloglog-layout.js';

/** One opcode: where it starts, how many bytes it takes, the registers it covers and their value (0 for ZERO/XZERO). */
export interface SparseOpcode {
  readonly offset: number;
  readonly bytes: 1 | 2;
  readonly run: number;
  readonly value: number;
}

export function opcodeAt(data: Uint8Array, offset: number): SparseOpcode {
  const byte = byteOf(data, offset);
  if (isZeroOpcode(byte)) return { offset, bytes: 1, run: zeroRunOf(byte), value: 0 };
  if (isLongZeroOpcode(byte)) return { offset, bytes: 2, run: longZeroRunOf(byte, byteOf(data, offset + 1)), value: 0 };
  return { offset, bytes: 1, run: valueRunOf(byte), value: valueOf(byte) };
}

/**
 * Visits the registers of a sparse HLL run by run, as hllSparseToDense and
 * hllMerge do. Any run that would pass the last register stops the walk and
 * makes the form invalid (the CVE-2025-32023 checks Debian's 7.0.15 has).
 * Returns true when the runs covered exactly the 16384 registers.
 */
export function forEachSparseRun(data: Uint8Array, visit: (first: number, run: number, value: number) => void): boolean {
  let index = 0;
  for (let offset = headerBytes; offset < data.length; ) {
    const opcode = opcodeAt(data, offset);
    if (opcode.run + index > registerCount) return false;
    if (opcode.value !== 0) visit(index, opcode.run, opcode.value);
    index += opcode.run;
    offset += opcode.bytes;
  }
  return index === registerCount;
}

/** hllSparseToDense: the dense bytes (header copied, encoding dense), or undefined when the sparse form is corrupt. */
export function sparseToDense(data: Uint8Array): Buffer | undefined {
  const dense = Buffer.alloc(denseBytes);
  dense.set(data.subarray(0, headerBytes), 0);
  setEncoding(dense, encodingDense);
  const valid = forEachSparseRun(data, (first, run, value) => {
    for (let index = first; index < first + run; index++) setDenseRegister(dense, headerBytes, index, value);
  });
  return valid ? dense : undefined;
}

/** What hllSparseSet did: changed (with the new bytes), nothing to do, the register needs the dense form, or corrupt. */
export type SparseSetOutcome =
  | { readonly kind: 'updated'; readonly data: Buffer }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'promote' }
  | { readonly kind: 'corrupt' };

interface LocatedOpcode {
  readonly opcode: SparseOpcode;
  /** First register the opcode covers. */
  readonly first: number;
  /** Offset of the opcode before it, or undefined for the first one. */
  readonly previous: number | undefined;
}

/** Step 1 of hllSparseSet: the opcode covering `index`. */
function locateOpcode(data: Uint8Array, index: number): LocatedOpcode | undefined {
  let first = 0;
  let previous: number | undefined;
  let offset = headerBytes;
  let span = 0;
  let opcode: SparseOpcode | undefined;
  while (offset < data.length) {
    opcode = opcodeAt(data, offset);
    span = opcode.run;
    if (index <= first + span - 1) break;
    previous = offset;
    offset += opcode.bytes;
    first += span;
  }
  if (span === 0 || offset >= data.length || opcode === undefined) return undefined;
  return { opcode, first, previous };
}

/** Step D of hllSparseSet: the opcodes replacing the one covering `index` (up to 5 bytes). */
function splitOpcode(located: LocatedOpcode, index: number, count: number): number[] {
  const { opcode, first } = located;
  const last = first + opcode.run - 1;
  const sequence: number[] = [];
  const pushRun = (length: number): void => {
    if (opcode.value !== 0) sequence.push(valueOpcode(opcode.value, length));
    else if (length > sparseZeroRunMax) {
      const pair = Buffer.alloc(2);
      writeLongZero(pair, 0, length);
      sequence.push(pair[0] as number, pair[1] as number);
    } else sequence.push(zeroOpcode(length));
  };
  if (index !== first) pushRun(index - first);
  sequence.push(valueOpcode(count, 1));
  if (index !== last) pushRun(last - index);
  return sequence;
}

/**
 * hllSparseSet for a count the sparse form can hold (1..32): raises the
 * register to `count` if it is lower. `sparseBytesMax` is
 * hll-sparse-max-bytes: a split that would grow the string past it asks for
 * promotion instead.
 */
export function sparseSet(data: Buffer, index: number, count: number, sparseBytesMax: number): SparseSetOutcome {
  const located = locateOpcode(data, index);
  if (located === undefined) return { kind: 'corrupt' };
  const { opcode } = located;
  if (opcode.value !== 0 && opcode.value >= count) return { kind: 'unchanged' };
  let updated: Buffer;
  if (opcode.run === 1 && opcode.bytes === 1) {
    updated = Buffer.from(data);
    updated[opcode.offset] = valueOpcode(count, 1);
  } else {
    const sequence = splitOpcode(located, index, count);
    const delta = sequence.length - opcode.bytes;
    if (delta > 0 && data.length + delta > sparseBytesMax) return { kind: 'promote' };
    const spliced = Buffer.concat([data.subarray(0, opcode.offset), Buffer.from(sequence), data.subarray(Math.min(data.length, opcode.offset + opcode.bytes))]);
    updated = spliced.subarray(0, data.length + delta);
  }
  return { kind: 'updated', data: mergeAdjacentValues(updated, located.previous ?? headerBytes) };
}

/** Step 4 of hllSparseSet: up to 5 opcodes from `start`, joining equal adjacent VALs that fit one opcode. */
function mergeAdjacentValues(data: Buffer, start: number): Buffer {
  let current = data;
  let offset = start;
  let scansLeft = 5;
  while (offset < current.length && scansLeft-- > 0) {
    const byte = current[offset] as number;
    if (isLongZeroOpcode(byte)) {
      offset += 2;
      continue;
    }
    if (isZeroOpcode(byte)) {
      offset++;
      continue;
    }
    const next = byteOf(current, offset + 1);
    if (offset + 1 < current.length && isValueOpcode(next) && valueOf(byte) === valueOf(next)) {
      const run = valueRunOf(byte) + valueRunOf(next);
      if (run <= sparseValueRunMax) {
        current = Buffer.concat([current.subarray(0, offset), Buffer.from([valueOpcode(valueOf(byte), run)]), current.subarray(offset + 2)]);
        continue;
      }
    }
    offset++;
  }
  return current;
}
