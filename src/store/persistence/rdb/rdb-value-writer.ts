import { assertNever } from '../../../core/assert.js';
import type { HashObject, ListObject, RedisObject, SetObject, StringObject, ZsetObject } from '../../keyspace/object.js';
import { asSetValue } from '../../types/set.js';
import { asRedisString } from '../../types/string.js';
import { string2ll } from '../../types/number-parsing.js';
import { d2string } from '../../types/zset-score-format.js';
import type { ByteWriter } from './byte-writer.js';
import { encodeIntset } from './intset-blob.js';
import { encodeListpack } from './listpack.js';
import { QUICKLIST_NODE_PACKED, rdbTypes } from './rdb-constants.js';
import { writeLength } from './rdb-length.js';
import { writeIntegerString, writeString, type StringWriteOptions } from './rdb-string.js';
import { splitIntoNodes } from './quicklist-nodes.js';
import { writeStream } from './rdb-stream.js';

export interface ValueWriteOptions extends StringWriteOptions {
  /** list-max-listpack-size: how the list is cut into quicklist nodes. */
  readonly listMaxListpackSize: number;
}

/** rdbSaveObjectType: the type byte Redis 7.0 writes for this object's encoding. */
export function rdbTypeOf(value: RedisObject): number {
  switch (value.type) {
    case 'string':
      return rdbTypes.string;
    case 'list':
      return rdbTypes.listQuicklist2;
    case 'set':
      return value.encoding() === 'intset' ? rdbTypes.setIntset : rdbTypes.set;
    case 'zset':
      return value.encoding() === 'listpack' ? rdbTypes.zsetListpack : rdbTypes.zset2;
    case 'hash':
      return value.encoding() === 'listpack' ? rdbTypes.hashListpack : rdbTypes.hash;
    case 'stream':
      return rdbTypes.streamListpacks2;
    default:
      return assertNever(value, 'a known value type');
  }
}

function writeStringValue(writer: ByteWriter, value: StringObject, options: ValueWriteOptions): void {
  const integer = asRedisString(value).integerValue();
  if (integer !== undefined) writeIntegerString(writer, integer);
  else writeString(writer, value.bytes(), options);
}

function writeList(writer: ByteWriter, value: ListObject, options: ValueWriteOptions): void {
  const nodes = splitIntoNodes(value.toArray(), options.listMaxListpackSize);
  writeLength(writer, nodes.length);
  for (const node of nodes) {
    writeLength(writer, QUICKLIST_NODE_PACKED);
    writeString(writer, encodeListpack(node), options);
  }
}

function writeSet(writer: ByteWriter, value: SetObject, options: ValueWriteOptions): void {
  const width = asSetValue(value).intsetWidthBytes();
  if (width !== undefined) {
    const values = Array.from(value.members(), (member) => string2ll(member) ?? 0n);
    writeString(writer, encodeIntset(values, width), options);
    return;
  }
  writeLength(writer, value.size());
  for (const member of value.members()) writeString(writer, member, options);
}

function writeZset(writer: ByteWriter, value: ZsetObject, options: ValueWriteOptions): void {
  const entries = Array.from(value.entries());
  if (value.encoding() === 'listpack') {
    const flat = entries.flatMap(([member, score]) => [member, Buffer.from(d2string(score), 'latin1')]);
    writeString(writer, encodeListpack(flat), options);
    return;
  }
  // Redis saves a skiplist from the greatest element down, so loading inserts at the head.
  writeLength(writer, entries.length);
  for (let index = entries.length - 1; index >= 0; index--) {
    const [member, score] = entries[index] as readonly [Buffer, number];
    writeString(writer, member, options);
    writer.doubleLE(score);
  }
}

function writeHash(writer: ByteWriter, value: HashObject, options: ValueWriteOptions): void {
  const entries = Array.from(value.entries());
  if (value.encoding() === 'listpack') {
    writeString(writer, encodeListpack(entries.flatMap(([field, fieldValue]) => [field, fieldValue])), options);
    return;
  }
  writeLength(writer, entries.length);
  for (const [field, fieldValue] of entries) {
    writeString(writer, field, options);
    writeString(writer, fieldValue, options);
  }
}

/** rdbSaveObject: the value's payload (without the type byte). */
export function writeValue(writer: ByteWriter, value: RedisObject, options: ValueWriteOptions): void {
  switch (value.type) {
    case 'string':
      return writeStringValue(writer, value, options);
    case 'list':
      return writeList(writer, value, options);
    case 'set':
      return writeSet(writer, value, options);
    case 'zset':
      return writeZset(writer, value, options);
    case 'hash':
      return writeHash(writer, value, options);
    case 'stream':
      return writeStream(writer, value, options);
    default:
      return assertNever(value, 'a known value type');
  }
}
