import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';
import { copyBytes } from './byte-writing.js';
import { splitInlineArguments } from './inline-arguments.js';
import { INTERNED_TEXT_BYTES_MAX, InternedTexts } from './interned-text.js';
import { parseStrictInteger, parseStrictSmallInteger } from './integer-text.js';

/** PROTO_INLINE_MAX_SIZE: the longest inline request or count line Redis waits for. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
const INT_MAX = 2147483647;
/** Below this the query buffer grows by doubling, above it by this much (sdsMakeRoomFor's SDS_MAX_PREALLOC). */
const GREEDY_GROWTH_BYTES_MAX = 1024 * 1024;
/** A drained buffer this big is not kept for what is left in it (clientsCron's query buffer resize). */
const KEPT_CAPACITY_BYTES_MAX = 64 * 1024;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0;
const ASTERISK = 0x2a;
const DOLLAR = 0x24;
const DIGIT_ZERO = 0x30;
/** Count and length lines of at most this many digits are read by the short path (exact in a double). */
const SHORT_LINE_DIGITS_MAX = 15;
/** Larger counts get an argv that grows as arguments arrive (Redis preallocates at most 1024 too). */
const ARGV_PREALLOCATED_MAX = 1024;
/** Before AUTH: the largest count and bulk length accepted (processMultibulkBuffer). */
const UNAUTHENTICATED_COUNT_MAX = 10;
const UNAUTHENTICATED_BULK_BYTES_MAX = 16384;
const EMPTY = Buffer.alloc(0);
/** Command names' texts and bytes, shared by every parser of the process (a pure cache). */
const commandNameTexts = new InternedTexts();
/** The last command name any parser interned, as bytes and text: pipelines repeat one command. */
let lastName: Buffer = EMPTY;
let lastNameText = '';
/** Keys, fields and members: more distinct texts than command names. */
const argumentTextTable = new InternedTexts(1024);
/** argv[0] (the name) and the next arguments, which for most commands are the key and a field or member. */
const ARGUMENT_TEXTS_MAX = 4;

export type ParsedRequest =
  | { readonly kind: 'command'; readonly argv: Buffer[] }
  /** An empty inline line or a `*0`/`*-1` multibulk: Redis resets and reads on. */
  | { readonly kind: 'empty' }
  /** The client gets `-ERR <message>` and is closed after the reply. */
  | { readonly kind: 'protocolError'; readonly message: string };

const EMPTY_REQUEST: ParsedRequest = { kind: 'empty' };

export interface ParserPolicy {
  /** proto-max-bulk-len; not enforced for the master link. */
  readonly protoMaxBulkLen: number;
  /** The master link (and AOF loading) is trusted: no bulk length limit. */
  readonly trusted: boolean;
  /** authRequired(c): bigger counts are refused before AUTH. */
  readonly authRequired: boolean;
}

/** What the request being parsed is (reqtype); 'none' until its first byte is seen. */
type RequestType = 'none' | 'inline' | 'multibulk';

/**
 * The outcome of reading one `*count` or `$length` line: 'wait' (not all
 * here yet), 'read' (the value is in `lineValue`, the position is past the
 * line), 'failed' (a protocol error, its message in `errorMessage`).
 */
type LineOutcome = 'wait' | 'read' | 'failed';

/**
 * The query buffer of one client and Redis's request parsing over it
 * (networking.c processInlineBuffer / processMultibulkBuffer), including its
 * quirks: lines are found with strchr, so a NUL byte hides what follows; the
 * two bytes after a bulk payload are skipped without being checked.
 *
 * The buffer holds unconsumed bytes in [position, end). A chunk arriving on
 * an empty buffer is parsed where it lies (borrowed); otherwise bytes go into
 * a buffer of ours that grows like an sds (doubling, or to the size of the
 * bulk being waited for), so a large argument arriving in many reads is
 * copied once, not once per read.
 */
export class RequestParser {
  private buffer: Buffer = EMPTY;
  private position = 0;
  private end = 0;
  /** The buffer is the caller's chunk: not ours to write into or to keep after compact(). */
  private borrowed = false;
  private requestType: RequestType = 'none';
  private multibulkRemaining = 0;
  private bulkLength = -1;
  private argv: Buffer[] = [];
  /** Arguments of the request being parsed that are in argv so far. */
  private argvCount = 0;
  private argvBytes = 0;
  private lastArgvBytes = 0;
  /** Interned texts of argv[0..ARGUMENT_TEXTS_MAX) of the request being parsed, and of the last one returned. */
  private argumentTexts: (string | undefined)[] = new Array<string | undefined>(ARGUMENT_TEXTS_MAX).fill(undefined);
  private lastArgumentTexts: (string | undefined)[] = new Array<string | undefined>(ARGUMENT_TEXTS_MAX).fill(undefined);
  private lineValue = 0;
  /** Where the line read by shortLineValue ends (past its CR LF). */
  private shortLineNext = 0;
  private errorMessage = '';

