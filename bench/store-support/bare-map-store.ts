/**
 * The least an in-process store can do for SET key value, GET key and
 * INCR key while still answering like `store.command`: the exact RESP2
 * reply in a fresh Buffer the caller owns. One Map of JS strings, their
 * bytes (made on a value's first GET, as our store does) and numbers, no
 * Redis bookkeeping at all (no encodings, access clocks,
 * statistics, expiry, propagation, command table or argument checks).
 * The bench measures it beside ioredis-mock to show the ceiling of the
 * ratio any faithful store can reach on these commands in this process.
 */
import { Buffer } from 'node:buffer';

const SLAB_BYTES = 16 * 1024;
const CR = 0x0d;
const LF = 0x0a;

/** A Buffer view class over our slabs, as Node's pool makes them (the cheapest fresh Buffer). */
class ReplyView extends Uint8Array {}
Object.setPrototypeOf(ReplyView.prototype, Buffer.prototype);

function digitCount(value: number): number {
  let digits = 1;
  for (let bound = 10; value >= bound; bound *= 10) digits++;
  return digits;
}

/** The decimal digits of a non-negative safe integer, its last digit at `lastAt`. */
function writeDigits(bytes: Uint8Array, lastAt: number, value: number): void {
  let rest = value;
  let at = lastAt;
  do {
    const quotient = Math.floor(rest / 10);
    bytes[at--] = 0x30 + rest - quotient * 10;
    rest = quotient;
  } while (rest !== 0);
}

export class BareMapStore {
  private readonly values = new Map<string, string | Uint8Array | number>();
  private slab = new ArrayBuffer(SLAB_BYTES);
  private bytes = new Uint8Array(this.slab);
  private writeAt = 0;

  /** SET key value, GET key or INCR key (argv as the bench sends them); anything else is a usage error of the bench. */
  command(argv: readonly string[]): Buffer {
    const name = argv[0];
    const key = argv[1] as string;
    if (name === 'SET') {
      this.values.set(key, argv[2] as string);
      return this.text('+OK\r\n');
    }
    if (name === 'GET') {
      const value = this.values.get(key);
      if (value === undefined) return this.text('$-1\r\n');
      if (typeof value !== 'string') return this.bulk(typeof value === 'number' ? Buffer.from(String(value), 'latin1') : value);
      const bytes = Buffer.from(value, 'latin1');
      this.values.set(key, bytes);
      return this.bulk(bytes);
    }
    if (name === 'INCR') {
      const value = this.values.get(key);
      const next = (typeof value === 'number' ? value : value === undefined ? 0 : Number(typeof value === 'string' ? value : Buffer.from(value).toString('latin1'))) + 1;
      this.values.set(key, next);
      return this.integer(next);
    }
    throw new Error(`the bare store runs SET, GET and INCR only, not ${String(name)}`);
  }

  /** `$len\r\n<value>\r\n`, written in place. */
  private bulk(value: Uint8Array): Buffer {
    const length = value.length;
    const lengthDigits = digitCount(length);
    const start = this.reserve(1 + lengthDigits + 2 + length + 2);
    const bytes = this.bytes;
    bytes[start] = 0x24;
    writeDigits(bytes, start + lengthDigits, length);
    let at = start + lengthDigits + 1;
    bytes[at++] = CR;
    bytes[at++] = LF;
    bytes.set(value, at);
    at += length;
    bytes[at++] = CR;
    bytes[at++] = LF;
    return this.take(start, at);
  }

  /** `:n\r\n` of a non-negative safe integer, written in place. */
  private integer(value: number): Buffer {
    const digits = digitCount(value);
    const start = this.reserve(digits + 3);
    const bytes = this.bytes;
    bytes[start] = 0x3a;
    writeDigits(bytes, start + digits, value);
    bytes[start + digits + 1] = CR;
    bytes[start + digits + 2] = LF;
    return this.take(start, start + digits + 3);
  }

  private text(reply: string): Buffer {
    const start = this.reserve(reply.length);
    return this.take(start, this.copyText(reply, start));
  }

  /** Copies ASCII text (every reply here is ASCII) to `at`; returns the offset after it. */
  private copyText(text: string, at: number): number {
    const bytes = this.bytes;
    for (let index = 0; index < text.length; index++) bytes[at + index] = text.charCodeAt(index);
    return at + text.length;
  }

  private reserve(length: number): number {
    if (this.writeAt + length > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.bytes = new Uint8Array(this.slab);
      this.writeAt = 0;
    }
    return this.writeAt;
  }

  private take(start: number, end: number): Buffer {
    this.writeAt = end;
    return new ReplyView(this.slab, start, end - start) as unknown as Buffer;
  }
}
