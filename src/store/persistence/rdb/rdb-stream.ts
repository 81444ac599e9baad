import { assert } from '../../../core/assert.js';
import type { StreamObject } from '../../keyspace/object.js';
import type { StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup } from '../../types/stream-group.js';
import { isStreamValue, StreamValue, type StreamEntry } from '../../types/stream.js';
import type { ByteWriter } from './byte-writer.js';
import { encodeListpack } from './listpack.js';
import { RDB_64BITLEN } from './rdb-constants.js';
import { writeLength } from './rdb-length.js';
import { writeString, type StringWriteOptions } from './rdb-string.js';

/** STREAM_ITEM_FLAG_* of stream.h */
export const STREAM_ITEM_FLAG_DELETED = 1;
export const STREAM_ITEM_FLAG_SAMEFIELDS = 2;

const text = (value: bigint | number): Buffer => Buffer.from(String(value), 'latin1');

/** rdbSaveLen of an unsigned 64-bit value (IDs, counters; -1 wraps as in C). */
export function writeLength64(writer: ByteWriter, value: bigint | number): void {
  const unsigned = BigInt.asUintN(64, BigInt(value));
  if (unsigned <= 0xffffffffn) writeLength(writer, Number(unsigned));
  else writer.byte(RDB_64BITLEN).bigUint64BE(unsigned);
}

/** streamEncodeID: 128 bits big-endian, the rax key and PEL key form. */
export function encodeStreamId(id: StreamId): Buffer {
  const data = Buffer.alloc(16);
  data.writeBigUInt64BE(id.ms, 0);
  data.writeBigUInt64BE(id.seq, 8);
  return data;
}

function sameFields(master: readonly Buffer[], fields: readonly Buffer[]): boolean {
  if (master.length * 2 !== fields.length) return false;
  return master.every((field, index) => field.equals(fields[index * 2] as Buffer));
}

/**
 * One node's listpack as streamAppendItem lays it out: the master entry
 * (count, deleted, master fields, 0) and then per entry flags, ID deltas,
 * [num-fields and fields] values, lp-count.
 */
export function encodeStreamNode(entries: readonly (readonly [StreamId, StreamEntry])[]): { readonly masterId: StreamId; readonly listpack: Buffer } {
  const first = entries[0];
  assert(first !== undefined, 'a stream node holds entries');
  const masterId = first[0];
  const masterFields = first[1].fields.filter((_, index) => index % 2 === 0);
  const elements: Buffer[] = [text(entries.length), text(0), text(masterFields.length), ...masterFields, text(0)];
  for (const [id, entry] of entries) {
    const fieldCount = entry.fields.length / 2;
    const compact = sameFields(masterFields, entry.fields);
    elements.push(text(compact ? STREAM_ITEM_FLAG_SAMEFIELDS : 0), text(BigInt.asIntN(64, id.ms - masterId.ms)), text(BigInt.asIntN(64, id.seq - masterId.seq)));
    if (compact) for (let index = 1; index < entry.fields.length; index += 2) elements.push(entry.fields[index] as Buffer);
    else elements.push(text(fieldCount), ...entry.fields);
    elements.push(text(compact ? fieldCount + 3 : fieldCount * 2 + 4));
  }
  return { masterId, listpack: encodeListpack(elements) };
}

/** The live entries grouped by node, in ID order. */
function entriesByNode(stream: StreamValue): (readonly [StreamId, StreamEntry])[][] {
  const groups: (readonly [StreamId, StreamEntry])[][] = [];
  let current: (readonly [StreamId, StreamEntry])[] = [];
  for (const item of stream.entries) {
    const previous = current[current.length - 1];
    if (previous !== undefined && previous[1].node !== item[1].node) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function writeGroup(writer: ByteWriter, group: ConsumerGroup, options: StringWriteOptions): void {
  writeString(writer, group.name, options);
  writeLength64(writer, group.lastId.ms);
  writeLength64(writer, group.lastId.seq);
  writeLength64(writer, group.entriesRead);
  writeLength64(writer, group.pending.size);
  for (const [id, nack] of group.pending) {
    writer.bytes(encodeStreamId(id));
    writer.bigInt64LE(BigInt(Math.trunc(nack.deliveryTimeMs)));
    writeLength64(writer, nack.deliveryCount);
  }
  const consumers = group.consumers();
  writeLength64(writer, consumers.length);
  for (const consumer of consumers) {
    writeString(writer, consumer.name, options);
    writer.bigInt64LE(BigInt(Math.trunc(consumer.seenTimeMs)));
    writeLength64(writer, consumer.pending.size);
    for (const [id] of consumer.pending) writer.bytes(encodeStreamId(id));
  }
}

/** rdbSaveObject for RDB_TYPE_STREAM_LISTPACKS_2. */
export function writeStream(writer: ByteWriter, value: StreamObject, options: StringWriteOptions): void {
  assert(isStreamValue(value), 'streams are StreamValue objects');
  const nodes = entriesByNode(value);
  writeLength64(writer, nodes.length);
  for (const node of nodes) {
    const encoded = encodeStreamNode(node);
    writeString(writer, encodeStreamId(encoded.masterId), options);
    writeString(writer, encoded.listpack, options);
  }
  writeLength64(writer, value.length());
  for (const id of [value.lastId, value.firstId, value.maxDeletedEntryId]) {
    writeLength64(writer, id.ms);
    writeLength64(writer, id.seq);
  }
  writeLength64(writer, value.entriesAdded);
  const groups = value.groups();
  writeLength64(writer, groups.length);
  for (const group of groups) writeGroup(writer, group, options);
}

