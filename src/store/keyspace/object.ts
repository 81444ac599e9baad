import { rememberedArgumentText } from './argument-text.js';

/**
 * The value model shared by every command family, persistence and the
 * digest. Keys and values are binary-safe `Buffer`s. Inside maps, a key or
 * member is held as a `latin1` string (one char per byte, lossless): see
 * `binaryKey`.
 *
 * Each family owns its class in `store/types/` and implements the interface
 * here; code outside a family uses only these interfaces.
 */
export type RedisType = 'string' | 'list' | 'hash' | 'set' | 'zset' | 'stream';

/** OBJECT ENCODING names, as Redis 7.0 prints them. */
export type StringEncoding = 'int' | 'embstr' | 'raw';
export type ListEncoding = 'quicklist';
export type HashEncoding = 'listpack' | 'hashtable';
export type SetEncoding = 'intset' | 'hashtable';
export type ZsetEncoding = 'listpack' | 'skiplist';

export interface StringObject {
  readonly type: 'string';
  encoding(): StringEncoding;
  /** The value's bytes (an int-encoded value is rendered in decimal). */
  bytes(): Buffer;
  clone(): StringObject;
}

export interface ListObject {
  readonly type: 'list';
  encoding(): ListEncoding;
  length(): number;
  /** Elements head to tail. */
  toArray(): Buffer[];
  clone(): ListObject;
}

export interface HashObject {
  readonly type: 'hash';
  encoding(): HashEncoding;
  size(): number;
  /** Field/value pairs in the order HGETALL returns them. */
  entries(): Iterable<readonly [Buffer, Buffer]>;
  clone(): HashObject;
}

export interface SetObject {
  readonly type: 'set';
  encoding(): SetEncoding;
  size(): number;
  /** Members in the order SMEMBERS returns them. */
  members(): Iterable<Buffer>;
  clone(): SetObject;
}

export interface ZsetObject {
  readonly type: 'zset';
  encoding(): ZsetEncoding;
  size(): number;
  /** (member, score) pairs in ascending (score, member) order. */
  entries(): Iterable<readonly [Buffer, number]>;
  clone(): ZsetObject;
}

export interface StreamObject {
  readonly type: 'stream';
  encoding(): 'stream';
  /** Number of entries. */
  length(): number;
  /** (ID, [field, value, ...]) in ID order. */
  entryList(): Iterable<readonly [{ readonly ms: bigint; readonly seq: bigint }, readonly Buffer[]]>;
  clone(): StreamObject;
}

export type RedisObject = StringObject | ListObject | HashObject | SetObject | ZsetObject | StreamObject;

export type ObjectOfType<T extends RedisType> = Extract<RedisObject, { readonly type: T }>;

/** A map key for binary data: one latin1 char per byte, lossless both ways. */
export function binaryKey(data: Buffer): string {
  return rememberedArgumentText(data) ?? data.toString('latin1');
}

export function fromBinaryKey(key: string): Buffer {
  return Buffer.from(key, 'latin1');
}
