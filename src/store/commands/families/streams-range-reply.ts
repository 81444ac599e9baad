import type { CommandContext } from '../command.js';
import { compareStreamIds, STREAM_ID_MAX, type StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup, StreamConsumer } from '../../types/stream-group.js';
import { distanceFromFirstEverEntry, rangeHasTombstones, type StreamValue } from '../../types/stream.js';
import { idBuffer, replyDeletedEntry, replyEntry } from './streams-shared.js';

/** streamPropInfo: what XREADGROUP propagates its effects under. */
export interface GroupRead {
  readonly key: Buffer;
  readonly groupName: Buffer;
  readonly group: ConsumerGroup;
  readonly consumer: StreamConsumer;
  readonly noAck: boolean;
  /** Commands to propagate (XCLAIM, XGROUP SETID, XGROUP CREATECONSUMER), appended to. */
  readonly propagated: (readonly (Buffer | string)[])[];
}

/** streamPropagateXCLAIM: the PEL entry as the replicas must see it. */
export function xclaimPropagation(key: Buffer, groupName: Buffer, group: ConsumerGroup, id: StreamId, consumerName: Buffer, deliveryTimeMs: number, deliveryCount: number): (Buffer | string)[] {
  return ['XCLAIM', key, groupName, consumerName, '0', idBuffer(id), 'TIME', String(deliveryTimeMs), 'RETRYCOUNT', String(deliveryCount), 'FORCE', 'JUSTID', 'LASTID', idBuffer(group.lastId)];
}

/** streamPropagateGroupID */
export function setIdPropagation(key: Buffer, groupName: Buffer, group: ConsumerGroup): (Buffer | string)[] {
  return ['XGROUP', 'SETID', key, groupName, idBuffer(group.lastId), 'ENTRIESREAD', String(group.entriesRead)];
}

/** A new entry delivered to a group: advance last-delivered-id and entries-read. */
function advanceGroup(stream: StreamValue, group: ConsumerGroup, id: StreamId): void {
  if (group.entriesRead !== -1 && !rangeHasTombstones(stream, id, undefined)) group.entriesRead++;
  else if (stream.entriesAdded > 0) group.entriesRead = distanceFromFirstEverEntry(stream, id);
  group.lastId = id;
}

/** Records a delivery in the PELs (a NACK owned by another consumer moves here). */
function recordDelivery(ctx: CommandContext, read: GroupRead, id: StreamId): void {
  const existing = read.group.pending.get(id);
  const nack = existing ?? { deliveryTimeMs: ctx.nowMs, deliveryCount: 1, consumer: read.consumer };
  if (existing !== undefined) {
    existing.consumer.pending.delete(id);
    existing.consumer = read.consumer;
    existing.deliveryTimeMs = ctx.nowMs;
    existing.deliveryCount = 1;
  }
  read.group.pending.set(id, nack);
  read.consumer.pending.set(id, nack);
  read.propagated.push(xclaimPropagation(read.key, read.groupName, read.group, id, read.consumer.name, nack.deliveryTimeMs, nack.deliveryCount));
}

/**
 * streamReplyWithRange: the entries in [start, end] (descending when
 * `reverse`), at most `count` (0 = all); with a group, delivering them.
 */
export function replyWithRange(ctx: CommandContext, stream: StreamValue, start: StreamId, end: StreamId, count: number, reverse: boolean, read?: GroupRead): number {
  const selected: (readonly [StreamId, readonly Buffer[]])[] = [];
  for (const [id, entry] of stream.entries.range(start, end, reverse)) {
    selected.push([id, entry.fields]);
    if (count > 0 && selected.length === count) break;
  }
  ctx.step(selected.length);
  ctx.reply.arrayHeader(selected.length);
  let advancedWithoutAck = false;
  for (const [id, fields] of selected) {
    if (read !== undefined && compareStreamIds(id, read.group.lastId) > 0) {
      advanceGroup(stream, read.group, id);
      if (read.noAck) advancedWithoutAck = true;
    }
    replyEntry(ctx.reply, id, fields);
    if (read !== undefined && !read.noAck) recordDelivery(ctx, read, id);
  }
  if (read !== undefined && advancedWithoutAck) read.propagated.push(setIdPropagation(read.key, read.groupName, read.group));
  return selected.length;
}

/** streamReplyWithRangeFromConsumerPEL: the consumer's own pending entries from `start`, redelivered. */
export function replyWithConsumerHistory(ctx: CommandContext, stream: StreamValue, start: StreamId, count: number, consumer: StreamConsumer): number {
  const selected = [];
  for (const item of consumer.pending.range(start, STREAM_ID_MAX)) {
    if (count > 0 && selected.length === count) break;
    selected.push(item);
  }
  ctx.step(selected.length);
  ctx.reply.arrayHeader(selected.length);
  for (const [id, nack] of selected) {
    const entry = stream.entries.get(id);
    if (entry === undefined) {
      replyDeletedEntry(ctx.reply, id);
      continue;
    }
    replyEntry(ctx.reply, id, entry.fields);
    nack.deliveryTimeMs = ctx.nowMs;
    nack.deliveryCount++;
  }
  return selected.length;
}

