import type { Prng } from '../../../core/prng.js';
import type { EncodingConfig } from '../../keyspace/encoding-config.js';
import { binaryKey, type RedisObject } from '../../keyspace/object.js';
import { createHashFromEntries } from '../../types/hash.js';
import { createListFromElements } from '../../types/list.js';
import { createSetFromMembers } from '../../types/set.js';
import { RedisString } from '../../types/string.js';
import { string2d } from '../../types/number-parsing.js';
import { createZsetFromEntries } from '../../types/zset.js';
import type { ByteReader } from './byte-reader.js';
import { decodeIntset } from './intset-blob.js';
import { decodeListpack } from './listpack.js';
import { QUICKLIST_NODE_PACKED, QUICKLIST_NODE_PLAIN, rdbTypes } from './rdb-constants.js';
import { readCount, readLength } from './rdb-length.js';
import { readString } from './rdb-string.js';
import { decodeZiplist } from './ziplist.js';
import { readStream } from './rdb-stream-reader.js';

/** What building a value needs: the live thresholds and the stream skiplist levels draw from. */
export interface ValueReadContext {
  readonly encodingConfig: EncodingConfig;
  readonly rng: Prng;
}

/** An empty collection, which Redis 7.0 skips on load (RDB_LOAD_ERR_EMPTY_KEY). */
export const EMPTY_KEY: unique symbol = Symbol('empty key');

type Pair = readonly [Buffer, Buffer];

function checkDistinct(reader: ByteReader, items: readonly Buffer[], what: string, start: number): void {
  const seen = new Set<string>();
  for (const item of items) {
    const name = binaryKey(item);
    if (seen.has(name)) reader.fail(`duplicate ${what} detected`, start);
    seen.add(name);
  }
}

function pairsOf(reader: ByteReader, flat: readonly Buffer[], what: string, start: number): Pair[] {
  if (flat.length % 2 !== 0) reader.fail(`${what} holds an odd number of elements`, start);
  const pairs: Pair[] = [];
  for (let index = 0; index < flat.length; index += 2) pairs.push([flat[index] as Buffer, flat[index + 1] as Buffer]);
  return pairs;
}

function zsetFrom(reader: ByteReader, entries: readonly (readonly [Buffer, number])[], context: ValueReadContext, start: number): RedisObject | typeof EMPTY_KEY {
  if (entries.length === 0) return EMPTY_KEY;
  checkDistinct(reader, entries.map(([member]) => member), 'zset members', start);
  const sorted = entries.slice().sort(([memberA, scoreA], [memberB, scoreB]) => (scoreA !== scoreB ? scoreA - scoreB : Buffer.compare(memberA, memberB)));
  return createZsetFromEntries(sorted, context.encodingConfig, context.rng);
}

function scoreOf(reader: ByteReader, text: Buffer, start: number): number {
  const score = string2d(text);
  if (score === undefined) return reader.fail(`zset score '${text.toString('latin1')}' is not a number`, start);
  return score;
}

/** rdbLoadDoubleValue: the text score of the old ZSET type (253 nan, 254 +inf, 255 -inf). */
function readTextDouble(reader: ByteReader): number {
  const start = reader.position;
  const length = reader.byte('zset score length');
  if (length === 253) return reader.fail('zset score is NaN', start);
  if (length === 254) return Number.POSITIVE_INFINITY;
  if (length === 255) return Number.NEGATIVE_INFINITY;
  return scoreOf(reader, reader.bytes(length, 'zset score'), start);
}

function readStringList(reader: ByteReader, what: string, itemsPerEntry: number): Buffer[] {
  const count = readCount(reader, what, itemsPerEntry);
  const items: Buffer[] = [];
  for (let index = 0; index < count * itemsPerEntry; index++) items.push(readString(reader, what));
  return items;
}

function readBlob(reader: ByteReader, what: string): { readonly blob: Buffer; readonly offset: number } {
  const start = reader.position;
  const blob = readString(reader, what);
  return { blob, offset: reader.baseOffset + start };
}

function readQuicklist(reader: ByteReader, version: 1 | 2): Buffer[] {
  const nodeCount = readCount(reader, 'quicklist node count');
  const elements: Buffer[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const containerStart = reader.position;
    const container = version === 2 ? readLength(reader, 'quicklist node container') : QUICKLIST_NODE_PACKED;
    const { blob, offset } = readBlob(reader, 'quicklist node');
    if (container === QUICKLIST_NODE_PLAIN) elements.push(blob);
    else if (container === QUICKLIST_NODE_PACKED) elements.push(...(version === 2 ? decodeListpack(blob, offset) : decodeZiplist(blob, offset)));
    else reader.fail(`quicklist node container ${container} is neither plain nor packed`, containerStart);
  }
  return elements;
}

