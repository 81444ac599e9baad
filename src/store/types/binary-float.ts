/**
 * Exact binary floating point rounding, shared by the IEEE double (53-bit)
 * and the x87 80-bit extended `long double` (64-bit significand) that Redis
 * uses for INCRBYFLOAT, HINCRBYFLOAT and timeouts. Values are held exactly as
 * `significand * 2^exponent` with BigInt significands, and rounded to a
 * format with round-to-nearest, ties-to-even, as the C library does.
 */
import { assert } from '../../core/assert.js';

export interface BinaryFormat {
  /** Bits of significand, the leading one included. */
  readonly precisionBits: number;
  /** Exponent of the lowest significand bit of the smallest subnormal. */
  readonly lowestBitExponentMin: number;
  /** Exponent of the highest bit of the largest finite value. */
  readonly highestBitExponentMax: number;
}

export const doubleFormat: BinaryFormat = { precisionBits: 53, lowestBitExponentMin: -1074, highestBitExponentMax: 1023 };
export const extendedFormat: BinaryFormat = { precisionBits: 64, lowestBitExponentMin: -16445, highestBitExponentMax: 16383 };

/** A binary floating point value: finite ones are exact `significand * 2^exponent`. */
export type BinaryFloat =
  | { readonly kind: 'finite'; readonly negative: boolean; readonly significand: bigint; readonly exponent: number }
  | { readonly kind: 'infinite'; readonly negative: boolean }
  | { readonly kind: 'nan' };

export const nanValue: BinaryFloat = { kind: 'nan' };

export function zeroValue(negative: boolean): BinaryFloat {
  return { kind: 'finite', negative, significand: 0n, exponent: 0 };
}

export function infinityValue(negative: boolean): BinaryFloat {
  return { kind: 'infinite', negative };
}

export function isZero(value: BinaryFloat): boolean {
  return value.kind === 'finite' && value.significand === 0n;
}

export function bitLength(value: bigint): number {
  assert(value >= 0n, 'bitLength of a non-negative value');
  return value === 0n ? 0 : value.toString(2).length;
}

/** Filled in by the rounding functions: whether the result differs from the exact value. */
export interface RoundingReport {
  inexact: boolean;
}

/**
 * Rounds `significand * 2^exponent` to the format. Overflow gives an
 * infinity, total underflow a signed zero.
 */
export function roundToFormat(negative: boolean, significand: bigint, exponent: number, format: BinaryFormat, report?: RoundingReport): BinaryFloat {
  assert(significand >= 0n, 'a significand is non-negative');
  if (significand === 0n) return zeroValue(negative);
  const length = bitLength(significand);
  const shift = Math.max(length - format.precisionBits, format.lowestBitExponentMin - exponent);
  let kept = significand;
  let keptExponent = exponent;
  if (shift > 0) {
    kept = shiftRightRounded(significand, shift);
    keptExponent = exponent + shift;
    if (report !== undefined && (significand & ((1n << BigInt(shift)) - 1n)) !== 0n) report.inexact = true;
  }
  if (kept === 0n) return zeroValue(negative);
  if (bitLength(kept) > format.precisionBits) {
    kept >>= 1n;
    keptExponent += 1;
  }
  if (keptExponent + bitLength(kept) - 1 > format.highestBitExponentMax) return infinityValue(negative);
  return { kind: 'finite', negative, significand: kept, exponent: keptExponent };
}

function shiftRightRounded(value: bigint, shift: number): bigint {
  const bigShift = BigInt(shift);
  const kept = value >> bigShift;
  const dropped = value - (kept << bigShift);
  const half = 1n << (bigShift - 1n);
  if (dropped > half || (dropped === half && (kept & 1n) === 1n)) return kept + 1n;
  return kept;
}

/**
 * Rounds the rational `numerator / denominator * 2^exponent2` (both positive)
 * to the format, exactly.
 */
export function roundRational(negative: boolean, numerator: bigint, denominator: bigint, exponent2: number, format: BinaryFormat, report?: RoundingReport): BinaryFloat {
  assert(denominator > 0n, 'a positive denominator');
  if (numerator === 0n) return zeroValue(negative);
  // Enough quotient bits for the precision, a rounding bit, and the subnormal floor.
  // The quotient gets at least precision + 1 bits, so rounding always drops a bit.
  const shift = format.precisionBits + 2 - (bitLength(numerator) - bitLength(denominator));
  const scaledNumerator = shift >= 0 ? numerator << BigInt(shift) : numerator;
  const scaledDenominator = shift >= 0 ? denominator : denominator << BigInt(-shift);
  const quotient = scaledNumerator / scaledDenominator;
  const remainder = scaledNumerator - quotient * scaledDenominator;
  const quotientExponent = exponent2 - shift;
  if (remainder === 0n) return roundToFormat(negative, quotient, quotientExponent, format, report);
  // An inexact quotient lies strictly between q and q + 1: a set guard bit
  // below q rounds the same way, since no rounding boundary falls inside.
  return roundToFormat(negative, (quotient << 1n) | 1n, quotientExponent - 1, format, report);
}

/** Exact value of a finite double as significand and exponent. */
export function fromDouble(value: number): BinaryFloat {
  if (Number.isNaN(value)) return nanValue;
  if (!Number.isFinite(value)) return infinityValue(value < 0);
  const negative = value < 0 || Object.is(value, -0);
  if (value === 0) return zeroValue(negative);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  if (biasedExponent === 0) return { kind: 'finite', negative, significand: fraction, exponent: -1074 };
  return { kind: 'finite', negative, significand: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}

/** The double nearest to a value (round to nearest, ties to even). */
export function toDouble(value: BinaryFloat): number {
  if (value.kind === 'nan') return Number.NaN;
  if (value.kind === 'infinite') return value.negative ? -Infinity : Infinity;
  const rounded = roundToFormat(value.negative, value.significand, value.exponent, doubleFormat);
  if (rounded.kind !== 'finite') return toDouble(rounded);
  const magnitude = scaleByPowerOfTwo(Number(rounded.significand), rounded.exponent);
  return rounded.negative ? -magnitude : magnitude;
}

function scaleByPowerOfTwo(significand: number, exponent: number): number {
  // Two steps keep each factor representable (subnormals, large exponents).
  const half = Math.trunc(exponent / 2);
  return significand * 2 ** half * 2 ** (exponent - half);
}
