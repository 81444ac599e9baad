/**
 * Redis's `string2ll` (util.c): the strict decimal form of a signed 64-bit
 * integer. No sign but `-`, no leading zeros, no spaces, at most 20 chars.
 * Returns undefined when the bytes are not such a number.
 */
const LONG_STR_SIZE = 21;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN_MAGNITUDE = 1n << 63n;

export function parseStrictInteger(data: Uint8Array, start = 0, end = data.length): bigint | undefined {
  const length = end - start;
  if (length <= 0 || length >= LONG_STR_SIZE) return undefined;
  if (length === 1 && data[start] === 0x30) return 0n;
  let position = start;
  const negative = data[position] === 0x2d;
  if (negative) {
    position++;
    if (position === end) return undefined;
  }
  const first = data[position] as number;
  if (first < 0x31 || first > 0x39) return undefined;
  let magnitude = 0n;
  for (; position < end; position++) {
    const digit = data[position] as number;
    if (digit < 0x30 || digit > 0x39) return undefined;
    magnitude = magnitude * 10n + BigInt(digit - 0x30);
  }
  if (negative) return magnitude > INT64_MIN_MAGNITUDE ? undefined : -magnitude;
  return magnitude > INT64_MAX ? undefined : magnitude;
}

/** string2ll over a whole buffer or string, as a JS number when it is safe, else a bigint. */
export function parseStrictIntegerText(text: Buffer | string): bigint | undefined {
  const data = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return parseStrictInteger(data, 0, data.length);
}

/** Digits a number may have and still be exact in a double. */
const SAFE_DIGITS_MAX = 15;

/**
 * string2ll for the short case: the value of a strict decimal integer of at
 * most 15 digits, else undefined (invalid, or too long to be sure: use
 * parseStrictInteger then).
 */
export function parseStrictSmallInteger(data: Uint8Array, start: number, end: number): number | undefined {
  let position = start;
  const negative = data[position] === 0x2d;
  if (negative) position++;
  const digits = end - position;
  if (digits <= 0 || digits > SAFE_DIGITS_MAX) return undefined;
  if (data[position] === 0x30) return digits === 1 && !negative ? 0 : undefined;
  let value = 0;
  for (; position < end; position++) {
    const digit = (data[position] as number) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