  /**
   * Adds received bytes. A chunk arriving on an empty buffer is parsed in
   * place (arguments are copied out of it); call compact() once done so that
   * no reference to the caller's chunk is kept.
   */
  append(data: Uint8Array): void {
    if (data.length === 0) return;
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (this.position >= this.end) {
      this.buffer = chunk;
      this.borrowed = true;
      this.position = 0;
      this.end = chunk.length;
      return;
    }
    if (this.borrowed || this.end + chunk.length > this.buffer.length) this.moveToOwnedBuffer(this.end - this.position + chunk.length);
    this.end = copyBytes(chunk, 0, chunk.length, this.buffer, this.end);
  }

  /** Bytes received and not yet consumed (Redis's qbuf). */
  pendingBytes(): number {
    return this.end - this.position;
  }

  /** The query buffer's length including consumed bytes of the current read (Redis's sdslen(querybuf)). */
  bufferedBytes(): number {
    return this.end;
  }

  /** Bytes of the arguments of the last command returned by next() (Redis's argv_len_sum). */
  commandArgvBytes(): number {
    return this.lastArgvBytes;
  }

  /**
   * The latin1 text of argv[0] of the last command returned by next(), when
   * it is short enough to be interned (undefined otherwise): dispatch needs
   * it, and the interned text costs no decoding.
   */
  commandNameText(): string | undefined {
    return this.lastArgumentTexts[0];
  }

  /**
   * The interned latin1 text of argv[index] of the last command returned by
   * next(), for the first ARGUMENT_TEXTS_MAX short arguments (keys, fields,
   * members repeat from request to request: the keyspace names them by that
   * text); undefined otherwise.
   */
  argumentText(index: number): string | undefined {
    return index < ARGUMENT_TEXTS_MAX ? this.lastArgumentTexts[index] : undefined;
  }

  /** Forgets consumed bytes (Redis trims the query buffer after processing a read). */
  compact(): void {
    if (this.position >= this.end) {
      this.buffer = EMPTY;
      this.borrowed = false;
      this.position = 0;
      this.end = 0;
      return;
    }
    const pending = this.end - this.position;
    if (this.borrowed || (this.buffer.length > KEPT_CAPACITY_BYTES_MAX && pending * 4 < this.buffer.length)) {
      this.moveToOwnedBuffer(pending);
    } else if (this.position > 0) {
      this.buffer.copyWithin(0, this.position, this.end);
      this.position = 0;
      this.end = pending;
    }
  }

  /** Drops everything buffered (after a protocol error the connection is done). */
  clear(): void {
    this.buffer = EMPTY;
    this.borrowed = false;
    this.position = 0;
    this.end = 0;
    this.resetRequest();
  }

  /** The next complete request, or undefined when more bytes are needed. */
  next(policy: ParserPolicy): ParsedRequest | undefined {
    if (this.position >= this.end) return undefined;
    if (this.requestType === 'none') this.requestType = this.buffer[this.position] === ASTERISK ? 'multibulk' : 'inline';
    const parsed = this.requestType === 'inline' ? this.nextInline() : this.nextMultibulk(policy);
    if (parsed !== undefined) {
      this.lastArgvBytes = this.argvBytes;
      const lastTexts = this.lastArgumentTexts;
      this.lastArgumentTexts = this.argumentTexts;
      this.argumentTexts = lastTexts;
      this.resetRequest();
    }
    return parsed;
  }

  private resetRequest(): void {
    this.requestType = 'none';
    this.multibulkRemaining = 0;
    this.bulkLength = -1;
    if (this.argvCount > 0 || this.argv.length > 0) this.argv = [];
    this.argvCount = 0;
    this.argvBytes = 0;
    const texts = this.argumentTexts;
    texts[0] = undefined;
    texts[1] = undefined;
    texts[2] = undefined;
    texts[3] = undefined;
  }

