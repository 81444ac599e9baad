/**
 * Redis's number parsing rules (util.c string2ll/string2d/string2ld and
 * object.c get*FromObjectOrReply, timeout.c getTimeoutFromObjectOrReply),
 * shared by every command family.
 *
 * The `...OrReply` helpers return the parsed value, or `undefined` after
 * writing the error reply Redis writes; the handler must then return.
 * 64-bit integers are exact as `bigint`; the `number` variants are for
 * counts, indexes and offsets (values beyond 2^53 lose precision, which only
 * matters for ranges far beyond any real collection).
 */
import { doubleFormat, toDouble } from './binary-float.js';
import { parseFloatStrict } from './float-parsing.js';
import { ceilLongDouble, type LongDouble, longDoubleToLongLong, multiplyLongDouble, string2ld } from './long-double.js';

/** What the helpers need to report an error: `ctx.reply` fits. */
export interface ErrorReplier {
  error(message: string): void;
}

export const LLONG_MAX = 2n ** 63n - 1n;
export const LLONG_MIN = -(2n ** 63n);
/** LONG_STR_SIZE: string2ll refuses 21 bytes or more. */
const longStringSizeMax = 21;

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;

/**
 * string2ll: strictly a canonical decimal long long: optional '-', no '+',
 * no spaces, no leading zeros (except "0" itself), no "-0", in range.
 */
export function string2ll(data: Buffer): bigint | undefined {
  if (data.length === 0 || data.length >= longStringSizeMax) return undefined;
  if (data.length === 1 && data[0] === ZERO) return 0n;
  const negative = data[0] === MINUS;
  const start = negative ? 1 : 0;
  if (start === data.length) return undefined;
  const first = data[start] as number;
  if (first < ZERO + 1 || first > NINE) return undefined;
  for (let index = start + 1; index < data.length; index++) {
    const byte = data[index] as number;
    if (byte < ZERO || byte > NINE) return undefined;
  }
  const magnitude = data.length - start <= SAFE_DIGITS_MAX ? BigInt(smallDecimal(data, start)) : BigInt(data.toString('latin1', start));
  const value = negative ? -magnitude : magnitude;
  if (value < LLONG_MIN || value > LLONG_MAX) return undefined;
  return value;
}

/** Decimal digits that always fit a double exactly (2^53 has 16). */
const SAFE_DIGITS_MAX = 15;

/** The value of digits already checked, short enough to be exact as a number. */
function smallDecimal(data: Buffer, start: number): number {
  let value = 0;
  for (let index = start; index < data.length; index++) value = value * 10 + ((data[index] as number) - ZERO);
  return value;
}

/**
 * string2ll of text whose chars are its bytes, when it has at most
 * SAFE_DIGITS_MAX digits (so the value is exact as a number, no bigint
 * made); undefined when string2ll would refuse it or it has more digits.
 */
