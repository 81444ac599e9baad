import { assert } from '../../core/assert.js';
import { copyBytes } from './byte-writing.js';
import { splitInlineArguments } from './inline-arguments.js';
import { parseStrictInteger, parseStrictSmallInteger } from './integer-text.js';

/** PROTO_INLINE_MAX_SIZE: the longest inline request or count line Redis waits for. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
const INT_MAX = 2147483647;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0;
const EMPTY = Buffer.alloc(0);

export type ParsedRequest =
  | { readonly kind: 'command'; readonly argv: Buffer[] }
  /** An empty inline line or a `*0`/`*-1` multibulk: Redis resets and reads on. */
  | { readonly kind: 'empty' }
  /** The client gets `-ERR <message>` and is closed after the reply. */
  | { readonly kind: 'protocolError'; readonly message: string };

export interface ParserPolicy {
  /** proto-max-bulk-len; not enforced for the master link. */
  readonly protoMaxBulkLen: number;
  /** The master link (and AOF loading) is trusted: no bulk length limit. */
  readonly trusted: boolean;
  /** authRequired(c): bigger counts are refused before AUTH. */
  readonly authRequired: boolean;
}

/**
 * The query buffer of one client and Redis's request parsing over it
 * (networking.c processInlineBuffer / processMultibulkBuffer), including its
 * quirks: lines are found with strchr, so a NUL byte hides what follows; the
 * two bytes after a bulk payload are skipped without being checked.
 */
export class RequestParser {
  private buffer: Buffer = EMPTY;
  private position = 0;
  /** The buffer is the caller's chunk, not a copy: what is left of it is copied before append returns control. */
  private borrowed = false;
  private requestType: 'inline' | 'multibulk' | undefined;
  private multibulkRemaining = 0;
  private bulkLength = -1;
  private argv: Buffer[] = [];

  /**
   * Adds received bytes. A chunk arriving on an empty buffer is parsed in
   * place (arguments are copied out of it); call compact() once done so that
   * no reference to the caller's chunk is kept.
   */
  append(data: Uint8Array): void {
    if (this.position >= this.buffer.length) {
      this.buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      this.borrowed = true;
    } else {
      this.buffer = Buffer.concat([this.buffer.subarray(this.position), data]);
      this.borrowed = false;
    }
    this.position = 0;
  }

  /** Bytes received and not yet consumed (Redis's qbuf). */
  pendingBytes(): number {
    return this.buffer.length - this.position;
  }

  /** The query buffer's length including consumed bytes of the current read (Redis's sdslen(querybuf)). */
  bufferedBytes(): number {
    return this.buffer.length;
  }

  /** Forgets consumed bytes (Redis trims the query buffer after processing a read). */
  compact(): void {
    if (this.position >= this.buffer.length) {
      this.buffer = EMPTY;
      this.borrowed = false;
    } else if (this.position > 0 || this.borrowed) {
      this.buffer = Buffer.from(this.buffer.subarray(this.position));
      this.borrowed = false;
    }
    this.position = 0;
  }

  /** Drops everything buffered (after a protocol error the connection is done). */
  clear(): void {
    this.buffer = EMPTY;
    this.borrowed = false;
    this.position = 0;
    this.resetRequest();
  }

  /** The next complete request, or undefined when more bytes are needed. */
  next(policy: ParserPolicy): ParsedRequest | undefined {
    if (this.position >= this.buffer.length) return undefined;
    if (this.requestType === undefined) this.requestType = this.buffer[this.position] === 0x2a ? 'multibulk' : 'inline';
    const parsed = this.requestType === 'inline' ? this.nextInline() : this.nextMultibulk(policy);
    if (parsed !== undefined) this.resetRequest();
    return parsed;
  }

  private resetRequest(): void {
    this.requestType = undefined;
    this.multibulkRemaining = 0;
    this.bulkLength = -1;
    this.argv = [];
  }

  /** strchr(querybuf + position, byte): stops at a NUL byte. */
  private findByte(byte: number): number {
    for (let index = this.position; index < this.buffer.length; index++) {
      const current = this.buffer[index];
      if (current === byte) return index;
      if (current === NUL) return -1;
    }
    return -1;
  }

