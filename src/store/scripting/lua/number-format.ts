/**
 * Lua 5.1's number <-> text rules, as Redis's embedded Lua runs them on
 * glibc: numbers print with C's "%.14g" (tostring, concatenation) and text
 * becomes a number through luaO_str2d (strtod, then a hex fallback, with
 * surrounding whitespace allowed). Also the decimal machinery of C's printf
 * conversions %e %f %g, rounding the exact binary value half-to-even as
 * glibc does (so `%.0f` of 2.5 is "2" and `%.14g` of 123456789012345 is
 * "1.2345678901234e+14").
 */

/** A positive finite number as exact decimal digits: value = 0.DIGITS × 10^pointPosition. Zero has no digits. */
export interface ExactDecimal {
  readonly digits: string;
  readonly pointPosition: number;
}

const float64View = new DataView(new ArrayBuffer(8));

/** True when the IEEE sign bit of `n` is set (-0, negative numbers, and "negative" NaNs such as x86's 0/0). */
export function hasSignBit(n: number): boolean {
  float64View.setFloat64(0, n);
  return (float64View.getUint8(0) & 0x80) !== 0;
}

/** The exact decimal expansion of |n| (n finite). */
export function exactDecimal(n: number): ExactDecimal {
  float64View.setFloat64(0, Math.abs(n));
  const high = float64View.getUint32(0);
  const low = float64View.getUint32(4);
  const biasedExponent = high >>> 20;
  const fractionBits = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biasedExponent === 0 && fractionBits === 0n) return { digits: '', pointPosition: 0 };
  const mantissa = biasedExponent === 0 ? fractionBits : fractionBits | (1n << 52n);
  const binaryExponent = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  let digits: string;
  let pointPosition: number;
  if (binaryExponent >= 0) {
    digits = (mantissa << BigInt(binaryExponent)).toString();
    pointPosition = digits.length;
  } else {
    digits = (mantissa * 5n ** BigInt(-binaryExponent)).toString();
    pointPosition = digits.length + binaryExponent;
  }
  return { digits: digits.replace(/0+$/, ''), pointPosition };
}

/** Keeps `keep` significant digits, rounding half to even on the exact value; the result has exactly `keep` digits (or none: zero). */
export function roundDecimal(decimal: ExactDecimal, keep: number): ExactDecimal {
  const { digits, pointPosition } = decimal;
  if (digits.length <= keep) return { digits: digits.padEnd(keep, '0'), pointPosition };
  if (keep < 0) return { digits: '', pointPosition };
  const next = digits.charCodeAt(keep) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
  const lastKept = keep === 0 ? 0 : digits.charCodeAt(keep - 1) - 48;
  const roundUp = next > 5 || (next === 5 && (restNonZero || lastKept % 2 === 1));
  const kept = digits.slice(0, keep);
  if (!roundUp) return kept === '' || /^0*$/.test(kept) ? { digits: '', pointPosition } : { digits: kept, pointPosition };
  const incremented = (BigInt(kept === '' ? '0' : kept) + 1n).toString();
  if (incremented.length > keep) {
    // A carry out of the leading digit (9.99 -> 10.0): one more integer digit.
    return { digits: incremented.slice(0, Math.max(keep, 1)), pointPosition: pointPosition + 1 };
  }
  return { digits: incremented.padStart(keep, '0'), pointPosition };
}

function exponentText(exponent: number): string {
  const magnitude = Math.abs(exponent).toString().padStart(2, '0');
  return (exponent < 0 ? '-' : '+') + magnitude;
}

/**
 * JS's shortest round-trip text of |n| as significant digits and the decimal
 * exponent of the first, when it has at most `count` digits; else undefined.
 */
function shortDigits(n: number, count: number): { digits: string; exponent: number } | undefined {
  const text = String(Math.abs(n));
  const exponentAt = text.indexOf('e');
  const mantissaEnd = exponentAt < 0 ? text.length : exponentAt;
  const pointAt = text.indexOf('.');
  const integerLength = pointAt < 0 ? mantissaEnd : pointAt;
  let firstAt = 0;
  while (firstAt < mantissaEnd && (text.charCodeAt(firstAt) === 48 || text.charCodeAt(firstAt) === 46)) firstAt++;
  let end = mantissaEnd;
  while (end > firstAt + 1 && (text.charCodeAt(end - 1) === 48 || text.charCodeAt(end - 1) === 46)) end--;
  const pointInside = pointAt > firstAt && pointAt < end;
  if (end - firstAt - (pointInside ? 1 : 0) > count) return undefined;
  const raw = text.slice(firstAt, end);
  // The first significant digit sits integerLength - 1 places left of the point (right of it when negative).
  const position = firstAt < integerLength ? integerLength - 1 - firstAt : integerLength - firstAt;
  return {
    digits: pointInside ? raw.replace('.', '') : raw,
    exponent: position + (exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1))),
  };
}

