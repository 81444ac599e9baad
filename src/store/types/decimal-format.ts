/**
 * printf's %.Nf and %.Ng for exact binary values, with glibc's exact decimal
 * rounding (round to nearest, ties to even), and Redis's ld2string modes on
 * top: LD_STR_HUMAN (`%.17Lf`, trailing zeros trimmed, "-0" → "0") and
 * LD_STR_AUTO (`%.17Lg`).
 */
import { assert } from '../../core/assert.js';
import type { BinaryFloat } from './binary-float.js';

type FiniteValue = Extract<BinaryFloat, { kind: 'finite' }>;

/** value * 10^power10, rounded to an integer, ties to even; the magnitude only. */
function scaledMagnitude(value: FiniteValue, power10: number): bigint {
  let numerator = value.significand;
  let denominator = 1n;
  if (value.exponent >= 0) numerator <<= BigInt(value.exponent);
  else denominator <<= BigInt(-value.exponent);
  if (power10 >= 0) numerator *= 10n ** BigInt(power10);
  else denominator *= 10n ** BigInt(-power10);
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator - quotient * denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n)) return quotient + 1n;
  return quotient;
}

function nonFinite(value: BinaryFloat): string | undefined {
  if (value.kind === 'nan') return 'nan';
  if (value.kind === 'infinite') return value.negative ? '-inf' : 'inf';
  return undefined;
}

/** printf("%.<fractionDigits>f") */
export function formatFixed(value: BinaryFloat, fractionDigits: number): string {
  const special = nonFinite(value);
  if (special !== undefined || value.kind !== 'finite') return special ?? 'nan';
  assert(fractionDigits >= 0, 'a non-negative precision');
  const digits = scaledMagnitude(value, fractionDigits).toString().padStart(fractionDigits + 1, '0');
  const integerPart = digits.slice(0, digits.length - fractionDigits);
  const fractionPart = digits.slice(digits.length - fractionDigits);
  const sign = value.negative ? '-' : '';
  return fractionDigits === 0 ? `${sign}${integerPart}` : `${sign}${integerPart}.${fractionPart}`;
}

/** printf("%.<precision>g") (no '#' flag: trailing zeros removed). */
export function formatGeneral(value: BinaryFloat, precision: number): string {
  const special = nonFinite(value);
  if (special !== undefined || value.kind !== 'finite') return special ?? 'nan';
  assert(precision >= 1, 'a positive precision');
  const sign = value.negative ? '-' : '';
  if (value.significand === 0n) return `${sign}0`;
  const { digits, exponent10 } = significantDigits(value, precision);
  if (exponent10 < -4 || exponent10 >= precision) {
    const mantissa = trimFraction(`${digits.slice(0, 1)}.${digits.slice(1)}`);
    const exponentSign = exponent10 < 0 ? '-' : '+';
    return `${sign}${mantissa}e${exponentSign}${String(Math.abs(exponent10)).padStart(2, '0')}`;
  }
  return `${sign}${trimFraction(formatFixed({ ...value, negative: false }, precision - 1 - exponent10))}`;
}

/** The value rounded to `precision` significant digits and its decimal exponent. */
function significantDigits(value: FiniteValue, precision: number): { digits: string; exponent10: number } {
  let exponent10 = estimateExponent10(value);
  // The estimate is off by at most one, and a round-up to 10^precision adds one more step.
  for (let attempt = 0; attempt < 4; attempt++) {
    const text = scaledMagnitude(value, precision - 1 - exponent10).toString();
    if (text.length === precision) return { digits: text, exponent10 };
    exponent10 += text.length > precision ? 1 : -1;
  }
  assert(false, 'the decimal exponent estimate converges');
}

function estimateExponent10(value: FiniteValue): number {
  const bits = value.significand.toString(2).length + value.exponent;
  return Math.floor((bits - 1) * Math.log10(2));
}

function trimFraction(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** ld2string LD_STR_HUMAN: `%.17Lf`, trailing zeros trimmed, "-0" printed "0". */
export function formatHumanLongDouble(value: BinaryFloat): string {
  if (value.kind === 'infinite') return value.negative ? '-inf' : 'inf';
  const text = trimFraction(formatFixed(value, 17));
  return text === '-0' ? '0' : text;
}

/** ld2string LD_STR_AUTO: `%.17Lg`. */
export function formatAutoLongDouble(value: BinaryFloat): string {
  if (value.kind === 'infinite') return value.negative ? '-inf' : 'inf';
  return formatGeneral(value, 17);
}
