/**
 * Decimal digits and short text written straight into a byte buffer: the
 * reply and request paths write many small numbers and names, and going
 * through a string and Buffer#write for each costs more than the bytes.
 */

/** Strings up to this many chars are copied char by char (longer ones by Buffer#write). */
const SHORT_TEXT_CHARS = 32;

/** How many bytes the decimal form of a non-negative safe integer takes. */
export function decimalLength(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/** Writes a safe integer in decimal at `offset`; returns the offset after it. The caller reserved the room. */
export function writeDecimal(target: Buffer, offset: number, value: number): number {
  let position = offset;
  let rest = value;
  if (rest < 0) {
    target[position++] = 0x2d;
    rest = -rest;
  }
  const end = position + decimalLength(rest);
  for (let at = end - 1; at >= position; at--) {
    target[at] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return end;
}

/**
 * Writes text whose UTF-8 form is `byteLength` bytes; returns the offset
 * after it. Pure-ASCII short text (byteLength equals the char count) is
 * copied without the encoder.
 */
export function writeUtf8(target: Buffer, offset: number, text: string, byteLength: number): number {
  if (byteLength === text.length && byteLength <= SHORT_TEXT_CHARS) {
    for (let index = 0; index < byteLength; index++) target[offset + index] = text.charCodeAt(index);
    return offset + byteLength;
  }
  return offset + target.write(text, offset, byteLength, 'utf8');
}

/** Writes text whose chars are all bytes (protocol lines); returns the offset after it. */
export function writeLatin1(target: Buffer, offset: number, text: string): number {
  if (text.length <= SHORT_TEXT_CHARS) {
    for (let index = 0; index < text.length; index++) target[offset + index] = text.charCodeAt(index);
    return offset + text.length;
  }
  return offset + target.write(text, offset, 'latin1');
}

/** Copies below this many bytes go byte by byte (Buffer#copy's call overhead dominates small copies). */
const SHORT_COPY_BYTES = 48;

/** Copies source[start, end) to target at `offset`; returns the offset after it. */
export function copyBytes(source: Uint8Array, start: number, end: number, target: Uint8Array, offset: number): number {
  const length = end - start;
  if (length <= SHORT_COPY_BYTES) {
    for (let index = 0; index < length; index++) target[offset + index] = source[start + index] as number;
    return offset + length;
  }
  target.set(source.subarray(start, end), offset);
  return offset + length;
}
