import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { nextStreamId, previousStreamId, streamIdText, type StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup } from '../../types/stream-group.js';
import type { StreamValue } from '../../types/stream.js';
import { parseIntervalOrReply } from './streams-range.js';
import { lookupStreamRead, noGroupError, parseStreamIdOrReply } from './streams-shared.js';

/** The stream and group of XACK/XPENDING/XCLAIM; undefined values when missing, WRONG_TYPE after a reply. */
export function lookupGroup(ctx: CommandContext): { stream: StreamValue; group: ConsumerGroup } | undefined | typeof WRONG_TYPE {
  const stream = lookupStreamRead(ctx, ctx.argv[1] as Buffer);
  if (stream === WRONG_TYPE) return WRONG_TYPE;
  const group = stream?.group(ctx.argv[2] as Buffer);
  if (stream === undefined || group === undefined) return undefined;
  return { stream, group };
}

/** XACK key group id [id ...] */
export function xackCommand(ctx: CommandContext): void {
  const target = lookupGroup(ctx);
  if (target === WRONG_TYPE) return;
  if (target === undefined) return ctx.reply.integer(0);
  const ids: StreamId[] = [];
  for (const argument of ctx.argv.slice(3)) {
    const id = parseStreamIdOrReply(ctx, argument, 0n, true);
    if (id === undefined) return;
    ids.push(id);
  }
  let acknowledged = 0;
  for (const id of ids) {
    const nack = target.group.pending.get(id);
    if (nack === undefined) continue;
    target.group.pending.delete(id);
    nack.consumer.pending.delete(id);
    acknowledged++;
    ctx.dirty();
  }
  ctx.step(ids.length);
  ctx.reply.integer(acknowledged);
}

/** XPENDING key group: [count, smallest, greatest, [[consumer, count]...]] */
function replyPendingSummary(ctx: CommandContext, group: ConsumerGroup): void {
  ctx.reply.arrayHeader(4);
  ctx.reply.integer(group.pending.size);
  const first = group.pending.first();
  const last = group.pending.last();
  if (first === undefined || last === undefined) {
    ctx.reply.nullBulk();
    ctx.reply.nullBulk();
    ctx.reply.nullArray();
    return;
  }
  ctx.reply.bulk(streamIdText(first));
  ctx.reply.bulk(streamIdText(last));
  const owners = group.consumers().filter((consumer) => consumer.pending.size > 0);
  ctx.reply.arrayHeader(owners.length);
  for (const consumer of owners) {
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk(consumer.name);
    ctx.reply.bulk(String(consumer.pending.size));
  }
}

interface PendingRange {
  minIdleMs: number;
  start: StreamId;
  end: StreamId;
  count: number;
  consumerName: Buffer | undefined;
}

function parsePendingRange(ctx: CommandContext): PendingRange | undefined {
  let startIndex = 3;
  let minIdleMs = 0;
  if ((ctx.argv[3] as Buffer).toString('latin1').toLowerCase() === 'idle') {
    const idle = getLongLongOrReply(ctx.reply, ctx.argv[4] as Buffer);
    if (idle === undefined) return undefined;
    if (ctx.argv.length < 8) return void ctx.reply.error(errors.syntax);
    minIdleMs = Number(idle);
    startIndex += 2;
  }
  const count = getLongLongOrReply(ctx.reply, ctx.argv[startIndex + 2] as Buffer);
  if (count === undefined) return undefined;
  const start = parseIntervalOrReply(ctx, ctx.argv[startIndex] as Buffer, 0n);
  if (start === undefined) return undefined;
  const startId = start.exclusive ? nextStreamId(start.id) : start.id;
  if (startId === undefined) return void ctx.reply.error('ERR invalid start ID for the interval');
  const end = parseIntervalOrReply(ctx, ctx.argv[startIndex + 1] as Buffer, 0xffffffffffffffffn);
  if (end === undefined) return undefined;
  const endId = end.exclusive ? previousStreamId(end.id) : end.id;
  if (endId === undefined) return void ctx.reply.error('ERR invalid end ID for the interval');
  return { minIdleMs, start: startId, end: endId, count: count < 0n ? 0 : Number(count), consumerName: ctx.argv[startIndex + 3] };
}

/** XPENDING key group [[IDLE min-idle-time] start end count [consumer]] */
export function xpendingCommand(ctx: CommandContext): void {
  const argc = ctx.argv.length;
  if (argc !== 3 && (argc < 6 || argc > 9)) return ctx.reply.error(errors.syntax);
  const range = argc >= 6 ? parsePendingRange(ctx) : undefined;
  if (argc >= 6 && range === undefined) return;
  const target = lookupGroup(ctx);
  if (target === WRONG_TYPE) return;
  if (target === undefined) return ctx.reply.error(noGroupError(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer));
  if (range === undefined) return replyPendingSummary(ctx, target.group);
  let pel = target.group.pending;
  if (range.consumerName !== undefined) {
    const consumer = target.group.consumer(range.consumerName);
    if (consumer === undefined) return ctx.reply.arrayHeader(0);
    pel = consumer.pending;
  }
  const selected = [];
  for (const item of pel.range(range.start, range.end)) {
    if (selected.length >= range.count) break;
    if (range.minIdleMs !== 0 && ctx.nowMs - item[1].deliveryTimeMs < range.minIdleMs) continue;
    selected.push(item);
  }
  ctx.step(selected.length);
  ctx.reply.arrayHeader(selected.length);
  for (const [id, nack] of selected) {
    ctx.reply.arrayHeader(4);
    ctx.reply.bulk(streamIdText(id));
    ctx.reply.bulk(nack.consumer.name);
    ctx.reply.integer(Math.max(0, ctx.nowMs - nack.deliveryTimeMs));
    ctx.reply.integer(nack.deliveryCount);
  }
}
