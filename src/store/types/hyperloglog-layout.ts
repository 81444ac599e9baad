/**
 * The HYLL string layout of hyperloglog.c: a 16-byte header (magic "HYLL",
 * encoding byte, 3 unused bytes, 8-byte little-endian cached cardinality
 * whose top bit marks it stale), then either 16384 dense 6-bit registers
 * (12288 bytes, least significant bits first) or sparse opcodes:
 * ZERO `00xxxxxx` (1..64 zero registers), XZERO `01xxxxxx yyyyyyyy`
 * (1..16384 zero registers), VAL `1vvvvvxx` (1..4 registers of value 1..32).
 */
import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';

export const headerBytes = 16;
export const registerCount = 16384;
export const registerBits = 6;
export const registerValueMax = (1 << registerBits) - 1;
export const denseBytes = headerBytes + Math.floor((registerCount * registerBits + 7) / 8);
export const encodingDense = 0;
export const encodingSparse = 1;
const encodingOffset = 4;
const cardinalityOffset = 8;
export const sparseValueMax = 32;
export const sparseValueRunMax = 4;
export const sparseZeroRunMax = 64;
export const sparseLongZeroRunMax = 16384;

/** Byte `offset` of an sds string: past the end reads the terminating NUL (and beyond, zeros), as C reads it. */
export function byteOf(data: Uint8Array, offset: number): number {
  return offset < data.length ? (data[offset] as number) : 0;
}

export function encodingOf(data: Uint8Array): number {
  return data[encodingOffset] as number;
}

export function setEncoding(data: Uint8Array, encoding: number): void {
  data[encodingOffset] = encoding;
}

/** isHLLObjectOrReply's checks on the bytes of an sds-encoded string. */
export function isValidHyperLogLog(data: Uint8Array): boolean {
  if (data.length < headerBytes) return false;
  if (data[0] !== 0x48 || data[1] !== 0x59 || data[2] !== 0x4c || data[3] !== 0x4c) return false;
  const encoding = encodingOf(data);
  if (encoding > encodingSparse) return false;
  return encoding !== encodingDense || data.length === denseBytes;
}

/** createHLLObject: the header and XZERO opcodes covering every register (18 bytes), cache valid at 0. */
export function emptySparseHyperLogLog(): Buffer {
  const opcodes = Math.ceil(registerCount / sparseLongZeroRunMax);
  const data = Buffer.alloc(headerBytes + opcodes * 2);
  data.write('HYLL', 0, 'latin1');
  setEncoding(data, encodingSparse);
  let remaining = registerCount;
  let offset = headerBytes;
  while (remaining > 0) {
    const run = Math.min(remaining, sparseLongZeroRunMax);
    writeLongZero(data, offset, run);
    offset += 2;
    remaining -= run;
  }
  assert(offset === data.length, 'the XZERO opcodes fill the sparse HLL');
  return data;
}

/** HLL_VALID_CACHE */
export function hasValidCache(data: Uint8Array): boolean {
  return ((data[cardinalityOffset + 7] as number) & 0x80) === 0;
}

/** HLL_INVALIDATE_CACHE */
export function invalidateCache(data: Uint8Array): void {
  data[cardinalityOffset + 7] = (data[cardinalityOffset + 7] as number) | 0x80;
}

/** The cached cardinality as a 64-bit little-endian value (read only when valid). */
export function cachedCardinality(data: Uint8Array): bigint {
  let value = 0n;
  for (let index = 7; index >= 0; index--) value = (value << 8n) | BigInt(data[cardinalityOffset + index] as number);
  return value;
}

export function setCachedCardinality(data: Uint8Array, cardinality: number): void {
  let remaining = BigInt(cardinality);
  for (let index = 0; index < 8; index++) {
    data[cardinalityOffset + index] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
}

/** HLL_DENSE_GET_REGISTER on the register area starting at `base`. */
export function denseRegister(data: Uint8Array, base: number, index: number): number {
  const bit = index * registerBits;
  const offset = base + (bit >>> 3);
  const shift = bit & 7;
  return ((byteOf(data, offset) >>> shift) | (byteOf(data, offset + 1) << (8 - shift))) & registerValueMax;
}

/** HLL_DENSE_SET_REGISTER (the second byte past the end is the sds NUL, left alone as its bits stay zero). */
export function setDenseRegister(data: Uint8Array, base: number, index: number, value: number): void {
  const bit = index * registerBits;
  const offset = base + (bit >>> 3);
  const shift = bit & 7;
  data[offset] = ((data[offset] as number) & ~(registerValueMax << shift) & 0xff) | ((value << shift) & 0xff);
  if (offset + 1 < data.length) {
    data[offset + 1] = ((data[offset + 1] as number) & ~(registerValueMax >>> (8 - shift)) & 0xff) | (value >>> (8 - shift));
  }
}

export function isZeroOpcode(byte: number): boolean {
  return (byte & 0xc0) === 0;
}

export function isLongZeroOpcode(byte: number): boolean {
  return (byte & 0xc0) === 0x40;
}

export function isValueOpcode(byte: number): boolean {
  return (byte & 0x80) !== 0;
}

export function zeroRunOf(byte: number): number {
  return (byte & 0x3f) + 1;
}

export function longZeroRunOf(first: number, second: number): number {
  return (((first & 0x3f) << 8) | second) + 1;
}

export function valueOf(byte: number): number {
  return ((byte >>> 2) & 0x1f) + 1;
}

export function valueRunOf(byte: number): number {
  return (byte & 0x3) + 1;
}

export function valueOpcode(value: number, run: number): number {
  return (((value - 1) << 2) | (run - 1) | 0x80) & 0xff;
}

export function zeroOpcode(run: number): number {
  return run - 1;
}

export function writeLongZero(data: Uint8Array, offset: number, run: number): void {
  const encoded = run - 1;
  data[offset] = (encoded >>> 8) | 0x40;
  data[offset + 1] = encoded & 0xff;
}
