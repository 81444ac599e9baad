/**
 * BITFIELD's integer fields (bitops.c): reading and writing a signed or
 * unsigned field of 1..64 bits at any bit offset (big-endian bit order, as
 * SETBIT), and the overflow rules WRAP, SAT and FAIL with C's 64-bit
 * wrapping arithmetic reproduced on BigInt.
 */
export type OverflowRule = 'wrap' | 'sat' | 'fail';

export interface FieldType {
  readonly signed: boolean;
  readonly bits: number;
}

/** The bits of `data` from `offset` as an unsigned number (bytes past the end read as 0). */
export function readUnsignedField(data: Buffer, offset: bigint, bits: number): bigint {
  let value = 0n;
  for (let index = 0; index < bits; index++) {
    const position = offset + BigInt(index);
    const byte = data[Number(position >> 3n)] ?? 0;
    const bit = (byte >> (7 - Number(position & 7n))) & 1;
    value = (value << 1n) | BigInt(bit);
  }
  return value;
}

export function readField(data: Buffer, offset: bigint, type: FieldType): bigint {
  const unsigned = readUnsignedField(data, offset, type.bits);
  return type.signed ? BigInt.asIntN(type.bits, unsigned) : unsigned;
}

/** Writes the low `bits` bits of `value` (two's complement) at `offset`; the bytes must exist. */
export function writeField(data: Buffer, offset: bigint, bits: number, value: bigint): void {
  const unsigned = BigInt.asUintN(64, value);
  for (let index = 0; index < bits; index++) {
    const position = offset + BigInt(index);
    const byteIndex = Number(position >> 3n);
    const shift = 7 - Number(position & 7n);
    const bit = Number((unsigned >> BigInt(bits - 1 - index)) & 1n);
    data[byteIndex] = ((data[byteIndex] as number) & ~(1 << shift)) | (bit << shift);
  }
}

/** What an operation produces: the value to store, or that it overflowed and must fail. */
export type FieldOutcome = { readonly overflow: boolean; readonly value: bigint };

/**
 * checkUnsignedBitfieldOverflow: `value` (uint64) plus `increment` (int64)
 * into an unsigned field; the outcome under the rule.
 */
export function unsignedOutcome(value: bigint, increment: bigint, bits: number, rule: OverflowRule): FieldOutcome {
  const max = (1n << BigInt(bits)) - 1n;
  const maxIncrement = BigInt.asIntN(64, max - value);
  const minIncrement = BigInt.asIntN(64, -value);
  const wrapped = BigInt.asUintN(bits, value + increment);
  if (value > max || (increment > 0n && increment > maxIncrement)) {
    return { overflow: true, value: rule === 'sat' ? max : wrapped };
  }
  if (increment < 0n && increment < minIncrement) {
    return { overflow: true, value: rule === 'sat' ? 0n : wrapped };
  }
  return { overflow: false, value: BigInt.asUintN(64, value + increment) };
}

/** checkSignedBitfieldOverflow: `value` plus `increment` (both int64) into a signed field. */
export function signedOutcome(value: bigint, increment: bigint, bits: number, rule: OverflowRule): FieldOutcome {
  const max = bits === 64 ? 2n ** 63n - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncrement = BigInt.asIntN(64, max - value);
  const minIncrement = BigInt.asIntN(64, min - value);
  const wrapped = BigInt.asIntN(bits, value + increment);
  if (value > max || (bits !== 64 && increment > maxIncrement) || (value >= 0n && increment > 0n && increment > maxIncrement)) {
    return { overflow: true, value: rule === 'sat' ? max : wrapped };
  }
  if (value < min || (bits !== 64 && increment < minIncrement) || (value < 0n && increment < 0n && increment < minIncrement)) {
    return { overflow: true, value: rule === 'sat' ? min : wrapped };
  }
  return { overflow: false, value: BigInt.asIntN(64, value + increment) };
}
