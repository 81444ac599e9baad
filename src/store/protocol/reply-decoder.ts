import { parseStrictInteger } from './integer-text.js';

/** An error reply; `message` is Redis's text without the leading `-`. */
export class RespError extends Error {
  override readonly name = 'RespError';
  /** The error code: the first word (`ERR`, `WRONGTYPE`, ...). */
  readonly code: string;
  constructor(message: string) {
    super(message);
    const space = message.indexOf(' ');
    this.code = space === -1 ? message : message.slice(0, space);
  }
}

/**
 * A decoded RESP2 reply: status → string, error → RespError, integer →
 * number (bigint beyond the safe range), bulk → Buffer, null bulk or null
 * array → null, array → array.
 */
export type RespValue = string | number | bigint | Buffer | null | RespError | RespValue[];

/** Thrown for bytes that are not RESP2 (a bug in the server or a corrupt stream). */
export class RespDecodeError extends Error {
  override readonly name = 'RespDecodeError';
}

type Frame = { readonly items: RespValue[]; readonly length: number };

/** Incremental RESP2 reply decoder: feed bytes, take complete replies in order. */
export class ReplyDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  private readonly stack: Frame[] = [];
  private readonly complete: RespValue[] = [];

  feed(data: Uint8Array): void {
    const unread = this.buffer.subarray(this.position);
    this.buffer = unread.length === 0 ? Buffer.from(data) : Buffer.concat([unread, data]);
    this.position = 0;
    this.decodeAvailable();
  }

  /** The next complete reply, or undefined. */
  next(): RespValue | undefined {
    return this.complete.shift();
  }

  /** Complete replies waiting to be taken. */
  pendingReplies(): number {
    return this.complete.length;
  }

  /** True when no partial reply is buffered. */
  isIdle(): boolean {
    return this.position >= this.buffer.length && this.stack.length === 0;
  }

  private decodeAvailable(): void {
    for (;;) {
      const value = this.decodeOne();
      if (value === NEED_MORE) return;
      if (value !== OPENED_ARRAY) this.deliver(value);
    }
  }

  private deliver(value: RespValue): void {
    let current = value;
    for (;;) {
      const frame = this.stack[this.stack.length - 1];
      if (frame === undefined) {
        this.complete.push(current);
        return;
      }
      frame.items.push(current);
      if (frame.items.length < frame.length) return;
      this.stack.pop();
      current = frame.items;
    }
  }

  private readLine(): Buffer | undefined {
    const end = this.buffer.indexOf('\r\n', this.position, 'latin1');
    if (end === -1) return undefined;
    const line = this.buffer.subarray(this.position + 1, end);
    this.position = end + 2;
    return line;
  }

  private decodeOne(): RespValue | typeof NEED_MORE | typeof OPENED_ARRAY {
    if (this.position >= this.buffer.length) return NEED_MORE;
    const start = this.position;
    const marker = this.buffer[start];
    const line = this.readLine();
    if (line === undefined) return NEED_MORE;
    switch (marker) {
      case 0x2b:
        return line.toString('latin1');
      case 0x2d:
        return new RespError(line.toString('latin1'));
      case 0x3a:
        return toNumber(parseLength(line));
      case 0x24:
        return this.decodeBulk(start, parseLength(line));
      case 0x2a:
        return this.openArray(parseLength(line));
      default:
        throw new RespDecodeError(`unexpected reply marker ${String(marker)}`);
    }
  }

  private decodeBulk(start: number, length: bigint): RespValue | typeof NEED_MORE {
    if (length < 0n) return null;
    const size = Number(length);
    if (this.buffer.length - this.position < size + 2) {
      this.position = start;
      return NEED_MORE;
    }
    const data = Buffer.from(this.buffer.subarray(this.position, this.position + size));
    this.position += size + 2;
    return data;
  }

  private openArray(length: bigint): RespValue | typeof OPENED_ARRAY {
    if (length < 0n) return null;
    if (length === 0n) return [];
    this.stack.push({ items: [], length: Number(length) });
    return OPENED_ARRAY;
  }
}

const NEED_MORE: unique symbol = Symbol('need more');
const OPENED_ARRAY: unique symbol = Symbol('opened array');

function parseLength(line: Buffer): bigint {
  const value = parseStrictInteger(line);
  if (value === undefined) throw new RespDecodeError(`bad number in reply: ${line.toString('latin1')}`);
  return value;
}

function toNumber(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** Decodes a buffer holding exactly the given number of complete replies (or all of them). */
export function decodeReplies(data: Uint8Array): RespValue[] {
  const decoder = new ReplyDecoder();
  decoder.feed(data);
  const replies: RespValue[] = [];
  for (let reply = decoder.next(); reply !== undefined; reply = decoder.next()) replies.push(reply);
  if (!decoder.isIdle()) throw new RespDecodeError('incomplete reply');
  return replies;
}
