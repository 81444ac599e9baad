import { slabView } from './types/slab-bytes.js';

/** Replies are written into slabs of this size; a bigger reply gets its own Buffer. */
const SLAB_BYTES = 16 * 1024;
const SAFE_INTEGER_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_INTEGER_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** `$`, up to 16 digits, CRLF, CRLF. */
const BULK_FRAMING_BYTES_MAX = 21;
const CR = 0x0d;
const LF = 0x0a;

/** Decimal digits of a non-negative safe integer, by comparisons (no division). */
export function digitCount(magnitude: number): number {
  let digits = 1;
  let bound = 10;
  while (magnitude >= bound && digits < 16) {
    digits++;
    bound *= 10;
  }
  return digits;
}

/** Integers below this divide as int32 (`| 0`), far cheaper than Math.floor on doubles. */
const INT32_LIMIT = 2 ** 31;

/** Writes the decimal digits of a non-negative safe integer so that its last digit lands at `lastAt`. */
function writeDigitsBackwards(bytes: Buffer, lastAt: number, magnitude: number): void {
  let at = lastAt;
  let rest = magnitude;
  while (rest >= INT32_LIMIT) {
    const quotient = Math.floor(rest / 10);
    bytes[at--] = 0x30 + (rest - quotient * 10);
    rest = quotient;
  }
  let small = rest | 0;
  do {
    const quotient = (small / 10) | 0;
    bytes[at--] = 0x30 + (small - quotient * 10);
    small = quotient;
  } while (small !== 0);
}

/**
 * The fast path's reply bytes, exactly as the RESP reply writer would write
 * them. Each reply is a fresh view over a write-once slab: the caller owns
 * it and may change it without touching any other reply.
 */
export class FastReplies {
  private slab = new ArrayBuffer(SLAB_BYTES);
  private bytes = Buffer.from(this.slab);
  private writeAt = 0;

  ok(): Buffer {
    const start = this.reserve(5);
    const bytes = this.bytes;
    bytes[start] = 0x2b;
    bytes[start + 1] = 0x4f;
    bytes[start + 2] = 0x4b;
    bytes[start + 3] = CR;
    bytes[start + 4] = LF;
    return this.take(start, 5);
  }

  /** RESP2 `$-1`, RESP3 `_`. */
  nullBulk(protocol: 2 | 3): Buffer {
    const bytes = this.bytes;
    if (protocol === 3) {
      const start = this.reserve(3);
      bytes[start] = 0x5f;
      bytes[start + 1] = CR;
      bytes[start + 2] = LF;
      return this.take(start, 3);
    }
    const start = this.reserve(5);
    bytes[start] = 0x24;
    bytes[start + 1] = 0x2d;
    bytes[start + 2] = 0x31;
    bytes[start + 3] = CR;
    bytes[start + 4] = LF;
    return this.take(start, 5);
  }

  bulk(data: Buffer): Buffer {
    const length = data.length;
    if (length + BULK_FRAMING_BYTES_MAX > SLAB_BYTES >> 2) return Buffer.concat([Buffer.from(`$${length}\r\n`, 'latin1'), data, Buffer.from('\r\n', 'latin1')]);
    const start = this.reserve(length + BULK_FRAMING_BYTES_MAX);
    const bytes = this.bytes;
    bytes[start] = 0x24;
    let at = start + 1 + digitCount(length);
    writeDigitsBackwards(bytes, at - 1, length);
    bytes[at++] = CR;
    bytes[at++] = LF;
    bytes.set(data, at);
    at += length;
    bytes[at++] = CR;
    bytes[at++] = LF;
    return this.take(start, at - start);
  }

  /** `$len\r\n<decimal>\r\n` of a safe integer (an int-encoded value), without making its bytes first. */
  bulkInteger(value: number): Buffer {
    const magnitude = value < 0 ? -value : value;
    const textLength = (value < 0 ? 1 : 0) + digitCount(magnitude);
    const lengthDigits = textLength < 10 ? 1 : 2;
    const length = 5 + lengthDigits + textLength;
    const start = this.reserve(length);
    const bytes = this.bytes;
    bytes[start] = 0x24;
    writeDigitsBackwards(bytes, start + lengthDigits, textLength);
    bytes[start + lengthDigits + 1] = CR;
    bytes[start + lengthDigits + 2] = LF;
    if (value < 0) bytes[start + lengthDigits + 3] = 0x2d;
    writeDigitsBackwards(bytes, start + length - 3, magnitude);
    bytes[start + length - 2] = CR;
    bytes[start + length - 1] = LF;
    return this.take(start, length);
  }

  /** `:n\r\n` of a safe integer. */
  integer(value: number): Buffer {
    const magnitude = value < 0 ? -value : value;
    const sign = value < 0 ? 1 : 0;
    const length = 3 + sign + digitCount(magnitude);
    const start = this.reserve(length);
    const bytes = this.bytes;
    bytes[start] = 0x3a;
    if (sign === 1) bytes[start + 1] = 0x2d;
    writeDigitsBackwards(bytes, start + length - 3, magnitude);
    bytes[start + length - 2] = CR;
    bytes[start + length - 1] = LF;
    return this.take(start, length);
  }

  /** `:n\r\n` of any 64-bit integer. */
  bigInteger(value: bigint): Buffer {
    if (value < SAFE_INTEGER_MIN || value > SAFE_INTEGER_MAX) return Buffer.from(`:${value}\r\n`, 'latin1');
    return this.integer(Number(value));
  }

  /** The offset of `length` free bytes (a full slab is left to the replies that still hold it). */
  private reserve(length: number): number {
    if (this.writeAt + length > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.bytes = Buffer.from(this.slab);
      this.writeAt = 0;
    }
    return this.writeAt;
  }

  private take(start: number, length: number): Buffer {
    this.writeAt = start + length;
    return slabView(this.slab, start, length);
  }
}
