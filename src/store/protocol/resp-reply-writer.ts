import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';
import { copyBytes, writeDecimal, writeLatin1, writeUtf8 } from './byte-writing.js';
import { formatDoubleG17 } from './double-format.js';
import type { DeferredLength, ReplyWriter } from './reply-writer.js';

/**
 * Error codes Redis 7.0 sends. A message that starts with one of them
 * followed by a space keeps it; any other message gets `ERR ` in front, as
 * addReplyError does. (A list rather than a pattern: "DB index is out of
 * range" must become "ERR DB index ...".)
 */
const ERROR_CODES: ReadonlySet<string> = new Set([
  'ERR', 'WRONGTYPE', 'NOAUTH', 'WRONGPASS', 'NOPROTO', 'EXECABORT', 'BUSYKEY', 'NOSCRIPT', 'LOADING',
  'MASTERDOWN', 'MISCONF', 'READONLY', 'NOREPLICAS', 'OOM', 'NOPERM', 'BUSY', 'MOVED', 'ASK', 'TRYAGAIN',
  'CROSSSLOT', 'CLUSTERDOWN', 'UNBLOCKED', 'NOGOODSLAVE', 'UNKILLABLE', 'NOTBUSY', 'BUSYGROUP', 'NOGROUP',
  'NOTREADONLY', 'INPROG', 'IOERR',
]);

/** Splits an error message into its code and the full line without `-`. */
export function normalizeError(message: string): { readonly code: string; readonly line: string } {
  const text = (message.startsWith('-') ? message.slice(1) : message).replace(/[\r\n]/g, ' ');
  const space = text.indexOf(' ');
  const firstWord = space === -1 ? text : text.slice(0, space);
  if (message.startsWith('-')) return { code: space === -1 || space >= 32 ? 'ERR' : firstWord, line: text };
  if (space !== -1 && ERROR_CODES.has(firstWord)) return { code: firstWord, line: text };
  return { code: 'ERR', line: `ERR ${text}` };
}

export interface ReplyObserver {
  /** An error reply was written (for INFO errorstats and total_error_replies). */
  onErrorReply(code: string): void;
}

/**
 * Reply bytes are written into slabs of this size; a slab is shared by many
 * replies and never rewritten once handed out, so the bytes given to the
 * transport need no copy.
 */
const SLAB_BYTES = 16 * 1024;
const EMPTY = Buffer.alloc(0);
/** A marker, a sign, 16 digits of a safe integer and CRLF. */
const NUMBER_LINE_BYTES_MAX = 20;
const CR = 0x0d;
const LF = 0x0a;

/** A ReplyWriter that accumulates bytes (Redis's client reply buffer). */
export class RespReplyWriter implements ReplyWriter {
  /** Finished pieces before the slab's open region; `undefined` marks a deferred length not yet set. */
  private pieces: (Buffer | undefined)[] = [];
  private slab: Buffer = EMPTY;
  /** The slab's open region: [regionStart, writeAt) holds bytes not yet taken. */
  private regionStart = 0;
  private writeAt = 0;
  private unsetDeferred = 0;
  private errorCount = 0;
  /** When set, replies are dropped (the master link and the AOF loader get none). */
  muted = false;
  /** The client's protocol (HELLO): shapes nulls, doubles, maps, sets, pushes as Redis's c->resp does. */
  protocolVersion: 2 | 3 = 2;

  constructor(private readonly observer?: ReplyObserver) {}

  status(text: string): void {
    this.latin1(`+${/[\r\n]/.test(text) ? text.replace(/[\r\n]/g, ' ') : text}\r\n`);
  }

  ok(): void {
    this.latin1('+OK\r\n');
  }

  error(message: string): void {
    const { code, line } = normalizeError(message);
    this.errorCount++;
    this.observer?.onErrorReply(code);
    this.latin1(`-${line}\r\n`);
  }

  integer(value: number | bigint): void {
    assert(typeof value === 'bigint' || Number.isSafeInteger(value), 'an integer reply is a safe integer or a bigint');
    if (typeof value === 'bigint') this.latin1(`:${value}\r\n`);
    else this.numberLine(0x3a, value);
  }

  bulk(value: Buffer | string | null): void {
    if (value === null) {
      this.nullBulk();
      return;
    }
    if (this.muted) return;
    const length = typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.length;
    this.numberLine(0x24, length, length + 2);
    if (typeof value === 'string') this.writeAt = writeUtf8(this.slab, this.writeAt, value, length);
    else this.writeAt = copyBytes(value, 0, length, this.slab, this.writeAt);
    this.slab[this.writeAt++] = CR;
    this.slab[this.writeAt++] = LF;
  }

  nullBulk(): void {
    this.latin1(this.protocolVersion === 2 ? '$-1\r\n' : '_\r\n');
  }

  nullArray(): void {
    this.latin1(this.protocolVersion === 2 ? '*-1\r\n' : '_\r\n');
  }

  arrayHeader(length: number): void {
    assert(Number.isInteger(length) && length >= 0, 'an array length is a non-negative integer');
    this.numberLine(0x2a, length);
  }

  bulkArray(items: readonly (Buffer | string | null)[]): void {
    this.arrayHeader(items.length);
    for (const item of items) this.bulk(item);
  }

