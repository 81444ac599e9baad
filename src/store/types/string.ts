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
import { assert } from '../../core/assert.js';
import type { StringEncoding, StringObject } from '../keyspace/object.js';
import { LLONG_MAX, LLONG_MIN, string2l } from './number-parsing.js';
import { SlabCopier } from './slab-bytes.js';

/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT */
export const embstrSizeLimit = 44;
/** OBJ_SHARED_INTEGERS */
export const sharedIntegersCount = 10_000;
/** OBJ_SHARED_REFCOUNT: what OBJECT REFCOUNT prints for a shared object. */
export const sharedRefcount = 2_147_483_647;
/** Values of a long that fit a string2l-able string are at most this many bytes. */
const integerStringLengthMax = 20;
/** sdsMakeRoomFor's SDS_MAX_PREALLOC. */
const preallocationMax = 1024 * 1024;

/** Whether small integers may be shared (maxmemory 0, or a policy without LRU/LFU). */
export interface SharingPolicy {
  readonly sharedIntegers: boolean;
}

export const defaultSharingPolicy: SharingPolicy = { sharedIntegers: true };

const SHARED_INTEGERS_END = BigInt(sharedIntegersCount);
/** Copies of embstr-sized values: from slabs, as Node's pool would, at a fraction of Buffer.from's cost. */
const valueCopier = new SlabCopier(16 * 1024);
/** An int-encoded string holds no bytes; they all share this empty storage. */
const NO_STORAGE = Buffer.alloc(0);
/**
 * The shared integers, made on first use. They never change (only an
 * unshared raw string changes in place), so one object serves every key of
 * every node, as Redis's shared.integers do.
 */
const sharedIntegers: (RedisString | undefined)[] = new Array<RedisString | undefined>(sharedIntegersCount).fill(undefined);

export class RedisString implements StringObject {
  readonly type = 'string' as const;
  private storage: Buffer;
  private length: number;
  /** True once a view of `storage` was handed out: the next mutation copies. */
  private exposed = false;

  private constructor(
    private currentEncoding: StringEncoding,
    private integer: bigint,
    storage: Buffer,
    private readonly shared: boolean,
  ) {
    this.storage = storage;
    this.length = storage.length;
    assert(currentEncoding !== 'int' || storage.length === 0, 'an int-encoded string holds no bytes');
    assert(!shared || currentEncoding === 'int', 'only integers are shared');
  }

  /** createStringObject: embstr up to 44 bytes, raw beyond. Copies `data`. */
  static fromBytes(data: Uint8Array): RedisString {
    if (data.length <= embstrSizeLimit) return new RedisString('embstr', 0n, valueCopier.copy(data), false);
    return new RedisString('raw', 0n, Buffer.from(data), false);
  }

  /**
   * `encoded` of an ASCII text that cannot be a long long (empty, or not
   * starting with '-' or a digit, which string2l requires): embstr or raw.
   */
  static fromNonNumericAsciiText(text: string): RedisString {
    const first = text.charCodeAt(0);
    assert(text.length === 0 || !(first === 0x2d || (first >= 0x30 && first <= 0x39)), 'the text cannot be a long long');
    if (text.length <= embstrSizeLimit) return new RedisString('embstr', 0n, valueCopier.copyAsciiText(text), false);
    return new RedisString('raw', 0n, Buffer.from(text, 'latin1'), false);
  }

  /** createRawStringObject: always raw. Copies `data`. */
  static rawFromBytes(data: Uint8Array): RedisString {
    return new RedisString('raw', 0n, Buffer.from(data), false);
  }

  /** A raw string of `length` zero bytes (SETRANGE and SETBIT on a missing key). */
  static zeroed(length: number): RedisString {
    return new RedisString('raw', 0n, Buffer.alloc(length), false);
  }

  /**
   * createStringObjectFromLongLongForValue: a shared integer for 0..9999
   * when sharing is allowed, else an int-encoded object.
   */
  static fromLongLong(value: bigint, policy: SharingPolicy = defaultSharingPolicy): RedisString {
    assert(value >= LLONG_MIN && value <= LLONG_MAX, 'a long long is in range');
    if (!(policy.sharedIntegers && value >= 0n && value < SHARED_INTEGERS_END)) return new RedisString('int', value, NO_STORAGE, false);
    const index = Number(value);
    let shared = sharedIntegers[index];
    if (shared === undefined) {
      shared = new RedisString('int', value, NO_STORAGE, true);
      sharedIntegers[index] = shared;
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
    if (this.currentEncoding === 'int') return Buffer.from(this.integer.toString(), 'latin1');
    this.exposed = true;
    // A copy made to measure (embstr) is handed out whole: subarray costs more than the rest of a GET.
    return this.length === this.storage.length ? this.storage : this.storage.subarray(0, this.length);
  }

  /** stringObjectLen */
  byteLength(): number {
    return this.currentEncoding === 'int' ? this.integer.toString().length : this.length;
  }

  /** The integer of an int-encoded string, or undefined. */
  integerValue(): bigint | undefined {
    return this.currentEncoding === 'int' ? this.integer : undefined;
  }

  /** dupStringObject: same encoding, never shared (COPY). */
  clone(): RedisString {
    if (this.currentEncoding === 'int') return new RedisString('int', this.integer, NO_STORAGE, false);
    return new RedisString(this.currentEncoding, 0n, Buffer.from(this.storage.subarray(0, this.length)), false);
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
    return index < this.length ? (this.storage[index] as number) : 0;
  }

  /** Sets one byte inside the current length (SETBIT). Raw only. */
  setByte(index: number, value: number): void {
    this.assertMutable();
    assert(index >= 0 && index < this.length, 'setByte inside the string');
    this.reserve(this.length);
    this.storage[index] = value;
  }

  private assertMutable(): void {
    assert(this.isMutableInPlace(), 'only an unshared raw string changes in place');
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