export function safeIntegerOfText(text: string): number | undefined {
  const length = text.length;
  const negative = length > 0 && text.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  if (length === start || length - start > SAFE_DIGITS_MAX) return undefined;
  const first = text.charCodeAt(start) - ZERO;
  if (first === 0) return length === 1 ? 0 : undefined;
  if (first < 1 || first > 9) return undefined;
  let value = first;
  for (let index = start + 1; index < length; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/** safeIntegerOfText of bytes: string2ll without a bigint, for at most SAFE_DIGITS_MAX digits; undefined otherwise. */
export function safeIntegerOfBytes(data: Uint8Array): number | undefined {
  const length = data.length;
  const negative = length > 0 && data[0] === MINUS;
  const start = negative ? 1 : 0;
  if (length === start || length - start > SAFE_DIGITS_MAX) return undefined;
  const first = (data[start] as number) - ZERO;
  if (first === 0) return length === 1 ? 0 : undefined;
  if (first < 1 || first > 9) return undefined;
  let value = first;
  for (let index = start + 1; index < length; index++) {
    const digit = (data[index] as number) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/** Texts longer than this may hold a long long safeIntegerOfText does not read. */
export const safeIntegerTextLengthMax = SAFE_DIGITS_MAX;

/** string2l: on 64-bit Linux a long is a long long. */
export const string2l = string2ll;

/** ll2string: decimal bytes of a 64-bit integer. */
export function ll2string(value: bigint | number): Buffer {
  return Buffer.from(typeof value === 'bigint' ? value.toString() : String(value), 'latin1');
}

/** string2d: strtod over the whole input (see float-parsing.ts); never NaN. */
export function string2d(data: Buffer): number | undefined {
  const small = shortIntegerValue(data);
  if (small !== undefined) return small;
  const value = parseFloatStrict(data, doubleFormat);
  return value === undefined ? undefined : toDouble(value);
}

const PLUS = 0x2b;

/**
 * The common score or increment: an optional sign and at most 15 decimal
 * digits (leading zeros allowed, as strtod allows them). Such a value is an
 * exact double, so it needs none of the exact-rounding machinery; strtod
 * gives the same (including -0 for "-0"). Undefined for anything else.
 */
function shortIntegerValue(data: Buffer): number | undefined {
  const length = data.length;
  if (length === 0) return undefined;
  const first = data[0] as number;
  const start = first === MINUS || first === PLUS ? 1 : 0;
  if (start === length || length - start > SAFE_DIGITS_MAX) return undefined;
  let value = 0;
  for (let index = start; index < length; index++) {
    const digit = (data[index] as number) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return first === MINUS ? -value : value;
}

export { string2ld };

/** getLongLongFromObjectOrReply: "ERR value is not an integer or out of range" unless `message`. */
export function getLongLongOrReply(reply: ErrorReplier, argument: Buffer, message?: string): bigint | undefined {
  const value = string2ll(argument);
  if (value === undefined) reply.error(message ?? 'ERR value is not an integer or out of range');
  return value;
}

/** getLongFromObjectOrReply, as a JS number (exact up to 2^53). */
export function getLongOrReply(reply: ErrorReplier, argument: Buffer, message?: string): number | undefined {
  const value = getLongLongOrReply(reply, argument, message);
  return value === undefined ? undefined : Number(value);
}

/** getRangeLongFromObjectOrReply: a long within [min, max]. */
export function getRangeLongOrReply(reply: ErrorReplier, argument: Buffer, min: bigint, max: bigint, message?: string): number | undefined {
  const value = getLongLongOrReply(reply, argument, message);
  if (value === undefined) return undefined;
  if (value < min || value > max) {
    reply.error(message ?? `ERR value is out of range, value must between ${min} and ${max}`);
    return undefined;
  }
  return Number(value);
}

/** getPositiveLongFromObjectOrReply: 0..LONG_MAX, "ERR value is out of range, must be positive" unless `message`. */
export function getPositiveLongOrReply(reply: ErrorReplier, argument: Buffer, message?: string): number | undefined {
  return getRangeLongOrReply(reply, argument, 0n, LLONG_MAX, message ?? 'ERR value is out of range, must be positive');
}

/** getIntFromObjectOrReply: INT_MIN..INT_MAX. */
export function getIntOrReply(reply: ErrorReplier, argument: Buffer, message?: string): number | undefined {
  return getRangeLongOrReply(reply, argument, -(2n ** 31n), 2n ** 31n - 1n, message);
}

/** getDoubleFromObjectOrReply: "ERR value is not a valid float" unless `message`. */
export function getDoubleOrReply(reply: ErrorReplier, argument: Buffer, message?: string): number | undefined {
  const value = string2d(argument);
  if (value === undefined) reply.error(message ?? 'ERR value is not a valid float');
  return value;
}

/** getLongDoubleFromObjectOrReply: "ERR value is not a valid float" unless `message`. */
export function getLongDoubleOrReply(reply: ErrorReplier, argument: Buffer, message?: string): LongDouble | undefined {
  const value = string2ld(argument);
  if (value === undefined) reply.error(message ?? 'ERR value is not a valid float');
  return value;
}

export type TimeoutUnit = 'seconds' | 'milliseconds';

/**
 * getTimeoutFromObjectOrReply: an absolute deadline in ms on the host clock,
 * or 0 for "no timeout". Seconds may be fractional (long double, rounded up
 * to whole ms).
 */
export function getTimeoutOrReply(reply: ErrorReplier, argument: Buffer, nowMs: number, unit: TimeoutUnit): number | undefined {
  let timeoutMs: bigint;
  if (unit === 'seconds') {
    const seconds = getLongDoubleOrReply(reply, argument, 'ERR timeout is not a float or out of range');
    if (seconds === undefined) return undefined;
    timeoutMs = longDoubleToLongLong(ceilLongDouble(multiplyLongDouble(seconds, 1000n)));
  } else {
    const milliseconds = getLongLongOrReply(reply, argument, 'ERR timeout is not an integer or out of range');
    if (milliseconds === undefined) return undefined;
    timeoutMs = milliseconds;
  }
  if (timeoutMs < 0n) {
    reply.error('ERR timeout is negative');
    return undefined;
  }
  return timeoutMs > 0n ? Number(timeoutMs) + nowMs : 0;
}
