/**
 * The C library's strtod/strtold grammar, as Redis's string2d/string2ld use
 * it: the whole input must be consumed, no leading space, "inf"/"infinity"
 * (any case, optional sign) allowed, NaN rejected, and a result that
 * overflows or underflows to zero (ERANGE) rejected. Hexadecimal floats
 * ("0x1.8p3") are accepted as glibc does. Rounding is exact
 * (round to nearest, ties to even).
 */
import {
  type BinaryFloat,
  type BinaryFormat,
  doubleFormat,
  type RoundingReport,
  toDouble,
  infinityValue,
  nanValue,
  roundRational,
  zeroValue,
} from './binary-float.js';

const decimalPattern = /^([+-]?)(?:(\d*)(?:\.(\d*))?)(?:[eE]([+-]?\d+))?$/;
const hexPattern = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;
const infinityPattern = /^([+-]?)(?:inf|infinity)$/i;
const nanPattern = /^[+-]?nan(?:\([0-9a-zA-Z_]*\))?$/i;

/** Decimal digits beyond which only "is the tail non-zero" matters for a double. */
const significantDigitsMax = 800;
/** Powers of ten beyond these bounds overflow or underflow every supported format. */
const decimalExponentOverflow = 5000;
const decimalExponentUnderflow = -5100;

/**
 * Parses the whole of `text` (latin1, one char per byte) as strtod would.
 * Returns undefined when strtod would not consume it all.
 */
export function scanFloat(text: string, format: BinaryFormat, report?: RoundingReport): BinaryFloat | undefined {
  if (text.length === 0) return undefined;
  const infinity = infinityPattern.exec(text);
  if (infinity !== null) return infinityValue(infinity[1] === '-');
  if (nanPattern.test(text)) return nanValue;
  const hex = hexPattern.exec(text);
  if (hex !== null) return scanHex(hex, format, report);
  const decimal = decimalPattern.exec(text);
  if (decimal !== null) return scanDecimal(decimal, format, report);
  return undefined;
}

function scanDecimal(match: RegExpExecArray, format: BinaryFormat, report?: RoundingReport): BinaryFloat | undefined {
  const negative = match[1] === '-';
  const integerDigits = match[2] ?? '';
  const fractionDigits = match[3] ?? '';
  if (integerDigits.length + fractionDigits.length === 0) return undefined;
  const exponentText = match[4];
  const exponent = exponentText === undefined ? 0 : clampExponent(exponentText);
  let digits = (integerDigits + fractionDigits).replace(/^0+/, '');
  let exponent10 = exponent - fractionDigits.length;
  if (digits.length === 0) return zeroValue(negative);
  const trailingZeros = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailingZeros);
  exponent10 += trailingZeros;
  if (digits.length > significantDigitsMax && format.precisionBits <= 53) {
    // Keeping a non-zero digit below the kept ones preserves correct rounding.
    exponent10 += digits.length - significantDigitsMax - 1;
    digits = `${digits.slice(0, significantDigitsMax)}1`;
  }
  const magnitude10 = exponent10 + digits.length;
  if (magnitude10 > decimalExponentOverflow) return infinityValue(negative);
  if (magnitude10 < decimalExponentUnderflow) {
    if (report !== undefined) report.inexact = true;
    return zeroValue(negative);
  }
  const mantissa = BigInt(digits);
  if (exponent10 >= 0) return roundRational(negative, mantissa * 10n ** BigInt(exponent10), 1n, 0, format, report);
  return roundRational(negative, mantissa, 10n ** BigInt(-exponent10), 0, format, report);
}

function scanHex(match: RegExpExecArray, format: BinaryFormat, report?: RoundingReport): BinaryFloat | undefined {
  const negative = match[1] === '-';
  const integerDigits = match[2] ?? '';
  const fractionDigits = match[3] ?? '';
  if (integerDigits.length + fractionDigits.length === 0) return undefined;
  const exponentText = match[4];
  const exponent2 = (exponentText === undefined ? 0 : clampExponent(exponentText)) - 4 * fractionDigits.length;
  const mantissa = BigInt(`0x${integerDigits}${fractionDigits}`);
  if (mantissa === 0n) return zeroValue(negative);
  const magnitude2 = exponent2 + mantissa.toString(2).length;
  if (magnitude2 > 4 * decimalExponentOverflow) return infinityValue(negative);
  if (magnitude2 < 4 * decimalExponentUnderflow) {
    if (report !== undefined) report.inexact = true;
    return zeroValue(negative);
  }
  return roundRational(negative, mantissa, 1n, exponent2, format, report);
}

/** Exponents are clamped: anything this large already overflows or underflows. */
function clampExponent(text: string): number {
  const value = Number.parseInt(text, 10);
  const bound = 1_000_000_000;
  return Math.max(-bound, Math.min(bound, value));
}

/**
 * Like strtod in Redis's string2d/string2ld: undefined for anything Redis
 * rejects (not fully consumed, leading space, NaN, ERANGE overflow, or a
 * non-zero input that underflows to zero).
 */
export function parseFloatStrict(data: Buffer, format: BinaryFormat): BinaryFloat | undefined {
  if (data.length === 0) return undefined;
  const text = data.toString('latin1');
  const value = scanFloat(text, format);
  if (value === undefined || value.kind === 'nan') return undefined;
  if (value.kind === 'infinite') return isExplicitInfinity(text) ? value : undefined;
  if (value.significand === 0n && !isLiteralZero(text)) return undefined;
  return value;
}

function isExplicitInfinity(text: string): boolean {
  return infinityPattern.test(text);
}

/** True when the input denotes zero itself (no underflow happened). */
function isLiteralZero(text: string): boolean {
  const mantissaText = text.replace(/[eEpP][+-]?\d+$/, '').replace(/^[+-]?(0[xX])?/, '');
  return !/[1-9a-fA-F]/.test(mantissaText);
}

const smallestNormalDouble = 2 ** -1022;

/**
 * strtod as SORT uses it on a C string: leading spaces skipped, the text
 * ends at a NUL byte, "" is 0, and it fails on trailing characters, NaN, or
 * ERANGE (overflow, or an inexact result in the subnormal range or zero).
 */
export function parseSortScore(data: Buffer): number | undefined {
  const end = data.indexOf(0);
  const text = data.toString('latin1', 0, end === -1 ? data.length : end);
  if (text.length === 0) return 0;
  const trimmed = text.replace(/^[ \t\n\v\f\r]+/, '');
  const report: RoundingReport = { inexact: false };
  const value = scanFloat(trimmed, doubleFormat, report);
  if (value === undefined || value.kind === 'nan') return undefined;
  if (value.kind === 'infinite' && !isExplicitInfinity(trimmed)) return undefined;
  const result = toDouble(value);
  if (report.inexact && Math.abs(result) < smallestNormalDouble) return undefined;
  return result;
}
