import { binaryKey } from '../../keyspace/object.js';
import type { StreamId } from '../../types/stream-id.js';
import type { PendingEntry } from '../../types/stream-group.js';
import { distanceFromFirstEverEntry, StreamValue, type StreamNode } from '../../types/stream.js';
import type { ByteReader } from './byte-reader.js';
import { decodeListpack } from './listpack.js';
import { RDB_64BITLEN } from './rdb-constants.js';
import { readLength } from './rdb-length.js';
import { readString } from './rdb-string.js';
import { STREAM_ITEM_FLAG_DELETED, STREAM_ITEM_FLAG_SAMEFIELDS } from './rdb-stream.js';

/** rdbLoadLen of a full unsigned 64-bit value. */
function readLength64(reader: ByteReader, what: string): bigint {
  const first = reader.bytes(1, what)[0] as number;
  if (first === RDB_64BITLEN) return reader.bigUint64BE(what);
  reader.position--;
  return BigInt(readLength(reader, what));
}

function decodeStreamId(reader: ByteReader, data: Buffer, what: string): StreamId {
  if (data.length !== 16) reader.fail(`${what}: a stream ID is 16 bytes, found ${data.length}`);
  return { ms: data.readBigUInt64BE(0), seq: data.readBigUInt64BE(8) };
}

/** A listpack element as the signed integer it encodes. */
function integerOf(reader: ByteReader, element: Buffer | undefined, what: string): bigint {
  if (element === undefined || !/^-?[0-9]+$/.test(element.toString('latin1'))) return reader.fail(`stream listpack: ${what} is not an integer`);
  return BigInt(element.toString('latin1'));
}

/** One node: its live entries appended to `stream` (deleted ones skipped). */
function loadNode(reader: ByteReader, stream: StreamValue, masterId: StreamId, elements: readonly Buffer[]): void {
  let at = 0;
  const next = (what: string): Buffer => {
    const element = elements[at++];
    if (element === undefined) return reader.fail(`stream listpack ends inside ${what}`);
    return element;
  };
  const live = Number(integerOf(reader, next('count'), 'count'));
  const deleted = Number(integerOf(reader, next('deleted'), 'deleted'));
  const masterFieldCount = Number(integerOf(reader, next('master fields'), 'master field count'));
  const masterFields = Array.from({ length: masterFieldCount }, () => next('master field'));
  next('master terminator');
  const node: StreamNode = { masterId, lastId: masterId, inserted: live + deleted, live: 0, bytes: 0 };
  while (at < elements.length) {
    const flags = Number(integerOf(reader, next('flags'), 'flags'));
    const id = { ms: BigInt.asUintN(64, masterId.ms + integerOf(reader, next('ms delta'), 'ms delta')), seq: BigInt.asUintN(64, masterId.seq + integerOf(reader, next('seq delta'), 'seq delta')) };
    const fields: Buffer[] = [];
    if ((flags & STREAM_ITEM_FLAG_SAMEFIELDS) !== 0) {
      for (const field of masterFields) fields.push(field, next('value'));
    } else {
      const count = Number(integerOf(reader, next('field count'), 'field count'));
      for (let index = 0; index < count; index++) fields.push(next('field'), next('value'));
    }
    next('lp-count');
    node.lastId = id;
    if ((flags & STREAM_ITEM_FLAG_DELETED) !== 0) continue;
    node.live++;
    node.bytes += fields.reduce((sum, field) => sum + field.length + 2, 8);
    stream.entries.set(id, { fields, node });
  }
  if (node.live !== live) reader.fail(`stream node: master count ${live} but ${node.live} live entries`);
  if (node.live > 0) stream.nodes.push(node);
}

function readId(reader: ByteReader, what: string): StreamId {
  return { ms: readLength64(reader, what), seq: readLength64(reader, what) };
}

function readGroups(reader: ByteReader, stream: StreamValue, version2: boolean): void {
  const groupCount = Number(readLength64(reader, 'stream group count'));
  for (let groupIndex = 0; groupIndex < groupCount; groupIndex++) {
    const name = readString(reader, 'stream group name');
    const lastId = readId(reader, 'group last id');
    const entriesRead = version2 ? Number(BigInt.asIntN(64, readLength64(reader, 'group entries read'))) : distanceFromFirstEverEntry(stream, lastId);
    const group = stream.createGroup(name, lastId, entriesRead);
    if (group === undefined) return reader.fail('duplicated consumer group name');
    const pending = new Map<string, { readonly id: StreamId; readonly deliveryTimeMs: number; readonly deliveryCount: number }>();
    const pelCount = Number(readLength64(reader, 'group PEL size'));
    for (let index = 0; index < pelCount; index++) {
      const raw = reader.bytes(16, 'PEL id');
      const deliveryTimeMs = Number(reader.bigInt64LE('PEL delivery time'));
      const deliveryCount = Number(readLength64(reader, 'PEL delivery count'));
      pending.set(binaryKey(raw), { id: decodeStreamId(reader, raw, 'PEL id'), deliveryTimeMs, deliveryCount });
    }
    const consumerCount = Number(readLength64(reader, 'consumer count'));
    for (let index = 0; index < consumerCount; index++) {
      const consumerName = readString(reader, 'consumer name');
      const seenTimeMs = Number(reader.bigInt64LE('consumer seen time'));
      const consumer = group.createConsumer(consumerName, seenTimeMs);
      if (consumer === undefined) return reader.fail('duplicate stream consumer detected');
      const ownCount = Number(readLength64(reader, 'consumer PEL size'));
      for (let own = 0; own < ownCount; own++) {
        const raw = reader.bytes(16, 'consumer PEL id');
        const nack = pending.get(binaryKey(raw));
        if (nack === undefined) return reader.fail('consumer PEL entry not found in the group PEL');
        const entry: PendingEntry = { deliveryTimeMs: nack.deliveryTimeMs, deliveryCount: nack.deliveryCount, consumer };
        group.pending.set(nack.id, entry);
        consumer.pending.set(nack.id, entry);
      }
    }
    if (group.pending.size !== pending.size) reader.fail('stream group PEL entries without a consumer');
  }
}

/** rdbLoadObject for RDB_TYPE_STREAM_LISTPACKS (15) and _2 (19). */
export function readStream(reader: ByteReader, version2: boolean): StreamValue {
  const stream = new StreamValue();
  const nodeCount = Number(readLength64(reader, 'stream node count'));
  for (let index = 0; index < nodeCount; index++) {
    const masterId = decodeStreamId(reader, readString(reader, 'stream node key'), 'stream node key');
    const elements = decodeListpack(readString(reader, 'stream listpack'));
    if (elements.length === 0) reader.fail('Empty listpack inside stream');
    loadNode(reader, stream, masterId, elements);
  }
  const length = Number(readLength64(reader, 'stream length'));
  if (length !== stream.length()) reader.fail(`stream length ${length} but ${stream.length()} entries`);
  stream.lastId = readId(reader, 'stream last id');
  if (version2) {
    stream.firstId = readId(reader, 'stream first id');
    stream.maxDeletedEntryId = readId(reader, 'stream max deleted id');
    stream.entriesAdded = Number(readLength64(reader, 'stream entries added'));
  } else {
    stream.firstId = stream.entries.first() ?? { ms: 0n, seq: 0n };
    stream.entriesAdded = stream.length();
  }
  readGroups(reader, stream, version2);
  return stream;
}