  /**
   * Copies the unconsumed bytes into a fresh buffer of ours with room for at
   * least `bytesNeeded`: grown as sdsMakeRoomFor does, or, while a bulk of
   * known length is awaited, exactly to that bulk (as Redis's
   * sdsMakeRoomForNonGreedy(ll+2) for a big argument).
   */
  private moveToOwnedBuffer(bytesNeeded: number): void {
    const pending = this.end - this.position;
    assert(bytesNeeded >= pending, 'the new buffer holds what is pending');
    const waitedBulkBytes = this.bulkLength >= 0 ? this.bulkLength + 2 : 0;
    const greedy = bytesNeeded < GREEDY_GROWTH_BYTES_MAX ? bytesNeeded * 2 : bytesNeeded + GREEDY_GROWTH_BYTES_MAX;
    const capacity = waitedBulkBytes > bytesNeeded ? waitedBulkBytes : greedy;
    const owned = Buffer.allocUnsafe(capacity);
    this.buffer.copy(owned, 0, this.position, this.end);
    this.buffer = owned;
    this.borrowed = false;
    this.position = 0;
    this.end = pending;
  }

  /** strchr(querybuf + position, byte): stops at a NUL byte (or the end). */
  private findByte(byte: number): number {
    const buffer = this.buffer;
    for (let index = this.position; index < this.end; index++) {
      const current = buffer[index];
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
    if (argv.length === 0) return EMPTY_REQUEST;
    for (const argument of argv) this.argvBytes += argument.length;
    return { kind: 'command', argv };
  }

  private nextMultibulk(policy: ParserPolicy): ParsedRequest | undefined {
    if (this.multibulkRemaining === 0) {
      const outcome = this.readCountLine(policy);
      if (outcome === 'wait') return undefined;
      if (outcome === 'failed') return { kind: 'protocolError', message: this.errorMessage };
      if (this.lineValue <= 0) return EMPTY_REQUEST;
      this.multibulkRemaining = this.lineValue;
      // Filled by index: no growing as arguments arrive.
      if (this.lineValue <= ARGV_PREALLOCATED_MAX) this.argv = new Array<Buffer>(this.lineValue);
    }
    const outcome = this.readArguments(policy);
    if (outcome === 'wait') return undefined;
    if (outcome === 'failed') return { kind: 'protocolError', message: this.errorMessage };
    return { kind: 'command', argv: this.argv };
  }

  /**
   * Reads the bulk arguments that are here into argv: 'read' once the
   * request has them all. Positions are kept in locals while the arguments
   * follow one another and written back once.
   */
  private readArguments(policy: ParserPolicy): LineOutcome {
    const buffer = this.buffer;
    const end = this.end;
    const argv = this.argv;
    let position = this.position;
    let length = this.bulkLength;
    let remaining = this.multibulkRemaining;
    let index = this.argvCount;
    let outcome: LineOutcome = 'read';
    while (remaining > 0) {
      if (length === -1) {
        this.position = position;
        outcome = this.readBulkHeader(policy);
        if (outcome !== 'read') break;
        position = this.position;
        length = this.lineValue;
      }
      if (end - position < length + 2) {
        outcome = 'wait';
        break;
      }
      if (index >= ARGUMENT_TEXTS_MAX || length === 0 || length > INTERNED_TEXT_BYTES_MAX) argv[index] = copyOf(buffer, position, length);
      else argv[index] = index === 0 ? this.sharedName(buffer, position, length) : this.copyAndIntern(buffer, position, length, index);
      index++;
      this.argvBytes += length;
      position += length + 2;
      length = -1;
      remaining--;
    }
    this.position = position;
    this.bulkLength = length;
    this.multibulkRemaining = remaining;
    this.argvCount = index;
    return outcome;
  }

  /**
   * A short argv[0]: its interned text, and as the argument the Buffer
   * shared by every request naming the same command (never written into:
   * commands read their arguments), so a pipeline of SETs makes no name
   * Buffer per request.
   */
  private sharedName(buffer: Buffer, start: number, length: number): Buffer {
    if (lastName.length === length && sameBytesAt(lastName, buffer, start)) {
      this.argumentTexts[0] = lastNameText;
      return lastName;
    }
    let hash = length;
    for (let offset = 0; offset < length; offset++) hash = (Math.imul(hash, 31) + (buffer[start + offset] as number)) | 0;
    lastNameText = commandNameTexts.textOfHashed(buffer, start, start + length, hash);
    lastName = commandNameTexts.lastSharedBytes();
    this.argumentTexts[0] = lastNameText;
    return lastName;
  }

  /** A short leading argument: copied and hashed in one pass, its text interned. */
  private copyAndIntern(buffer: Buffer, start: number, length: number, index: number): Buffer {
    const argument = Buffer.allocUnsafe(length);
    let hash = length;
    for (let offset = 0; offset < length; offset++) {
      const byte = buffer[start + offset] as number;
      argument[offset] = byte;
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    this.argumentTexts[index] = argumentTextTable.textOfHashed(buffer, start, start + length, hash);
    return argument;
  }

  /** The `*count` line; sets lineValue and moves past it. */
  private readCountLine(policy: ParserPolicy): LineOutcome {
    const short = this.shortLineValue(ASTERISK);
    if (short >= 0 && short <= INT_MAX && (short <= UNAUTHENTICATED_COUNT_MAX || !policy.authRequired)) return this.readShortLine(short);
    const lineEnd = this.findByte(CR);
    if (lineEnd === -1) {
      if (this.pendingBytes() <= PROTO_INLINE_MAX_SIZE) return 'wait';
      return this.fail('Protocol error: too big mbulk count string');
    }
    if (lineEnd >= this.end - 1) return 'wait';
    assert(this.buffer[this.position] === ASTERISK, 'a multibulk request starts with *');
    const count = parseLengthLine(this.buffer, this.position + 1, lineEnd);
    if (count === undefined || count > INT_MAX) return this.fail('Protocol error: invalid multibulk length');
    if (count > UNAUTHENTICATED_COUNT_MAX && policy.authRequired) return this.fail('Protocol error: unauthenticated multibulk length');
    this.position = lineEnd + 2;
    this.lineValue = count;
    return 'read';
  }

  /** A `$length` line; sets lineValue and moves past it. */
  private readBulkHeader(policy: ParserPolicy): LineOutcome {
    const short = this.shortLineValue(DOLLAR);
    if (short >= 0 && (policy.trusted || short <= policy.protoMaxBulkLen) && (short <= UNAUTHENTICATED_BULK_BYTES_MAX || !policy.authRequired)) return this.readShortLine(short);
    const lineEnd = this.findByte(CR);
    if (lineEnd === -1) {
      if (this.pendingBytes() <= PROTO_INLINE_MAX_SIZE) return 'wait';
      return this.fail('Protocol error: too big bulk count string');
    }
    if (lineEnd >= this.end - 1) return 'wait';
    const marker = this.buffer[this.position] as number;
    if (marker !== DOLLAR) return this.fail(`Protocol error: expected '$', got '${String.fromCharCode(marker)}'`);
    const length = parseLengthLine(this.buffer, this.position + 1, lineEnd);
    if (length === undefined || length < 0 || (!policy.trusted && length > policy.protoMaxBulkLen)) {
      return this.fail('Protocol error: invalid bulk length');
    }
    if (length > UNAUTHENTICATED_BULK_BYTES_MAX && policy.authRequired) return this.fail('Protocol error: unauthenticated bulk length');
    this.position = lineEnd + 2;
    this.lineValue = length;
    return 'read';
  }

  /**
   * The common line in one pass: `<marker>` then 1 to SHORT_LINE_DIGITS_MAX
   * digits without a leading zero (or a lone 0), then CR and one more byte,
   * all here. Its value (the position stays; shortLineNext is past it), or
   * -1 for anything else, which the general path (strchr for CR, string2ll,
   * waiting, errors) then reads as before.
   */
  private shortLineValue(marker: number): number {
    const buffer = this.buffer;
    const digitsStart = this.position + 1;
    if (buffer[this.position] !== marker) return -1;
    const scanEnd = Math.min(this.end, digitsStart + SHORT_LINE_DIGITS_MAX + 1);
    let value = 0;
    let at = digitsStart;
    for (; at < scanEnd; at++) {
      const digit = (buffer[at] as number) - DIGIT_ZERO;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    const digits = at - digitsStart;
    if (digits === 0 || digits > SHORT_LINE_DIGITS_MAX || at + 1 >= this.end || buffer[at] !== CR) return -1;
    if (digits > 1 && buffer[digitsStart] === DIGIT_ZERO) return -1;
    this.shortLineNext = at + 2;
    return value;
  }

  private readShortLine(value: number): LineOutcome {
    this.position = this.shortLineNext;
    this.lineValue = value;
    return 'read';
  }

  private fail(message: string): LineOutcome {
    this.errorMessage = message;
    return 'failed';
  }
}

/** known equals data[start, start + known.length). */
function sameBytesAt(known: Buffer, data: Buffer, start: number): boolean {
  for (let index = 0; index < known.length; index++) {
    if (known[index] !== data[start + index]) return false;
  }
  return true;
}

function copyOf(buffer: Buffer, start: number, length: number): Buffer {
  const argument = Buffer.allocUnsafe(length);
  copyBytes(buffer, start, start + length, argument, 0);
  return argument;
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