  private nextInline(): ParsedRequest | undefined {
    let newline = this.findByte(LF);
    if (newline === -1) {
      if (this.pendingBytes() > PROTO_INLINE_MAX_SIZE) return { kind: 'protocolError', message: 'Protocol error: too big inline request' };
      return undefined;
    }
    let terminatorLength = 1;
    if (newline !== this.position && this.buffer[newline - 1] === CR) {
      newline--;
      terminatorLength++;
    }
    const argv = splitInlineArguments(this.buffer.subarray(this.position, newline));
    if (argv === undefined) return { kind: 'protocolError', message: 'Protocol error: unbalanced quotes in request' };
    this.position = newline + terminatorLength;
    return argv.length === 0 ? { kind: 'empty' } : { kind: 'command', argv };
  }

  /** Finds a complete `\r\n`-terminated line; 'wait' if it is not all here. */
  private findLineEnd(): number | 'wait' | 'none' {
    const carriageReturn = this.findByte(CR);
    if (carriageReturn === -1) return 'none';
    if (carriageReturn - this.position > this.pendingBytes() - 2) return 'wait';
    return carriageReturn;
  }

  private nextMultibulk(policy: ParserPolicy): ParsedRequest | undefined {
    if (this.multibulkRemaining === 0) {
      const countLine = this.readCountLine(policy);
      if (countLine !== 'continue') return countLine;
    }
    while (this.multibulkRemaining > 0) {
      if (this.bulkLength === -1) {
        const header = this.readBulkHeader(policy);
        if (header === 'wait') return undefined;
        if (header !== 'continue') return header;
      }
      if (this.pendingBytes() < this.bulkLength + 2) return undefined;
      const argument = Buffer.allocUnsafe(this.bulkLength);
      copyBytes(this.buffer, this.position, this.position + this.bulkLength, argument, 0);
      this.argv.push(argument);
      this.position += this.bulkLength + 2;
      this.bulkLength = -1;
      this.multibulkRemaining--;
    }
    return { kind: 'command', argv: this.argv };
  }

  private readCountLine(policy: ParserPolicy): ParsedRequest | undefined | 'continue' {
    const lineEnd = this.findLineEnd();
    if (lineEnd === 'none') {
      if (this.pendingBytes() > PROTO_INLINE_MAX_SIZE) return { kind: 'protocolError', message: 'Protocol error: too big mbulk count string' };
      return undefined;
    }
    if (lineEnd === 'wait') return undefined;
    assert(this.buffer[this.position] === 0x2a, 'a multibulk request starts with *');
    const count = parseLengthLine(this.buffer, this.position + 1, lineEnd);
    if (count === undefined || count > INT_MAX) return { kind: 'protocolError', message: 'Protocol error: invalid multibulk length' };
    if (count > 10 && policy.authRequired) return { kind: 'protocolError', message: 'Protocol error: unauthenticated multibulk length' };
    this.position = lineEnd + 2;
    if (count <= 0) return { kind: 'empty' };
    this.multibulkRemaining = count;
    return 'continue';
  }

  private readBulkHeader(policy: ParserPolicy): ParsedRequest | 'wait' | 'continue' {
    const lineEnd = this.findLineEnd();
    if (lineEnd === 'none') {
      if (this.pendingBytes() > PROTO_INLINE_MAX_SIZE) return { kind: 'protocolError', message: 'Protocol error: too big bulk count string' };
      return 'wait';
    }
    if (lineEnd === 'wait') return 'wait';
    const marker = this.buffer[this.position] as number;
    if (marker !== 0x24) {
      return { kind: 'protocolError', message: `Protocol error: expected '$', got '${String.fromCharCode(marker)}'` };
    }
    const length = parseLengthLine(this.buffer, this.position + 1, lineEnd);
    if (length === undefined || length < 0 || (!policy.trusted && length > policy.protoMaxBulkLen)) {
      return { kind: 'protocolError', message: 'Protocol error: invalid bulk length' };
    }
    if (length > 16384 && policy.authRequired) return { kind: 'protocolError', message: 'Protocol error: unauthenticated bulk length' };
    this.position = lineEnd + 2;
    this.bulkLength = length;
    return 'continue';
  }
}

/**
 * string2ll of a count or length line, as a number: the short common case
 * without bigint arithmetic. Beyond 2^53 the number is approximate, which
 * only matters for values every limit refuses anyway.
 */
function parseLengthLine(data: Buffer, start: number, end: number): number | undefined {
  const small = parseStrictSmallInteger(data, start, end);
  if (small !== undefined) return small;
  const large = parseStrictInteger(data, start, end);
  return large === undefined ? undefined : Number(large);
}
