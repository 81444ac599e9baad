/**
 * C's strtod (glibc) over a latin1 string, as Redis's score parsing relies on
 * it: leading white space, a sign, decimal or hexadecimal (`0x1p-3`) numbers,
 * `inf`/`infinity`/`nan` in any case. Returns what strtod would: the value,
 * how many characters it consumed (0 when nothing converted) and whether it
 * set ERANGE (overflow to infinity, or underflow of a non-zero number to 0).
 */
export interface StrtodResult {
  readonly value: number;
  readonly consumed: number;
  readonly rangeError: boolean;
}

const NOTHING: StrtodResult = { value: 0, consumed: 0, rangeError: false };
/** Bits beyond which a hexadecimal number is certainly out of the double range. */
const HEX_BITS_MAX = 1100;

export function isCSpace(code: number | undefined): boolean {
  return code === 0x20 || (code !== undefined && code >= 0x09 && code <= 0x0d);
}

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number | undefined): boolean {
  if (code === undefined) return false;
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function startsWithWord(text: string, at: number, word: string): boolean {
  return text.slice(at, at + word.length).toLowerCase() === word;
}

export function cStrtod(text: string): StrtodResult {
  let at = 0;
  while (isCSpace(text.charCodeAt(at))) at++;
  let sign = 1;
  if (text[at] === '+' || text[at] === '-') {
    if (text[at] === '-') sign = -1;
    at++;
  }
  const body = parseUnsigned(text, at);
  if (body === undefined) return NOTHING;
  return { value: sign * body.value, consumed: body.end, rangeError: body.rangeError };
}

interface UnsignedParse {
  readonly value: number;
  readonly end: number;
  readonly rangeError: boolean;
}

function parseUnsigned(text: string, at: number): UnsignedParse | undefined {
  if (startsWithWord(text, at, 'inf')) {
    const end = startsWithWord(text, at, 'infinity') ? at + 8 : at + 3;
    return { value: Infinity, end, rangeError: false };
  }
  if (startsWithWord(text, at, 'nan')) return { value: NaN, end: nanEnd(text, at + 3), rangeError: false };
  if (text[at] === '0' && (text[at + 1] === 'x' || text[at + 1] === 'X')) {
    const hex = parseHex(text, at + 2);
    if (hex !== undefined) return hex;
  }
  return parseDecimal(text, at);
}

/** `nan(n-char-sequence)` consumes the parenthesis only when it is closed. */
function nanEnd(text: string, at: number): number {
  if (text[at] !== '(') return at;
  let cursor = at + 1;
  while (cursor < text.length && /[A-Za-z0-9_]/.test(text[cursor] as string)) cursor++;
  return text[cursor] === ')' ? cursor + 1 : at;
}

function exponentEnd(text: string, at: number, marks: string): { end: number; exponent: number } {
  if (!marks.includes(text[at] ?? '')) return { end: at, exponent: 0 };
  let cursor = at + 1;
  if (text[cursor] === '+' || text[cursor] === '-') cursor++;
  if (!isDigit(text.charCodeAt(cursor))) return { end: at, exponent: 0 };
  const digitsStart = cursor;
  while (isDigit(text.charCodeAt(cursor))) cursor++;
  const magnitude = Math.min(Number(text.slice(digitsStart, cursor)), 1e9);
  return { end: cursor, exponent: text[at + 1] === '-' ? -magnitude : magnitude };
}

function parseDecimal(text: string, at: number): UnsignedParse | undefined {
  let cursor = at;
  let digits = 0;
  let nonZeroDigit = false;
  while (isDigit(text.charCodeAt(cursor))) {
    if (text[cursor] !== '0') nonZeroDigit = true;
    cursor++;
    digits++;
  }
  if (text[cursor] === '.') {
    cursor++;
    while (isDigit(text.charCodeAt(cursor))) {
      if (text[cursor] !== '0') nonZeroDigit = true;
      cursor++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  const { end } = exponentEnd(text, cursor, 'eE');
  const value = Number(text.slice(at, end));
  const overflow = value === Infinity;
  const underflow = value === 0 && nonZeroDigit;
  return { value, end, rangeError: overflow || underflow };
}

function parseHex(text: string, at: number): UnsignedParse | undefined {
  let cursor = at;
  let mantissaText = '';
  let fractionDigits = 0;
  while (isHexDigit(text.charCodeAt(cursor))) mantissaText += text[cursor++];
  if (text[cursor] === '.') {
    cursor++;
    while (isHexDigit(text.charCodeAt(cursor))) {
      mantissaText += text[cursor++];
      fractionDigits++;
    }
  }
  if (mantissaText.length === 0) return undefined;
  const { end, exponent } = exponentEnd(text, cursor, 'pP');
  const mantissa = BigInt(`0x${mantissaText}`);
  const binaryExponent = exponent - 4 * fractionDigits;
  return { ...hexValue(mantissa, binaryExponent), end };
}

/** Bits kept of a long hexadecimal mantissa; the rest folds into a sticky bit, so rounding stays right. */
const HEX_MANTISSA_BITS_KEPT = 64;

function hexValue(mantissa: bigint, binaryExponent: number): { value: number; rangeError: boolean } {
  if (mantissa === 0n) return { value: 0, rangeError: false };
  const bits = mantissa.toString(2).length;
  if (bits + binaryExponent > HEX_BITS_MAX) return { value: Infinity, rangeError: true };
  if (bits + binaryExponent < -HEX_BITS_MAX) return { value: 0, rangeError: true };
  let kept = mantissa;
  let exponent = binaryExponent;
  if (bits > HEX_MANTISSA_BITS_KEPT) {
    const shift = BigInt(bits - HEX_MANTISSA_BITS_KEPT);
    const sticky = (kept & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
    kept = (kept >> shift) | sticky;
    exponent += Number(shift);
  }
  const firstHalf = Math.ceil(exponent / 2);
  const value = Number(kept) * 2 ** firstHalf * 2 ** (exponent - firstHalf);
  return { value, rangeError: value === 0 || value === Infinity };
}