  double(value: number): void {
    if (this.protocolVersion === 2) this.bulk(formatDoubleG17(value));
    else this.latin1(`,${formatDoubleG17(value)}\r\n`);
  }

  mapHeader(pairs: number): void {
    assert(Number.isInteger(pairs) && pairs >= 0, 'a map length is a non-negative integer');
    if (this.protocolVersion === 2) this.numberLine(0x2a, pairs * 2);
    else this.numberLine(0x25, pairs);
  }

  setHeader(length: number): void {
    assert(Number.isInteger(length) && length >= 0, 'a set length is a non-negative integer');
    this.numberLine(this.protocolVersion === 2 ? 0x2a : 0x7e, length);
  }

  pushHeader(length: number): void {
    assert(Number.isInteger(length) && length >= 0, 'a push length is a non-negative integer');
    this.numberLine(this.protocolVersion === 2 ? 0x2a : 0x3e, length);
  }

  boolean(value: boolean): void {
    if (this.protocolVersion === 2) this.latin1(value ? ':1\r\n' : ':0\r\n');
    else this.latin1(value ? '#t\r\n' : '#f\r\n');
  }

  verbatim(text: Buffer | string, format = 'txt'): void {
    if (this.protocolVersion === 2) {
      this.bulk(text);
      return;
    }
    const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const prefix = `${format}   `.slice(0, 3);
    this.latin1(`=${body.length + 4}\r\n${prefix}:`);
    this.raw(body);
    this.latin1('\r\n');
  }

  bigNumber(digits: string): void {
    if (this.protocolVersion === 2) this.bulk(digits);
    else this.latin1(`(${digits}\r\n`);
  }

  deferredMap(): DeferredLength {
    return this.protocolVersion === 2 ? this.deferredAggregate('*', 2) : this.deferredAggregate('%', 1);
  }

  deferredSet(): DeferredLength {
    return this.deferredAggregate(this.protocolVersion === 2 ? '*' : '~', 1);
  }

  deferredArray(): DeferredLength {
    return this.deferredAggregate('*', 1);
  }

  /** setDeferredAggregateLen: a header `<prefix><length·multiplier>` filled in later. */
  private deferredAggregate(prefix: '*' | '%' | '~', multiplier: 1 | 2): DeferredLength {
    if (this.muted) return { set: () => undefined };
    this.closeRegion();
    const slot = this.pieces.length;
    this.pieces.push(undefined);
    this.unsetDeferred++;
    let isSet = false;
    return {
      set: (length: number): void => {
        assert(!isSet, 'a deferred length is set exactly once');
        assert(Number.isInteger(length) && length >= 0, 'a deferred length is a non-negative integer');
        isSet = true;
        this.unsetDeferred--;
        this.pieces[slot] = Buffer.from(`${prefix}${length * multiplier}\r\n`, 'latin1');
      },
    };
  }

  raw(data: Buffer | string): void {
    if (typeof data === 'string') {
      this.latin1(data);
      return;
    }
    if (this.muted) return;
    this.reserve(data.length);
    this.writeAt = copyBytes(data, 0, data.length, this.slab, this.writeAt);
  }

  /** Error replies written so far (EXEC and dispatch use it to tell failures). */
  errorsWritten(): number {
    return this.errorCount;
  }

  hasPendingBytes(): boolean {
    return this.pieces.length > 0 || this.writeAt > this.regionStart;
  }

  /** Everything written so far; the writer starts empty again. The bytes are never rewritten. */
  takeBytes(): Buffer {
    assert(this.unsetDeferred === 0, 'every deferred length is set before the reply is sent');
    if (this.pieces.length === 0) {
      const bytes = this.slab.subarray(this.regionStart, this.writeAt);
      this.regionStart = this.writeAt;
      return bytes;
    }
    this.closeRegion();
    const bytes = Buffer.concat(this.pieces as Buffer[]);
    this.pieces = [];
    return bytes;
  }

  /** Text whose characters are all bytes (protocol lines, statuses, errors). */
  private latin1(text: string): void {
    if (this.muted) return;
    this.reserve(text.length);
    this.writeAt = writeLatin1(this.slab, this.writeAt, text);
  }

  /** `<marker><decimal>\r\n`, with room for `followingBytes` more after it. */
  private numberLine(marker: number, value: number, followingBytes = 0): void {
    if (this.muted) return;
    this.reserve(NUMBER_LINE_BYTES_MAX + followingBytes);
    this.slab[this.writeAt++] = marker;
    this.writeAt = writeDecimal(this.slab, this.writeAt, value);
    this.slab[this.writeAt++] = CR;
    this.slab[this.writeAt++] = LF;
  }

  /** Room for `bytes` more in the slab: the open region becomes a piece and a fresh slab starts when it is full. */
  private reserve(bytes: number): void {
    if (this.writeAt + bytes <= this.slab.length) return;
    this.closeRegion();
    this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, bytes));
    this.regionStart = 0;
    this.writeAt = 0;
  }

  private closeRegion(): void {
    if (this.writeAt === this.regionStart) return;
    this.pieces.push(this.slab.subarray(this.regionStart, this.writeAt));
    this.regionStart = this.writeAt;
  }
}
