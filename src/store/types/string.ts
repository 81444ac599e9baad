/**
 * The string type: Redis's OBJ_STRING with its three encodings, decided as
 * object.c decides them:
 * - `int`: a canonical decimal long long (string2l), held as a number;
 *   0..9999 are the shared integers (OBJECT REFCOUNT 2147483647) unless
 *   maxmemory with an LRU/LFU policy forbids sharing;
 * - `embstr`: createStringObject of at most 44 bytes;
 * - `raw`: longer strings, and every string modified in place (APPEND,
 *   SETRANGE, SETBIT, ...), which Redis first "unshares" into a raw copy.
 *
 * Raw strings grow in place like an sds (spare capacity, amortised appends).
 * `bytes()` hands out a view; the next in-place change copies first, so a
 * view already given (to a reply, a propagated command) never changes.
 */
import { Buffer } from 'node:buffer';
import { assert } from '../../core/assert.js';
import type { StringEncoding, StringObject } from '../keyspace/object.js';
import { LLONG_MAX, LLONG_MIN, safeIntegerOfBytes, safeIntegerOfText, safeIntegerTextLengthMax, string2l } from './number-parsing.js';
import { SlabCopier } from './slab-bytes.js';

/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT */
export const embstrSizeLimit = 44;
/** OBJ_SHARED_INTEGERS */
export const sharedIntegersCount = 10_000;
/** OBJ_SHARED_REFCOUNT: what OBJECT REFCOUNT prints for a shared object. */
export const sharedRefcount = 2_147_483_647;
/** Values of a long that fit a string2l-able string are at most this many bytes. */
const integerStringLengthMax = 20;
/**
 * A command argument over a backing store at most this large may become a
 * value's storage as it is (the parser's Buffers come from Node's 8 KiB
 * pool, the embedded store's from 64 KiB slabs): a short value then keeps
 * at most one such slab alive, as a copy into `valueCopier` would.
 */
const keptArgumentBackingBytesMax = 64 * 1024;
/** sdsMakeRoomFor's SDS_MAX_PREALLOC. */
const preallocationMax = 1024 * 1024;

/** Whether small integers may be shared (maxmemory 0, or a policy without LRU/LFU). */
export interface SharingPolicy {
  readonly sharedIntegers: boolean;
}

export const defaultSharingPolicy: SharingPolicy = { sharedIntegers: true };

const SAFE_INTEGER_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_INTEGER_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** Copies of embstr-sized values: from slabs, as Node's pool would, at a fraction of Buffer.from's cost. */
const valueCopier = new SlabCopier(16 * 1024);
/** An int-encoded or text-backed string holds no bytes yet; they all share this empty storage. */
const NO_STORAGE = Buffer.alloc(0);
/**
 * The shared integers, made on first use. They never change (only an
 * unshared raw string changes in place), so one object serves every key of
 * every node, as Redis's shared.integers do.
 */
const sharedIntegers: (RedisString | undefined)[] = new Array<RedisString | undefined>(sharedIntegersCount).fill(undefined);

/** '-' or a digit: string2l accepts nothing that starts otherwise. */
function mayBeInteger(firstChar: number): boolean {
  return firstChar === 0x2d || (firstChar >= 0x30 && firstChar <= 0x39);
}

/**
 * Besides its encoding, a string holds its value in one of three forms:
 * an integer (int encoding: a number while it is a safe integer, else a
 * bigint), ASCII text whose chars are its bytes (embstr or raw made from a
 * JS string, until something needs the bytes: the embedded store's SET
 * then costs no Buffer), or bytes in `storage`.
 */