/**
 * |n| (finite, not zero) rounded to `count` significant digits, half to even
 * on the exact binary value. When JS's shortest round-trip text has at most
 * `count` <= 15 digits it is that rounding (a double's half-ulp is below half
 * a unit of the 15th digit); otherwise the exact BigInt expansion decides.
 */
export function significantDigits(n: number, count: number): { digits: string; exponent: number } {
  // Subnormal doubles have fewer bits, so a short text may not be the rounding there.
  if (count <= 15 && Math.abs(n) >= 2.2250738585072014e-308) {
    const short = shortDigits(n, count);
    if (short !== undefined) return { digits: short.digits.padEnd(count, '0'), exponent: short.exponent };
  }
  const exact = roundDecimal(exactDecimal(n), count);
  return { digits: exact.digits, exponent: exact.pointPosition - 1 };
}

/** C's %.<precision>e of |n| (finite), without sign: "1.234560e+02". */
export function formatExponentMagnitude(n: number, precision: number, alternate: boolean): string {
  const point = precision > 0 || alternate ? '.' : '';
  if (n === 0) return `0${point}${'0'.repeat(precision)}e+00`;
  const { digits, exponent } = significantDigits(n, precision + 1);
  return `${digits.slice(0, 1)}${point}${digits.slice(1)}e${exponentText(exponent)}`;
}

/** C's %.<precision>f of |n| (finite), without sign: "3.140". */
export function formatFixedMagnitude(n: number, precision: number, alternate: boolean): string {
  const decimal = exactDecimal(n);
  const rounded = decimal.digits === '' ? decimal : roundDecimal(decimal, decimal.pointPosition + precision);
  let integerPart: string;
  let fractionPart: string;
  if (rounded.digits === '') {
    integerPart = '0';
    fractionPart = '0'.repeat(precision);
  } else {
    const all = rounded.pointPosition > 0 ? rounded.digits : '0'.repeat(-rounded.pointPosition) + rounded.digits;
    const integerLength = Math.max(rounded.pointPosition, 0);
    const padded = all.padEnd(integerLength + precision, '0');
    integerPart = integerLength === 0 ? '0' : padded.slice(0, integerLength);
    fractionPart = padded.slice(integerLength, integerLength + precision);
  }
  const point = precision > 0 || alternate ? '.' : '';
  return `${integerPart}${point}${fractionPart}`;
}

/** Drops trailing zeros of a fraction, and the point when nothing is left after it. */
function stripFractionZeros(integerPart: string, fraction: string): string {
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? integerPart : `${integerPart}.${fraction.slice(0, end)}`;
}

/** C's %.<precision>g of |n| (finite), without sign: P significant digits, fixed or exponent form by the exponent. */
export function formatGeneralMagnitude(n: number, precisionGiven: number, alternate: boolean): string {
  const precision = precisionGiven === 0 ? 1 : precisionGiven;
  const { digits, exponent } = n === 0 ? { digits: '0'.repeat(precision), exponent: 0 } : significantDigits(n, precision);
  let integerPart: string;
  let fraction: string;
  let suffix = '';
  if (exponent < precision && exponent >= -4) {
    integerPart = exponent >= 0 ? digits.slice(0, exponent + 1) : '0';
    fraction = exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits;
  } else {
    integerPart = digits.slice(0, 1);
    fraction = digits.slice(1);
    suffix = `e${exponentText(exponent)}`;
  }
  if (!alternate) return stripFractionZeros(integerPart, fraction) + suffix;
  return `${integerPart}.${fraction}${suffix}`;
}

/** What glibc prints for an infinity or NaN (sign included). */
export function nonFiniteText(n: number): string {
  if (Number.isNaN(n)) return hasSignBit(n) ? '-nan' : 'nan';
  return n < 0 ? '-inf' : 'inf';
}

/** tostring(n) / `..` in Lua 5.1: C's "%.14g" ("1e+15", "0.1", "-0", "inf", "-nan" for x86's 0/0). */
export function formatLuaNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e14) {
    return n === 0 && hasSignBit(n) ? '-0' : String(n);
  }
  if (!Number.isFinite(n)) return nonFiniteText(n);
  const sign = n < 0 ? '-' : '';
  return sign + formatGeneralMagnitude(n, 14, false);
}

