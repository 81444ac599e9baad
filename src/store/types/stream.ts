import { assert } from '../../core/assert.js';
import { binaryKey, type StreamObject } from '../keyspace/object.js';
import { ConsumerGroup } from './stream-group.js';
import { compareStreamIds, isZeroStreamId, nextStreamId, STREAM_ID_MIN, UINT64_MAX, type StreamId } from './stream-id.js';
import { SortedIds } from './stream-sorted-ids.js';

/**
 * One listpack node of the rax (stream.h): what approximate trimming and
 * XINFO see. `inserted` counts entries ever appended (deleted ones too), as
 * the node-full check of streamAppendItem does.
 */
export interface StreamNode {
  readonly masterId: StreamId;
  lastId: StreamId;
  inserted: number;
  live: number;
  bytes: number;
}

export interface StreamEntry {
  /** field, value, field, value... */
  readonly fields: readonly Buffer[];
  readonly node: StreamNode;
}

/** stream-node-max-entries / stream-node-max-bytes at append time. */
export interface StreamNodeLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** How XADD/XTRIM trim (streamAddTrimArgs). */
export interface StreamTrimRequest {
  readonly strategy: 'maxlen' | 'minid';
  readonly maxLength: number;
  readonly minId: StreamId;
  readonly approximate: boolean;
  /** 0 = no limit. */
  readonly limit: number;
}

/** Bytes of an empty listpack node with its master entry (approximate lpBytes). */
const NODE_BASE_BYTES = 16;

function entryBytes(fields: readonly Buffer[]): number {
  let bytes = 8;
  for (const field of fields) bytes += field.length + 2;
  return bytes;
}

/**
 * A Redis 7.0 stream (OBJECT ENCODING "stream"): entries in ID order, cut
 * into nodes like the rax of listpacks, plus the metadata XINFO shows and the
 * consumer groups.
 */
export class StreamValue implements StreamObject {
  readonly type = 'stream';
  readonly entries = new SortedIds<StreamEntry>();
  nodes: StreamNode[] = [];
  lastId: StreamId = STREAM_ID_MIN;
  firstId: StreamId = STREAM_ID_MIN;
  maxDeletedEntryId: StreamId = STREAM_ID_MIN;
  entriesAdded = 0;
  private readonly groupsByName = new Map<string, ConsumerGroup>();

  encoding(): 'stream' {
    return 'stream';
  }

  length(): number {
    return this.entries.size;
  }

  *entryList(): Iterable<readonly [StreamId, readonly Buffer[]]> {
    for (const [id, entry] of this.entries) yield [id, entry.fields];
  }

  clone(): StreamValue {
    const copy = new StreamValue();
    const nodeCopies = new Map<StreamNode, StreamNode>();
    for (const node of this.nodes) {
      const nodeCopy = { ...node };
      nodeCopies.set(node, nodeCopy);
      copy.nodes.push(nodeCopy);
    }
    for (const [id, entry] of this.entries) copy.entries.set(id, { fields: entry.fields.map((field) => Buffer.from(field)), node: nodeCopies.get(entry.node) as StreamNode });
    copy.lastId = this.lastId;
    copy.firstId = this.firstId;
    copy.maxDeletedEntryId = this.maxDeletedEntryId;
    copy.entriesAdded = this.entriesAdded;
    for (const group of this.groups()) copy.addGroupCopy(group);
    return copy;
  }

  private addGroupCopy(group: ConsumerGroup): void {
    const groupCopy = new ConsumerGroup(Buffer.from(group.name), group.lastId, group.entriesRead);
    for (const consumer of group.consumers()) {
      const consumerCopy = groupCopy.createConsumer(consumer.name, consumer.seenTimeMs);
      assert(consumerCopy !== undefined, 'consumer names are unique');
      for (const [id, pending] of consumer.pending) {
        const pendingCopy = { deliveryTimeMs: pending.deliveryTimeMs, deliveryCount: pending.deliveryCount, consumer: consumerCopy };
        consumerCopy.pending.set(id, pendingCopy);
        groupCopy.pending.set(id, pendingCopy);
      }
    }
    this.groupsByName.set(binaryKey(groupCopy.name), groupCopy);
  }

  /**
   * streamAppendItem's ID choice: `*` (no `requested`) takes max(now, last+1);
   * `ms-*` the next sequence in that ms. Undefined when the ID would not be
   * greater than the last one (EDOM).
   */
  nextId(nowMs: number, requested: StreamId | undefined, seqGiven: boolean): StreamId | undefined {
    if (requested === undefined) {
      const ms = BigInt(Math.max(0, Math.trunc(nowMs)));
      return ms > this.lastId.ms ? { ms, seq: 0n } : nextStreamId(this.lastId);
    }
    if (!seqGiven) {
      if (requested.ms === this.lastId.ms) return this.lastId.seq === UINT64_MAX ? undefined : { ms: requested.ms, seq: this.lastId.seq + 1n };
      return requested.ms > this.lastId.ms ? { ms: requested.ms, seq: 0n } : undefined;
    }
    return compareStreamIds(requested, this.lastId) > 0 ? requested : undefined;
  }