export class RedisString implements StringObject {
  readonly type = 'string' as const;
  private storage: Buffer;
  /** The value's bytes as latin1 text (each char below 0x80) until `storage` is made from it; undefined once it is. */
  private text: string | undefined;
  private length: number;
  /** True once a view of `storage` was handed out: the next mutation copies. */
  private exposed = false;
  /**
   * The int encoding's value when it is a safe integer, else undefined
   * (which also keeps the field's representation tagged: a small integer
   * is stored in the object, not boxed).
   */
  private integerNumber: number | undefined;
  /** The int encoding's value as a bigint: made on first use from `integerNumber`, or the value itself beyond safe integers. */
  private integerBig: bigint | undefined;

  /** An int-encoded string gives `integerNumber` when it is a safe integer, else `integerBig`. */
  private constructor(
    private currentEncoding: StringEncoding,
    integerNumber: number | undefined,
    integerBig: bigint | undefined,
    storage: Buffer,
    text: string | undefined,
    private readonly shared: boolean,
  ) {
    this.storage = storage;
    this.text = text;
    this.length = text === undefined ? storage.length : text.length;
    this.integerNumber = integerNumber;
    this.integerBig = integerBig;
    assert(currentEncoding !== 'int' || (storage.length === 0 && text === undefined), 'an int-encoded string holds no bytes');
    assert((currentEncoding === 'int') === (integerNumber !== undefined || integerBig !== undefined), 'an int-encoded string, and only one, holds an integer');
    assert(!shared || currentEncoding === 'int', 'only integers are shared');
  }

  /** createStringObject: embstr up to 44 bytes, raw beyond. Copies `data`. */
  static fromBytes(data: Uint8Array): RedisString {
    if (data.length <= embstrSizeLimit) return new RedisString('embstr', undefined, undefined, valueCopier.copy(data), undefined, false);
    return new RedisString('raw', undefined, undefined, Buffer.from(data), undefined, false);
  }

  /**
   * `encoded` of an ASCII text that cannot be a long long (empty, or not
   * starting with '-' or a digit, which string2l requires): embstr or raw,
   * holding the text until its bytes are needed.
   */
  static fromNonNumericAsciiText(text: string): RedisString {
    assert(text.length === 0 || !mayBeInteger(text.charCodeAt(0)), 'the text cannot be a long long');
    return new RedisString(text.length <= embstrSizeLimit ? 'embstr' : 'raw', undefined, undefined, NO_STORAGE, text, false);
  }

  /** `encoded` of text whose chars are all below 0x80 (the caller checked): its bytes are its chars. */
  static encodedAsciiText(text: string, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    if (text.length === 0 || !mayBeInteger(text.charCodeAt(0))) return RedisString.fromNonNumericAsciiText(text);
    if (text.length <= integerStringLengthMax) {
      const small = safeIntegerOfText(text);
      if (small !== undefined) return RedisString.fromSafeInteger(small, policy);
      const value = text.length > safeIntegerTextLengthMax ? string2l(Buffer.from(text, 'latin1')) : undefined;
      if (value !== undefined) return RedisString.fromLongLong(value, policy);
    }
    return new RedisString(text.length <= embstrSizeLimit ? 'embstr' : 'raw', undefined, undefined, NO_STORAGE, text, false);
  }

  /** createRawStringObject: always raw. Copies `data`. */
  static rawFromBytes(data: Uint8Array): RedisString {
    return new RedisString('raw', undefined, undefined, Buffer.from(data), undefined, false);
  }

  /** A raw string of `length` zero bytes (SETRANGE and SETBIT on a missing key). */
  static zeroed(length: number): RedisString {
    return new RedisString('raw', undefined, undefined, Buffer.alloc(length), undefined, false);
  }

  /**
   * createStringObjectFromLongLongForValue: a shared integer for 0..9999
   * when sharing is allowed, else an int-encoded object.
   */
  static fromLongLong(value: bigint, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    assert(value >= LLONG_MIN && value <= LLONG_MAX, 'a long long is in range');
    if (value >= SAFE_INTEGER_MIN && value <= SAFE_INTEGER_MAX) return RedisString.fromSafeInteger(Number(value), policy);
    return new RedisString('int', undefined, value, NO_STORAGE, undefined, false);
  }

