import { decimalLength, writeDecimal } from './protocol/byte-writing.js';
import { slabView } from './types/slab-bytes.js';

/** Replies are written into slabs of this size; a bigger reply gets its own Buffer. */
const SLAB_BYTES = 16 * 1024;
const SAFE_INTEGER_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_INTEGER_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** `$`, up to 16 digits, CRLF, CRLF. */
const BULK_FRAMING_BYTES_MAX = 21;
const CR = 0x0d;
const LF = 0x0a;

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
    if (protocol === 3) {
      const start = this.reserve(3);
      this.bytes.write('_\r\n', start, 'latin1');
      return this.take(start, 3);
    }
    const start = this.reserve(5);
    this.bytes.write('$-1\r\n', start, 'latin1');
    return this.take(start, 5);
  }

  bulk(data: Buffer): Buffer {
    const length = data.length;
    if (length + BULK_FRAMING_BYTES_MAX > SLAB_BYTES >> 2) return Buffer.concat([Buffer.from(`$${length}\r\n`, 'latin1'), data, Buffer.from('\r\n', 'latin1')]);
    const start = this.reserve(length + BULK_FRAMING_BYTES_MAX);
    const bytes = this.bytes;
    bytes[start] = 0x24;
    let at = writeDecimal(bytes, start + 1, length);
    bytes[at++] = CR;
    bytes[at++] = LF;
    bytes.set(data, at);
    at += length;
    bytes[at++] = CR;
    bytes[at++] = LF;
    return this.take(start, at - start);
  }

  integer(value: bigint): Buffer {
    if (value < SAFE_INTEGER_MIN || value > SAFE_INTEGER_MAX) return Buffer.from(`:${value}\r\n`, 'latin1');
    const number = Number(value);
    const start = this.reserve(4 + decimalLength(Math.abs(number)));
    const bytes = this.bytes;
    bytes[start] = 0x3a;
    let at = writeDecimal(bytes, start + 1, number);
    bytes[at++] = CR;
    bytes[at++] = LF;
    return this.take(start, at - start);
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