function listFrom(elements: readonly Buffer[]): RedisObject | typeof EMPTY_KEY {
  return elements.length === 0 ? EMPTY_KEY : createListFromElements(elements);
}

function setFrom(reader: ByteReader, members: readonly Buffer[], context: ValueReadContext, start: number): RedisObject | typeof EMPTY_KEY {
  if (members.length === 0) return EMPTY_KEY;
  checkDistinct(reader, members, 'set members', start);
  return createSetFromMembers(members, context.encodingConfig);
}

function hashFrom(reader: ByteReader, pairs: readonly Pair[], context: ValueReadContext, start: number): RedisObject | typeof EMPTY_KEY {
  if (pairs.length === 0) return EMPTY_KEY;
  checkDistinct(reader, pairs.map(([field]) => field), 'hash fields', start);
  return createHashFromEntries(pairs, context.encodingConfig);
}

function readZset2(reader: ByteReader, binary: boolean): (readonly [Buffer, number])[] {
  const count = readCount(reader, 'zset length', binary ? 9 : 2);
  const entries: (readonly [Buffer, number])[] = [];
  for (let index = 0; index < count; index++) {
    const member = readString(reader, 'zset member');
    const at = reader.position;
    const score = binary ? reader.doubleLE('zset score') : readTextDouble(reader);
    if (Number.isNaN(score)) reader.fail('zset score is NaN', at);
    entries.push([member, score]);
  }
  return entries;
}

function zsetFromFlat(reader: ByteReader, flat: readonly Buffer[], context: ValueReadContext, start: number): RedisObject | typeof EMPTY_KEY {
  const entries = pairsOf(reader, flat, 'zset listpack', start).map(([member, text]) => [member, scoreOf(reader, text, start)] as const);
  return zsetFrom(reader, entries, context, start);
}

/** rdbLoadObject for one type byte; Redis 7.0's types and the older ziplist ones. */
export function readValue(reader: ByteReader, type: number, context: ValueReadContext): RedisObject | typeof EMPTY_KEY {
  const start = reader.position;
  switch (type) {
    case rdbTypes.string:
      return RedisString.encoded(readString(reader, 'string value'));
    case rdbTypes.list:
      return listFrom(readStringList(reader, 'list', 1));
    case rdbTypes.listQuicklist:
      return listFrom(readQuicklist(reader, 1));
    case rdbTypes.listQuicklist2:
      return listFrom(readQuicklist(reader, 2));
    case rdbTypes.listZiplist: {
      const { blob, offset } = readBlob(reader, 'list ziplist');
      return listFrom(decodeZiplist(blob, offset));
    }
    case rdbTypes.set:
      return setFrom(reader, readStringList(reader, 'set', 1), context, start);
    case rdbTypes.setIntset: {
      const { blob, offset } = readBlob(reader, 'intset');
      return setFrom(reader, decodeIntset(blob, offset).values.map((value) => Buffer.from(value.toString(), 'latin1')), context, start);
    }
    default:
      return readSortedOrHash(reader, type, context, start);
  }
}

function readSortedOrHash(reader: ByteReader, type: number, context: ValueReadContext, start: number): RedisObject | typeof EMPTY_KEY {
  switch (type) {
    case rdbTypes.zset:
    case rdbTypes.zset2:
      return zsetFrom(reader, readZset2(reader, type === rdbTypes.zset2), context, start);
    case rdbTypes.zsetListpack:
    case rdbTypes.zsetZiplist: {
      const { blob, offset } = readBlob(reader, 'zset listpack');
      return zsetFromFlat(reader, type === rdbTypes.zsetListpack ? decodeListpack(blob, offset) : decodeZiplist(blob, offset), context, start);
    }
    case rdbTypes.hash:
      return hashFrom(reader, pairsOf(reader, readStringList(reader, 'hash', 2), 'hash', start), context, start);
    case rdbTypes.hashListpack:
    case rdbTypes.hashZiplist: {
      const { blob, offset } = readBlob(reader, 'hash listpack');
      const flat = type === rdbTypes.hashListpack ? decodeListpack(blob, offset) : decodeZiplist(blob, offset);
      return hashFrom(reader, pairsOf(reader, flat, 'hash listpack', start), context, start);
    }
    case rdbTypes.streamListpacks:
    case rdbTypes.streamListpacks2:
      return readStream(reader, type === rdbTypes.streamListpacks2);
    default:
      return reader.fail(`unknown or unsupported RDB object type ${type} (modules and zipmaps are not supported)`, start - 1);
  }
}
