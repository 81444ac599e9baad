/**
 * Redis's `long double` (x86-64: the x87 80-bit extended format, 64-bit
 * significand), emulated exactly with BigInt: INCRBYFLOAT, HINCRBYFLOAT and
 * timeouts compute in it, and ld2string formats it with glibc's exact
 * decimal rounding (ties to even). Results therefore match redis-server on
 * x86-64 Linux bit for bit; on platforms where long double is a plain double
 * (arm64 macOS) real Redis differs in the last digits.
 */
import { assert } from '../../core/assert.js';
import {
  type BinaryFloat,
  extendedFormat,
  fromDouble,
  infinityValue,
  nanValue,
  roundToFormat,
  toDouble,
  zeroValue,
} from './binary-float.js';
import { parseFloatStrict } from './float-parsing.js';

export type LongDouble = BinaryFloat;

/** MAX_LONG_DOUBLE_CHARS: string2ld refuses inputs this long or longer. */
export const longDoubleCharsMax = 5 * 1024;

const LLONG_MIN = -(2n ** 63n);
const LLONG_MAX = 2n ** 63n - 1n;

/** string2ld: strtold over the whole input; undefined where Redis rejects it. */
export function string2ld(data: Buffer): LongDouble | undefined {
  if (data.length === 0 || data.length >= longDoubleCharsMax) return undefined;
  return parseFloatStrict(data, extendedFormat);
}

/** A long long converts to long double exactly (64 significand bits). */
export function longDoubleFromBigInt(value: bigint): LongDouble {
  if (value === 0n) return zeroValue(false);
  const negative = value < 0n;
  return roundToFormat(negative, negative ? -value : value, 0, extendedFormat);
}

export function longDoubleFromDouble(value: number): LongDouble {
  return fromDouble(value);
}

export function longDoubleToDouble(value: LongDouble): number {
  return toDouble(value);
}

export function isFiniteLongDouble(value: LongDouble): boolean {
  return value.kind === 'finite';
}

/** a + b, rounded once, with IEEE rules for infinities, NaN and signed zeros. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return nanValue;
  if (a.kind === 'infinite' && b.kind === 'infinite') return a.negative === b.negative ? a : nanValue;
  if (a.kind === 'infinite') return a;
  if (b.kind === 'infinite') return b;
  const exponent = Math.min(a.exponent, b.exponent);
  const aScaled = signedScaled(a.negative, a.significand, a.exponent - exponent);
  const bScaled = signedScaled(b.negative, b.significand, b.exponent - exponent);
  const sum = aScaled + bScaled;
  if (sum === 0n) return zeroValue(a.negative && b.negative);
  return roundToFormat(sum < 0n, sum < 0n ? -sum : sum, exponent, extendedFormat);
}

function signedScaled(negative: boolean, significand: bigint, shift: number): bigint {
  const scaled = significand << BigInt(shift);
  return negative ? -scaled : scaled;
}

/** a * b for a small exact integer b (timeouts: seconds * 1000). */
export function multiplyLongDouble(a: LongDouble, factor: bigint): LongDouble {
  assert(factor > 0n, 'a positive factor');
  if (a.kind !== 'finite') return a;
  return roundToFormat(a.negative, a.significand * factor, a.exponent, extendedFormat);
}

/** ceill */
export function ceilLongDouble(value: LongDouble): LongDouble {
  if (value.kind !== 'finite' || value.exponent >= 0 || value.significand === 0n) return value;
  const shift = BigInt(-value.exponent);
  const whole = value.significand >> shift;
  const exact = whole << shift === value.significand;
  if (value.negative) return whole === 0n ? zeroValue(true) : longDoubleFromBigInt(-whole);
  return longDoubleFromBigInt(exact ? whole : whole + 1n);
}

/**
 * `(long long) value` as x86-64 compiles it (truncation toward zero; NaN and
 * out-of-range values give the "integer indefinite" LLONG_MIN).
 */
export function longDoubleToLongLong(value: LongDouble): bigint {
  if (value.kind !== 'finite') return LLONG_MIN;
  const magnitude = value.exponent >= 0 ? value.significand << BigInt(value.exponent) : value.significand >> BigInt(-value.exponent);
  const truncated = value.negative ? -magnitude : magnitude;
  if (truncated < LLONG_MIN || truncated > LLONG_MAX) return LLONG_MIN;
  return truncated;
}

export const longDoubleInfinity = (negative: boolean): LongDouble => infinityValue(negative);