const cSpaces = ' \t\n\v\f\r';

/** strtod's longest valid prefix of `text` from `start`: its value and where it ended (end === start: nothing parsed). */
export function parseCNumberPrefix(text: string, start: number): { value: number; end: number } {
  let at = start;
  while (at < text.length && cSpaces.includes(text.charAt(at))) at++;
  let negative = false;
  if (text[at] === '+' || text[at] === '-') {
    negative = text[at] === '-';
    at++;
  }
  const body = parseUnsignedCNumber(text, at);
  if (body === undefined) return { value: 0, end: start };
  return { value: negative ? -body.value : body.value, end: body.end };
}

function parseUnsignedCNumber(text: string, at: number): { value: number; end: number } | undefined {
  const rest = text.slice(at, at + 9).toLowerCase();
  if (rest.startsWith('infinity')) return { value: Infinity, end: at + 8 };
  if (rest.startsWith('inf')) return { value: Infinity, end: at + 3 };
  if (rest.startsWith('nan')) {
    const sequence = /^\([0-9A-Za-z_]*\)/.exec(text.slice(at + 3));
    return { value: NaN, end: at + 3 + (sequence === null ? 0 : sequence[0].length) };
  }
  if (rest.startsWith('0x')) {
    const hex = parseHexFloat(text, at + 2);
    if (hex !== undefined) return hex;
  }
  return parseDecimalFloat(text, at);
}

function parseDecimalFloat(text: string, at: number): { value: number; end: number } | undefined {
  const match = /^(\d*)(?:\.(\d*))?/.exec(text.slice(at));
  const integerDigits = match?.[1] ?? '';
  const fractionDigits = match?.[2] ?? '';
  if (integerDigits === '' && fractionDigits === '') return undefined;
  let end = at + (match?.[0].length ?? 0);
  let exponent = '0';
  const exponentMatch = /^[eE]([+-]?\d+)/.exec(text.slice(end));
  if (exponentMatch !== null) {
    exponent = exponentMatch[1] ?? '0';
    end += exponentMatch[0].length;
  }
  const canonical = `${integerDigits || '0'}.${fractionDigits || '0'}e${exponent}`;
  return { value: Number(canonical), end };
}

function parseHexFloat(text: string, at: number): { value: number; end: number } | undefined {
  const match = /^([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?/.exec(text.slice(at));
  const integerDigits = match?.[1] ?? '';
  const fractionDigits = match?.[2] ?? '';
  if (integerDigits === '' && fractionDigits === '') return undefined;
  let end = at + (match?.[0].length ?? 0);
  let binaryExponent = 0;
  const exponentMatch = /^[pP]([+-]?\d+)/.exec(text.slice(end));
  if (exponentMatch !== null) {
    binaryExponent = Number(exponentMatch[1] ?? '0');
    end += exponentMatch[0].length;
  }
  const mantissa = BigInt(`0x${integerDigits}${fractionDigits}0`) / 16n;
  const value = Number(mantissa) * 2 ** (binaryExponent - 4 * fractionDigits.length);
  return { value, end };
}

/** Lua 5.1's luaO_str2d: the number `text` spells (strtod syntax, hex allowed, whitespace around), or undefined. */
export function parseLuaNumber(text: string): number | undefined {
  const nulAt = text.indexOf('\0');
  // Lua hands the C string to strtod: an embedded NUL ends it.
  const cText = nulAt < 0 ? text : text.slice(0, nulAt);
  const parsed = parseCNumberPrefix(cText, 0);
  if (parsed.end === 0) return undefined;
  let end = parsed.end;
  let value = parsed.value;
  if (cText[end] === 'x' || cText[end] === 'X') {
    // strtod stopped at the x of "0x" with no hex digit: Lua retries with strtoul base 16.
    const retry = parseHexInteger(cText);
    value = retry.value;
    end = retry.end;
  }
  while (end < cText.length && cSpaces.includes(cText.charAt(end))) end++;
  return end === cText.length ? value : undefined;
}

function parseHexInteger(text: string): { value: number; end: number } {
  const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX])?([0-9a-fA-F]*)/.exec(text);
  const digits = match?.[3] ?? '';
  if (match === null || digits === '') {
    // strtoul parsed just the "0" before the x.
    const zeroAt = text.search(/0[xX]/);
    return { value: 0, end: zeroAt + 1 };
  }
  const magnitude = Number(BigInt(`0x${digits}`) & 0xffffffffffffffffn);
  return { value: match[1] === '-' ? -magnitude : magnitude, end: match[0].length };
}
