import { assert } from '../../core/assert.js';
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

const CRLF = Buffer.from('\r\n', 'latin1');

/** A ReplyWriter that accumulates bytes (Redis's client reply buffer). */
export class RespReplyWriter implements ReplyWriter {
  private chunks: (Buffer | undefined)[] = [];
  private unsetDeferred = 0;
  private errorCount = 0;
  /** When set, replies are dropped (the master link and the AOF loader get none). */
  muted = false;

  constructor(private readonly observer?: ReplyObserver) {}

  status(text: string): void {
    this.push(Buffer.from(`+${text.replace(/[\r\n]/g, ' ')}\r\n`, 'latin1'));
  }

  ok(): void {
    this.push(OK_REPLY);
  }

  error(message: string): void {
    const { code, line } = normalizeError(message);
    this.errorCount++;
    this.observer?.onErrorReply(code);
    this.push(Buffer.from(`-${line}\r\n`, 'latin1'));
  }

  integer(value: number | bigint): void {
    assert(typeof value === 'bigint' || Number.isSafeInteger(value), 'an integer reply is a safe integer or a bigint');
    this.push(Buffer.from(`:${value.toString()}\r\n`, 'latin1'));
  }

  bulk(value: Buffer | string | null): void {
    if (value === null) {
      this.push(NULL_BULK);
      return;
    }
    const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.push(Buffer.from(`$${data.length}\r\n`, 'latin1'));
    this.push(data);
    this.push(CRLF);
  }

  nullBulk(): void {
    this.push(NULL_BULK);
  }

  nullArray(): void {
    this.push(NULL_ARRAY);
  }

  arrayHeader(length: number): void {
    assert(Number.isInteger(length) && length >= 0, 'an array length is a non-negative integer');
    this.push(Buffer.from(`*${length}\r\n`, 'latin1'));
  }

  bulkArray(items: readonly (Buffer | string | null)[]): void {
    this.arrayHeader(items.length);
    for (const item of items) this.bulk(item);
  }

  double(value: number): void {
    this.bulk(formatDoubleG17(value));
  }

  deferredArray(): DeferredLength {
    if (this.muted) return { set: () => undefined };
    const slot = this.chunks.length;
    this.chunks.push(undefined);
    this.unsetDeferred++;
    let isSet = false;
    return {
      set: (length: number): void => {
        assert(!isSet, 'a deferred length is set exactly once');
        assert(Number.isInteger(length) && length >= 0, 'a deferred length is a non-negative integer');
        isSet = true;
        this.unsetDeferred--;
        this.chunks[slot] = Buffer.from(`*${length}\r\n`, 'latin1');
      },
    };
  }

  raw(data: Buffer | string): void {
    this.push(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  /** Error replies written so far (EXEC and dispatch use it to tell failures). */
  errorsWritten(): number {
    return this.errorCount;
  }

  hasPendingBytes(): boolean {
    return this.chunks.length > 0;
  }

  /** Everything written so far; the writer starts empty again. */
  takeBytes(): Buffer {
    assert(this.unsetDeferred === 0, 'every deferred length is set before the reply is sent');
    const bytes = Buffer.concat(this.chunks as Buffer[]);
    this.chunks = [];
    return bytes;
  }

  private push(data: Buffer): void {
    if (this.muted) return;
    this.chunks.push(data);
  }
}

const OK_REPLY = Buffer.from('+OK\r\n', 'latin1');
const NULL_BULK = Buffer.from('$-1\r\n', 'latin1');
const NULL_ARRAY = Buffer.from('*-1\r\n', 'latin1');