  /** fromLongLong of a safe integer, without bigint arithmetic. */
  static fromSafeInteger(value: number, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    assert(Number.isSafeInteger(value), 'a safe integer');
    if (!(policy.sharedIntegers && value >= 0 && value < sharedIntegersCount)) return new RedisString('int', value, undefined, NO_STORAGE, undefined, false);
    let shared = sharedIntegers[value];
    if (shared === undefined) {
      shared = new RedisString('int', value, undefined, NO_STORAGE, undefined, true);
      sharedIntegers[value] = shared;
    }
    return shared;
  }

  /**
   * tryObjectEncoding applied to a command argument or a loaded value: int
   * when the bytes are a canonical long long of at most 20 bytes, else embstr
   * up to 44 bytes, else raw.
   */
  static encoded(data: Uint8Array, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
    if (buffer.length <= integerStringLengthMax) {
      const value = string2l(buffer);
      if (value !== undefined) return RedisString.fromLongLong(value, policy);
    }
    return RedisString.fromBytes(data);
  }

  /**
   * `encoded` of a command argument (SET's value), keeping `argument`
   * itself as the value's bytes instead of copying them. Arguments are
   * Buffers nobody writes into (the request parser copies each out of its
   * read buffer, the embedded store into write-once slabs); the string
   * starts as if its bytes were already handed out, so an in-place change
   * (SETRANGE, APPEND, ...) copies first and never writes into the argument.
   * An argument over a large shared backing store is copied, so that a
   * short value does not keep it alive.
   */
  static encodedArgument(argument: Buffer, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    const length = argument.length;
    if (length <= integerStringLengthMax && length > 0 && mayBeInteger(argument[0] as number)) {
      const small = safeIntegerOfBytes(argument);
      if (small !== undefined) return RedisString.fromSafeInteger(small, policy);
      const value = length > safeIntegerTextLengthMax ? string2l(argument) : undefined;
      if (value !== undefined) return RedisString.fromLongLong(value, policy);
    }
    const backingBytes = argument.buffer.byteLength;
    const ownAllocation = argument.byteOffset === 0 && argument.byteLength === backingBytes;
    if (!ownAllocation && backingBytes > keptArgumentBackingBytesMax) return RedisString.fromBytes(argument);
    const kept = new RedisString(length <= embstrSizeLimit ? 'embstr' : 'raw', undefined, undefined, argument, undefined, false);
    kept.exposed = true;
    return kept;
  }

  encoding(): StringEncoding {
    return this.currentEncoding;
  }

  /** OBJECT REFCOUNT */
  refcount(): number {
    return this.shared ? sharedRefcount : 1;
  }

  isShared(): boolean {
    return this.shared;
  }

  bytes(): Buffer {
    if (this.currentEncoding === 'int') return Buffer.from(this.integerText(), 'latin1');
    if (this.text !== undefined) this.materialize();
    this.exposed = true;
    // A copy made to measure (embstr) is handed out whole: subarray costs more than the rest of a GET.
    return this.length === this.storage.length ? this.storage : this.storage.subarray(0, this.length);
  }

  /** The value as latin1 text while it is held as ASCII text (no bytes made yet), else undefined. */
  asciiText(): string | undefined {
    return this.text;
  }

  /** stringObjectLen */
  byteLength(): number {
    return this.currentEncoding === 'int' ? this.integerText().length : this.length;
  }

  /** The integer of an int-encoded string, or undefined. */
  integerValue(): bigint | undefined {
    if (this.currentEncoding !== 'int') return undefined;
    if (this.integerBig === undefined) this.integerBig = BigInt(this.integerNumber as number);
    return this.integerBig;
  }

  /** The integer of an int-encoded string when it is a safe integer (no bigint made), else undefined. */
  safeIntegerValue(): number | undefined {
    return this.integerNumber;
  }

