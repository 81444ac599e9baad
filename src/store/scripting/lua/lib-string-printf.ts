import {
  formatExponentMagnitude,
  formatFixedMagnitude,
  formatGeneralMagnitude,
  hasSignBit,
} from './number-format.js';

/**
 * One C printf conversion as glibc prints it, for the conversions Lua 5.1's
 * string.format passes through to sprintf (integers as C `long`, 64 bits).
 */
export interface PrintfSpec {
  /** Any of "-+ #0". */
  readonly flags: string;
  readonly width: number;
  /** undefined when the format has no '.'; a bare '.' means 0. */
  readonly precision: number | undefined;
  readonly conversion: string;
}

const int64Min = -(2n ** 63n);

/** C's (long)d on x86-64 (cvttsd2si): truncation, and 0x8000000000000000 for NaN or out of range. */
export function doubleToInt64(d: number): bigint {
  if (Number.isNaN(d)) return int64Min;
  const truncated = Math.trunc(d);
  if (truncated < -(2 ** 63) || truncated >= 2 ** 63) return int64Min;
  return BigInt(truncated);
}

/** C's (unsigned long)d as gcc compiles it on x86-64 (values from 2^63 up go through a subtraction). */
export function doubleToUint64(d: number): bigint {
  if (d >= 2 ** 63) return BigInt.asUintN(64, doubleToInt64(d - 2 ** 63) ^ int64Min);
  return BigInt.asUintN(64, doubleToInt64(d));
}

/** C's (int)d on x86-64: truncation, INT_MIN for NaN or out of range. */
export function doubleToInt32(d: number): number {
  if (Number.isNaN(d)) return -(2 ** 31);
  const truncated = Math.trunc(d);
  if (truncated < -(2 ** 31) || truncated >= 2 ** 31) return -(2 ** 31);
  return truncated;
}

function pad(spec: PrintfSpec, prefix: string, body: string, zeroPadAllowed: boolean): string {
  const length = prefix.length + body.length;
  if (length >= spec.width) return prefix + body;
  const fill = spec.width - length;
  if (spec.flags.includes('-')) return prefix + body + ' '.repeat(fill);
  if (zeroPadAllowed && spec.flags.includes('0')) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}

function signPrefix(spec: PrintfSpec, negative: boolean): string {
  if (negative) return '-';
  if (spec.flags.includes('+')) return '+';
  if (spec.flags.includes(' ')) return ' ';
  return '';
}

function integerDigits(magnitude: bigint, radix: number, precision: number | undefined, upper: boolean): string {
  if (precision === 0 && magnitude === 0n) return '';
  const digits = magnitude.toString(radix);
  const cased = upper ? digits.toUpperCase() : digits;
  return precision === undefined ? cased : cased.padStart(precision, '0');
}

function formatSigned(spec: PrintfSpec, value: bigint): string {
  const negative = value < 0n;
  const body = integerDigits(negative ? -value : value, 10, spec.precision, false);
  return pad(spec, signPrefix(spec, negative), body, spec.precision === undefined);
}

function formatUnsigned(spec: PrintfSpec, value: bigint): string {
  const radix = spec.conversion === 'o' ? 8 : spec.conversion === 'u' ? 10 : 16;
  const upper = spec.conversion === 'X';
  let body = integerDigits(value, radix, spec.precision, upper);
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (radix === 8 && !body.startsWith('0')) body = `0${body}`;
    if (radix === 16 && value !== 0n) prefix = upper ? '0X' : '0x';
  }
  return pad(spec, prefix, body, spec.precision === undefined);
}

function formatFloat(spec: PrintfSpec, d: number): string {
  const upper = spec.conversion === 'E' || spec.conversion === 'G';
  const sign = signPrefix(spec, hasSignBit(d));
  if (!Number.isFinite(d)) {
    const text = Number.isNaN(d) ? 'nan' : 'inf';
    return pad(spec, sign, upper ? text.toUpperCase() : text, false);
  }
  const precision = spec.precision ?? 6;
  const alternate = spec.flags.includes('#');
  let body: string;
  switch (spec.conversion.toLowerCase()) {
    case 'e':
      body = formatExponentMagnitude(d, precision, alternate);
      break;
    case 'f':
      body = formatFixedMagnitude(d, precision, alternate);
      break;
    default:
      body = formatGeneralMagnitude(d, precision, alternate);
  }
  return pad(spec, sign, upper ? body.toUpperCase() : body, true);
}

/** sprintf of one numeric conversion (d i o u x X e E f g G c) of the double `d`. */
export function formatPrintfNumber(spec: PrintfSpec, d: number): string {
  switch (spec.conversion) {
    case 'd':
    case 'i':
      return formatSigned(spec, doubleToInt64(d));
    case 'o':
    case 'u':
    case 'x':
    case 'X':
      return formatUnsigned(spec, doubleToUint64(d));
    case 'c':
      return pad(spec, '', String.fromCharCode(doubleToInt32(d) & 0xff), false);
    default:
      return formatFloat(spec, d);
  }
}

/** sprintf of %s: the precision cuts, the width pads; the C string ends at the first NUL. */
export function formatPrintfString(spec: PrintfSpec, text: string): string {
  const nulAt = text.indexOf('\0');
  const cText = nulAt < 0 ? text : text.slice(0, nulAt);
  const cut = spec.precision === undefined ? cText : cText.slice(0, spec.precision);
  return pad(spec, '', cut, false);
}
