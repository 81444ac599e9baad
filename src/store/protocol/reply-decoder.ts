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

/** A RESP3 map (`%`): its pairs in the order the server sent them (keys may repeat in principle, and Buffers compare by content). */
export class RespMap {
  constructor(readonly entries: readonly (readonly [RespValue, RespValue])[]) {}

  /** The value of the first key whose text (a bulk's latin1 bytes or a status) is `key`. */
  get(key: string): RespValue | undefined {
    return this.entries.find(([candidate]) => (Buffer.isBuffer(candidate) ? candidate.toString('latin1') : candidate) === key)?.[1];
  }
}

/** A RESP3 set (`~`): the items in the order the server sent them. */
export class RespSet {
  constructor(readonly items: readonly RespValue[]) {}
}

/** A RESP3 push (`>`): an out-of-band message (pub/sub), not the reply to a command. */
export class RespPush {
  constructor(readonly items: readonly RespValue[]) {}
}

/**
 * A decoded reply. RESP2: status → string, error → RespError, integer →
 * number (bigint beyond the safe range), bulk → Buffer, null bulk or null
 * array → null, array → array. RESP3 (after HELLO 3) adds: null (`_`) →
 * null, boolean (`#`) → boolean, double (`,`) → number (`inf`, `-inf`,
 * `nan` → Infinity, -Infinity, NaN), big number (`(`) → bigint, blob error
 * (`!`) → RespError, verbatim string (`=`) → Buffer of the text without its
 * `txt:` format prefix, map (`%`) → RespMap, set (`~`) → RespSet, push (`>`)
 * → RespPush; attributes (`|`) are read and dropped.
 */
export type RespValue = string | number | bigint | boolean | Buffer | null | RespError | RespMap | RespSet | RespPush | RespValue[];

/** Thrown for bytes that are not RESP (a bug in the server or a corrupt stream). */
export class RespDecodeError extends Error {
  override readonly name = 'RespDecodeError';
}

type AggregateKind = 'array' | 'map' | 'set' | 'push' | 'attribute';
/** An aggregate being filled: `length` counts items (a map's pairs count twice). */
type Frame = { readonly kind: AggregateKind; readonly items: RespValue[]; readonly length: number };

/** Incremental RESP2/RESP3 reply decoder: feed bytes, take complete replies in order. */
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

  private deliver(value: RespValue | typeof DROPPED): void {
    let current = value;
    for (;;) {
      const frame = this.stack[this.stack.length - 1];
      if (frame === undefined) {
        if (current !== DROPPED) this.complete.push(current);
        return;
      }
      if (current !== DROPPED) frame.items.push(current);
      if (frame.items.length < frame.length) return;
      this.stack.pop();
      current = aggregateValue(frame);
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
        return this.openAggregate('array', parseLength(line));
      default:
        return this.decodeResp3(marker, start, line);
    }
  }

  private decodeResp3(marker: number | undefined, start: number, line: Buffer): RespValue | typeof NEED_MORE | typeof OPENED_ARRAY {
    switch (marker) {
      case 0x5f: // _
        return null;
      case 0x23: // #
        return parseBoolean(line);
      case 0x2c: // ,
        return parseDouble(line);
      case 0x28: // (
        return parseBigNumber(line);
      case 0x21: {
        const text = this.decodeBulk(start, parseLength(line));
        return Buffer.isBuffer(text) ? new RespError(text.toString('latin1')) : text;
      }
      case 0x3d: {
        const text = this.decodeBulk(start, parseLength(line));
        return Buffer.isBuffer(text) ? withoutVerbatimFormat(text) : text;
      }
      case 0x25:
        return this.openAggregate('map', parseLength(line) * 2n);
      case 0x7e:
        return this.openAggregate('set', parseLength(line));
      case 0x3e:
        return this.openAggregate('push', parseLength(line));
      case 0x7c:
        return this.openAggregate('attribute', parseLength(line) * 2n);
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

  private openAggregate(kind: AggregateKind, length: bigint): RespValue | typeof OPENED_ARRAY {
    if (length < 0n) return null;
    const frame: Frame = { kind, items: [], length: Number(length) };
    if (length === 0n) {
      const value = aggregateValue(frame);
      // An empty attribute annotates the next reply: nothing to deliver.
      if (value === DROPPED) return OPENED_ARRAY;
      return value;
    }
    this.stack.push(frame);
    return OPENED_ARRAY;
  }
}

const NEED_MORE: unique symbol = Symbol('need more');
const OPENED_ARRAY: unique symbol = Symbol('opened array');
/** An attribute (`|`): metadata about the next reply, decoded and not delivered. */
const DROPPED: unique symbol = Symbol('dropped attribute');

function aggregateValue(frame: Frame): RespValue | typeof DROPPED {
  switch (frame.kind) {
    case 'array':
      return frame.items;
    case 'set':
      return new RespSet(frame.items);
    case 'push':
      return new RespPush(frame.items);
    case 'attribute':
      return DROPPED;
    case 'map': {
      const pairs: (readonly [RespValue, RespValue])[] = [];
      for (let index = 0; index + 1 < frame.items.length; index += 2) pairs.push([frame.items[index] as RespValue, frame.items[index + 1] as RespValue]);
      return new RespMap(pairs);
    }
  }
}

/** A RESP3 big number: any number of decimal digits, beyond 64 bits. */
function parseBigNumber(line: Buffer): bigint {
  const text = line.toString('latin1');
  if (!/^-?\d+$/.test(text)) throw new RespDecodeError(`bad big number in reply: ${text}`);
  return BigInt(text);
}

function parseBoolean(line: Buffer): boolean {
  const text = line.toString('latin1');
  if (text === 't') return true;
  if (text === 'f') return false;
  throw new RespDecodeError(`bad boolean in reply: ${text}`);
}

/** A RESP3 double: `%.17g` text, or inf / -inf / nan (C may print -nan). */
function parseDouble(line: Buffer): number {
  const text = line.toString('latin1').toLowerCase();
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan' || text === '-nan') return NaN;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new RespDecodeError(`bad double in reply: ${text}`);
  return value;
}

/** A verbatim string's body is `fmt:text`; the text is what callers want. */
function withoutVerbatimFormat(body: Buffer): Buffer {
  if (body.length < 4 || body[3] !== 0x3a) throw new RespDecodeError('verbatim string without its three-letter format');
  return body.subarray(4);
}

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