  /** dupStringObject: same encoding, never shared (COPY). */
  clone(): RedisString {
    if (this.currentEncoding === 'int') return new RedisString('int', this.integerNumber, this.integerNumber === undefined ? this.integerBig : undefined, NO_STORAGE, undefined, false);
    if (this.text !== undefined) return new RedisString(this.currentEncoding, undefined, undefined, NO_STORAGE, this.text, false);
    return new RedisString(this.currentEncoding, undefined, undefined, Buffer.from(this.storage.subarray(0, this.length)), undefined, false);
  }

  /** True when this object may be changed in place (dbUnshareStringValue would keep it). */
  isMutableInPlace(): boolean {
    return this.currentEncoding === 'raw' && !this.shared;
  }

  /** Grows to at least `newLength` bytes, zero-filled (sdsgrowzero). Raw only. */
  growZeroed(newLength: number): void {
    this.assertMutable();
    if (newLength <= this.length) return;
    this.reserve(newLength);
    this.storage.fill(0, this.length, newLength);
    this.length = newLength;
  }

  /** Writes `data` at `offset`, growing with zeros as needed (SETRANGE). Raw only. */
  writeAt(offset: number, data: Uint8Array): void {
    this.growZeroed(offset + data.length);
    this.reserve(this.length);
    this.storage.set(data, offset);
  }

  /** sdscatlen (APPEND). Raw only. */
  append(data: Uint8Array): void {
    this.writeAt(this.length, data);
  }

  /**
   * The bytes for editing in place (BITFIELD). Raw only; the view is valid
   * until the next call on this object and must not be kept or replied.
   */
  editableBytes(): Buffer {
    this.assertMutable();
    this.reserve(this.length);
    return this.storage.subarray(0, this.length);
  }

  /** Reads one byte (0 past the end). */
  byteAt(index: number): number {
    if (this.currentEncoding === 'int') return this.bytes()[index] ?? 0;
    if (index >= this.length) return 0;
    return this.text === undefined ? (this.storage[index] as number) : this.text.charCodeAt(index);
  }

  /** Sets one byte inside the current length (SETBIT). Raw only. */
  setByte(index: number, value: number): void {
    this.assertMutable();
    assert(index >= 0 && index < this.length, 'setByte inside the string');
    this.reserve(this.length);
    this.storage[index] = value;
  }

  /** Asserts the string may change in place, and gives it its bytes if it held text. */
  private assertMutable(): void {
    assert(this.isMutableInPlace(), 'only an unshared raw string changes in place');
    if (this.text !== undefined) this.materialize();
  }

  /** Makes `storage` from the text (the text's chars are its bytes). */
  private materialize(): void {
    const text = this.text;
    assert(text !== undefined, 'only a text-backed string materializes');
    this.storage = this.currentEncoding === 'embstr' ? valueCopier.copyAsciiText(text) : Buffer.from(text, 'latin1');
    this.text = undefined;
    this.exposed = false;
  }

  /** The decimal text of the int encoding's value. */
  private integerText(): string {
    return this.integerNumber === undefined ? (this.integerBig as bigint).toString() : String(this.integerNumber);
  }

  /** Makes room for `wanted` bytes and un-exposes the storage (copy on write). */
  private reserve(wanted: number): void {
    if (!this.exposed && wanted <= this.storage.length) return;
    let capacity = this.storage.length;
    if (wanted > capacity) capacity = wanted < preallocationMax ? wanted * 2 : wanted + preallocationMax;
    const next = Buffer.allocUnsafe(capacity);
    this.storage.copy(next, 0, 0, this.length);
    this.storage = next;
    this.exposed = false;
  }
}

/** A string value as the keyspace holds it (type already checked). */
export function asRedisString(value: StringObject): RedisString {
  assert(value instanceof RedisString, 'every string object is a RedisString');
  return value;
}