  /** Appends an entry whose ID is greater than the last one. */
  append(id: StreamId, fields: readonly Buffer[], limits: StreamNodeLimits): void {
    assert(compareStreamIds(id, this.lastId) > 0 || (this.entriesAdded === 0 && isZeroStreamId(this.lastId) && !isZeroStreamId(id)), 'stream IDs grow');
    assert(fields.length % 2 === 0, 'fields come in pairs');
    const bytes = entryBytes(fields);
    let node = this.nodes[this.nodes.length - 1];
    if (node !== undefined && ((limits.maxBytes > 0 && node.bytes + bytes >= limits.maxBytes) || (limits.maxEntries > 0 && node.inserted >= limits.maxEntries))) node = undefined;
    if (node === undefined) {
      node = { masterId: id, lastId: id, inserted: 0, live: 0, bytes: NODE_BASE_BYTES + entryBytes(fields) };
      this.nodes.push(node);
    }
    node.inserted++;
    node.live++;
    node.bytes += bytes;
    node.lastId = id;
    this.entries.set(id, { fields, node });
    if (this.entries.size === 1) this.firstId = id;
    this.lastId = id;
    this.entriesAdded++;
  }

  /** streamDeleteItem: true if the entry existed. Updates first ID and max deleted ID as XDEL does. */
  deleteEntry(id: StreamId): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined) return false;
    this.entries.delete(id);
    entry.node.live--;
    if (entry.node.live === 0) this.nodes.splice(this.nodes.indexOf(entry.node), 1);
    if (compareStreamIds(id, this.maxDeletedEntryId) > 0) this.maxDeletedEntryId = id;
    this.refreshFirstId();
    return true;
  }

  private refreshFirstId(): void {
    this.firstId = this.entries.first() ?? STREAM_ID_MIN;
  }

  /** streamTrim: the number of entries removed. */
  trim(request: StreamTrimRequest): number {
    let deleted = 0;
    while (this.nodes.length > 0) {
      if (request.strategy === 'maxlen' && this.length() <= request.maxLength) break;
      const node = this.nodes[0] as StreamNode;
      if (request.limit > 0 && deleted + node.live > request.limit) break;
      const removeNode = request.strategy === 'maxlen' ? this.length() - node.live >= request.maxLength : compareStreamIds(node.lastId, request.minId) < 0;
      if (removeNode) {
        deleted += this.removeFirstNode();
        continue;
      }
      if (!request.approximate) deleted += this.trimInsideFirstNode(request);
      break;
    }
    if (deleted > 0) this.refreshFirstId();
    return deleted;
  }

  private removeFirstNode(): number {
    const node = this.nodes.shift() as StreamNode;
    this.entries.deleteFirst(node.live);
    return node.live;
  }

  private trimInsideFirstNode(request: StreamTrimRequest): number {
    const node = this.nodes[0] as StreamNode;
    let deleted = 0;
    while (this.entries.size > 0 && this.entries.valueAt(0).node === node) {
      const id = this.entries.idAt(0);
      const stop = request.strategy === 'maxlen' ? this.length() <= request.maxLength : compareStreamIds(id, request.minId) >= 0;
      if (stop) break;
      const entry = this.entries.valueAt(0);
      this.entries.deleteFirst(1);
      entry.node.live--;
      deleted++;
    }
    if (node.live === 0) this.nodes.shift();
    return deleted;
  }

  group(name: Buffer): ConsumerGroup | undefined {
    return this.groupsByName.get(binaryKey(name));
  }

  /** streamCreateCG: undefined if the name is taken. */
  createGroup(name: Buffer, lastId: StreamId, entriesRead: number): ConsumerGroup | undefined {
    const key = binaryKey(name);
    if (this.groupsByName.has(key)) return undefined;
    const group = new ConsumerGroup(Buffer.from(name), lastId, entriesRead);
    this.groupsByName.set(key, group);
    return group;
  }

  destroyGroup(name: Buffer): boolean {
    return this.groupsByName.delete(binaryKey(name));
  }

  groupCount(): number {
    return this.groupsByName.size;
  }

  /** Groups in rax order (bytewise by name). */
  groups(): ConsumerGroup[] {
    return Array.from(this.groupsByName.values()).sort((a, b) => Buffer.compare(a.name, b.name));
  }
}

export function isStreamValue(value: unknown): value is StreamValue {
  return value instanceof StreamValue;
}

/** streamRangeHasTombstones: an XDEL-deleted entry may lie within [start, end]. */
export function rangeHasTombstones(stream: StreamValue, start: StreamId | undefined, end: StreamId | undefined): boolean {
  if (stream.length() === 0 || isZeroStreamId(stream.maxDeletedEntryId)) return false;
  if (compareStreamIds(stream.firstId, stream.maxDeletedEntryId) > 0) return false;
  const from = start ?? STREAM_ID_MIN;
  const to = end ?? { ms: UINT64_MAX, seq: UINT64_MAX };
  return compareStreamIds(from, stream.maxDeletedEntryId) <= 0 && compareStreamIds(stream.maxDeletedEntryId, to) <= 0;
}

/** streamEstimateDistanceFromFirstEverEntry: the entries-read counter at `id`, or -1 if unknown. */
export function distanceFromFirstEverEntry(stream: StreamValue, id: StreamId): number {
  if (stream.entriesAdded === 0) return 0;
  if (stream.length() === 0 && compareStreamIds(id, stream.lastId) < 1) return stream.entriesAdded;
  const versusLast = compareStreamIds(id, stream.lastId);
  if (versusLast === 0) return stream.entriesAdded;
  if (versusLast > 0) return -1;
  const versusFirst = compareStreamIds(id, stream.firstId);
  if (isZeroStreamId(stream.maxDeletedEntryId) || compareStreamIds(stream.maxDeletedEntryId, stream.firstId) < 0) {
    if (versusFirst < 0) return stream.entriesAdded - stream.length();
    if (versusFirst === 0) return stream.entriesAdded - stream.length() + 1;
  }
  return -1;
}
