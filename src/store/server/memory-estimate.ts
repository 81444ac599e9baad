import type { RedisObject } from '../keyspace/object.js';
import { formatDoubleG17 } from '../protocol/double-format.js';

/**
 * MEMORY USAGE as Redis 7.0 computes it (object.c objectComputeSize plus the
 * key's sds and dict entry), over a model of the allocations: jemalloc size
 * classes, sds headers, listpack entry sizes, robj/dict/quicklist/skiplist
 * struct sizes of a 64-bit build. Collections are sampled (first `samples`
 * elements, then averaged) like Redis. Exact for strings; within a few
 * percent for small collections; the same order of magnitude otherwise.
 */
const ROBJ = 16;
const DICT_ENTRY = 24;
const DICT = 56;
const QUICKLIST = 40;
const QUICKLIST_NODE = 40;
const ZSET = 16;
const ZSKIPLIST = 32;
const POINTER = 8;
const EMBSTR_LIMIT = 44;
const LISTPACK_HEADER = 6;

/** jemalloc's small and large size classes (usable size of an allocation of `size` bytes). */
export function jemallocSize(size: number): number {
  if (size <= 8) return 8;
  if (size <= 128) return Math.ceil(size / 16) * 16;
  let group = 128;
  for (;;) {
    const step = group / 4;
    if (size <= group * 2) return Math.ceil(size / step) * step;
    group *= 2;
  }
}

/** sdsnewlen: header by length class, the bytes, and the NUL terminator. */
export function sdsAllocation(length: number): number {
  const header = length < 256 ? 3 : length < 65536 ? 5 : length < 2 ** 32 ? 9 : 17;
  return jemallocSize(header + length + 1);
}

function listpackEntrySize(element: Buffer): number {
  const text = element.toString('latin1');
  let encoded: number;
  if (/^(0|-?[1-9]\d{0,18})$/.test(text) && BigInt(text) >= -(2n ** 63n) && BigInt(text) < 2n ** 63n) {
    const value = BigInt(text);
    if (value >= 0n && value <= 127n) encoded = 1;
    else if (value >= -4096n && value <= 4095n) encoded = 2;
    else if (value >= -32768n && value <= 32767n) encoded = 3;
    else if (value >= -8388608n && value <= 8388607n) encoded = 4;
    else if (value >= -2147483648n && value <= 2147483647n) encoded = 5;
    else encoded = 9;
  } else {
    const length = element.length;
    encoded = (length < 64 ? 1 : length < 4096 ? 2 : 5) + length;
  }
  const backlen = encoded <= 127 ? 1 : encoded < 16383 ? 2 : encoded < 2097151 ? 3 : encoded < 268435455 ? 4 : 5;
  return encoded + backlen;
}

function listpackAllocation(elements: Iterable<Buffer>): number {
  let bytes = LISTPACK_HEADER + 1;
  for (const element of elements) bytes += listpackEntrySize(element);
  return jemallocSize(bytes);
}

/** The dict's bucket array: the next power of two at or above the size (min 4). */
function dictSlots(size: number): number {
  let slots = 4;
  while (slots < size) slots *= 2;
  return slots;
}

function sampledAverage(items: Iterable<number>, samples: number, count: number): number {
  let total = 0;
  let taken = 0;
  for (const item of items) {
    if (taken >= samples) break;
    total += item;
    taken++;
  }
  return taken === 0 ? 0 : (total / taken) * count;
}

function* mapIterable<T, U>(items: Iterable<T>, transform: (item: T) => U): IterableIterator<U> {
  for (const item of items) yield transform(item);
}

/** zset listpacks store scores as d2string text (integral scores become listpack integers). */
function scoreBytes(score: number): Buffer {
  return Buffer.from(formatDoubleG17(score), 'latin1');
}

/** objectComputeSize for one value. */
export function objectSize(value: RedisObject, samples: number): number {
  switch (value.type) {
    case 'string': {
      const encoding = value.encoding();
      const length = value.bytes().length;
      if (encoding === 'int') return ROBJ;
      if (encoding === 'embstr' && length <= EMBSTR_LIMIT) return jemallocSize(ROBJ + 3 + length + 1);
      return ROBJ + sdsAllocation(length);
    }
    case 'list': {
      const elements = value.toArray();
      const node = QUICKLIST_NODE + listpackAllocation(elements);
      return ROBJ + QUICKLIST + node;
    }
    case 'set': {
      const members = Array.from(value.members());
      if (value.encoding() === 'intset') {
        const width = members.some((member) => Math.abs(Number(member.toString('latin1'))) > 2147483647) ? 8 : members.some((member) => Math.abs(Number(member.toString('latin1'))) > 32767) ? 4 : 2;
        return ROBJ + jemallocSize(8 + width * members.length);
      }
      const base = ROBJ + DICT + POINTER * dictSlots(members.length);
      return base + sampledAverage(mapIterable(members, (member) => DICT_ENTRY + sdsAllocation(member.length)), samples, members.length);
    }
    case 'zset': {
      const entries = Array.from(value.entries());
      if (value.encoding() === 'listpack') return ROBJ + listpackAllocation(entries.flatMap(([member, score]) => [member, scoreBytes(score)]));
      const base = ROBJ + ZSET + ZSKIPLIST + DICT + POINTER * dictSlots(entries.length) + jemallocSize(32 + 16 * 32);
      return base + sampledAverage(mapIterable(entries, ([member]) => sdsAllocation(member.length) + DICT_ENTRY + jemallocSize(32 + 16 * 2)), samples, entries.length);
    }
    case 'hash': {
      const entries = Array.from(value.entries());
      if (value.encoding() === 'listpack') return ROBJ + listpackAllocation(entries.flat());
      const base = ROBJ + DICT + POINTER * dictSlots(entries.length);
      return base + sampledAverage(mapIterable(entries, ([field, fieldValue]) => sdsAllocation(field.length) + sdsAllocation(fieldValue.length) + DICT_ENTRY), samples, entries.length);
    }
    case 'stream': {
      // Approximate: the rax of listpacks as one listpack of every field and value.
      const flat = Array.from(value.entryList(), ([, fields]) => fields).flat();
      return ROBJ + 48 + listpackAllocation(flat);
    }
  }
}

/** MEMORY USAGE: the value, the key's sds and its dict entry. */
export function memoryUsage(key: Buffer, value: RedisObject, samples: number): number {
  return Math.floor(objectSize(value, samples)) + sdsAllocation(key.length) + DICT_ENTRY;
}
