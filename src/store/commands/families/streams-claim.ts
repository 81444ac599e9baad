import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, getRangeLongOrReply } from '../../types/number-parsing.js';
import { compareStreamIds, nextStreamId, parseStreamId, STREAM_ID_MAX, STREAM_ID_MIN, streamIdText, type StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup, PendingEntry, StreamConsumer } from '../../types/stream-group.js';
import type { StreamValue } from '../../types/stream.js';
import { lookupGroup } from './streams-pending.js';
import { parseIntervalOrReply } from './streams-range.js';
import { setIdPropagation, xclaimPropagation } from './streams-range-reply.js';
import { cText, noGroupError, parseStreamIdOrReply, replyEntry } from './streams-shared.js';

interface ClaimOptions {
  force: boolean;
  justId: boolean;
  deliveryTimeMs: number;
  retryCount: number;
  lastId: StreamId;
}

function word(argument: Buffer): string {
  return argument.toString('latin1').toLowerCase();
}

/** The options after the IDs of XCLAIM (from `index`). */
function parseClaimOptions(ctx: CommandContext, index: number): ClaimOptions | undefined {
  const options: ClaimOptions = { force: false, justId: false, deliveryTimeMs: -1, retryCount: -1, lastId: STREAM_ID_MIN };
  for (; index < ctx.argv.length; index++) {
    const more = ctx.argv.length - 1 - index;
    const option = word(ctx.argv[index] as Buffer);
    if (option === 'force') options.force = true;
    else if (option === 'justid') options.justId = true;
    else if ((option === 'idle' || option === 'time' || option === 'retrycount') && more > 0) {
      const value = getLongLongOrReply(ctx.reply, ctx.argv[++index] as Buffer, `ERR Invalid ${option.toUpperCase()} option argument for XCLAIM`);
      if (value === undefined) return undefined;
      if (option === 'retrycount') options.retryCount = Number(value);
      else options.deliveryTimeMs = option === 'idle' ? ctx.nowMs - Number(value) : Number(value);
    } else if (option === 'lastid' && more > 0) {
      const lastId = parseStreamIdOrReply(ctx, ctx.argv[++index] as Buffer, 0n, true);
      if (lastId === undefined) return undefined;
      options.lastId = lastId;
    } else return void ctx.reply.error(`ERR Unrecognized XCLAIM option '${cText(ctx.argv[index] as Buffer)}'`);
  }
  if (options.deliveryTimeMs < 0 || options.deliveryTimeMs > ctx.nowMs) options.deliveryTimeMs = ctx.nowMs;
  return options;
}

/** streamLookupConsumer or streamCreateConsumer (which notifies and dirties). */
export function claimingConsumer(ctx: CommandContext, group: ConsumerGroup, name: Buffer): StreamConsumer {
  const existing = group.consumer(name);
  if (existing !== undefined) {
    existing.seenTimeMs = ctx.nowMs;
    return existing;
  }
  const created = group.createConsumer(name, ctx.nowMs) as StreamConsumer;
  ctx.dirty();
  ctx.notifyKeyspaceEvent('stream', 'xgroup-createconsumer', ctx.argv[1] as Buffer);
  return created;
}

/** Moves a NACK to `consumer`'s PEL. */
export function moveNack(group: ConsumerGroup, id: StreamId, nack: PendingEntry, consumer: StreamConsumer): void {
  if (nack.consumer !== consumer) {
    nack.consumer.pending.delete(id);
    nack.consumer = consumer;
  }
  consumer.pending.set(id, nack);
  group.pending.set(id, nack);
}

/** Drops a NACK whose entry no longer exists. */
export function dropNack(group: ConsumerGroup, id: StreamId, nack: PendingEntry): void {
  group.pending.delete(id);
  nack.consumer.pending.delete(id);
}

type ClaimReply = { readonly id: StreamId; readonly fields: readonly Buffer[] | undefined };

/** The IDs of XCLAIM: up to the first argument that is not an ID. */
function parseClaimIds(ctx: CommandContext): StreamId[] {
  const ids: StreamId[] = [];
  for (let index = 5; index < ctx.argv.length; index++) {
    const parsed = parseStreamId(ctx.argv[index] as Buffer, 0n, { strict: true });
    if (parsed === undefined) break;
    ids.push(parsed.id);
  }
  return ids;
}

function claimOne(ctx: CommandContext, stream: StreamValue, group: ConsumerGroup, id: StreamId, options: ClaimOptions, minIdleMs: number, state: { consumer: StreamConsumer | undefined; propagated: (readonly (Buffer | string)[])[] }): ClaimReply | undefined {
  const key = ctx.argv[1] as Buffer;
  const groupName = ctx.argv[2] as Buffer;
  let nack = group.pending.get(id);
  const entry = stream.entries.get(id);
  if (entry === undefined) {
    if (nack !== undefined) {
      state.propagated.push(xclaimPropagation(key, groupName, group, id, nack.consumer.name, nack.deliveryTimeMs, nack.deliveryCount));
      ctx.dirty();
      dropNack(group, id, nack);
    }
    return undefined;
  }
  const forced = options.force && nack === undefined;
  if (nack === undefined && !forced) return undefined;
  if (!forced && minIdleMs > 0 && nack !== undefined && ctx.nowMs - nack.deliveryTimeMs < minIdleMs) return undefined;
  state.consumer ??= claimingConsumer(ctx, group, ctx.argv[3] as Buffer);
  nack ??= { deliveryTimeMs: ctx.nowMs, deliveryCount: 1, consumer: state.consumer };
  moveNack(group, id, nack, state.consumer);
  nack.deliveryTimeMs = options.deliveryTimeMs;
  if (options.retryCount >= 0) nack.deliveryCount = options.retryCount;
  else if (!options.justId) nack.deliveryCount++;
  state.propagated.push(xclaimPropagation(key, groupName, group, id, state.consumer.name, nack.deliveryTimeMs, nack.deliveryCount));
  ctx.dirty();
  return { id, fields: options.justId ? undefined : entry.fields };
}

function replyClaimed(ctx: CommandContext, claimed: readonly ClaimReply[]): void {
  ctx.reply.arrayHeader(claimed.length);
  for (const item of claimed) {
    if (item.fields === undefined) ctx.reply.bulk(streamIdText(item.id));
    else replyEntry(ctx.reply, item.id, item.fields);
  }
}

/** XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE] [JUSTID] [LASTID id] */
export function xclaimCommand(ctx: CommandContext): void {
  const target = lookupGroup(ctx);
  if (target === WRONG_TYPE) return;
  if (target === undefined) return ctx.reply.error(noGroupError(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer));
  const minIdle = getLongLongOrReply(ctx.reply, ctx.argv[4] as Buffer, 'ERR Invalid min-idle-time argument for XCLAIM');
  if (minIdle === undefined) return;
  const ids = parseClaimIds(ctx);
  const options = parseClaimOptions(ctx, 5 + ids.length);
  if (options === undefined) return;
  const { stream, group } = target;
  let propagateLastId = false;
  if (compareStreamIds(options.lastId, group.lastId) > 0) {
    group.lastId = options.lastId;
    propagateLastId = true;
  }
  const state = { consumer: undefined as StreamConsumer | undefined, propagated: [] as (readonly (Buffer | string)[])[] };
  const claimed: ClaimReply[] = [];
  for (const id of ids) {
    const before = state.propagated.length;
    const result = claimOne(ctx, stream, group, id, options, minIdle < 0n ? 0 : Number(minIdle), state);
    if (state.propagated.length > before) propagateLastId = false;
    if (result !== undefined) claimed.push(result);
  }
  if (propagateLastId) {
    state.propagated.push(setIdPropagation(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer, group));
    ctx.dirty();
  }
  ctx.step(ids.length);
  replyClaimed(ctx, claimed);
  ctx.propagateAs(...state.propagated);
}

interface AutoClaimRequest {
  minIdleMs: number;
  start: StreamId;
  count: number;
  justId: boolean;
}

function parseAutoClaim(ctx: CommandContext): AutoClaimRequest | undefined {
  const minIdle = getLongLongOrReply(ctx.reply, ctx.argv[4] as Buffer, 'ERR Invalid min-idle-time argument for XAUTOCLAIM');
  if (minIdle === undefined) return undefined;
  const start = parseIntervalOrReply(ctx, ctx.argv[5] as Buffer, 0n);
  if (start === undefined) return undefined;
  const startId = start.exclusive ? nextStreamId(start.id) : start.id;
  if (startId === undefined) return void ctx.reply.error('ERR invalid start ID for the interval');
  const request: AutoClaimRequest = { minIdleMs: minIdle < 0n ? 0 : Number(minIdle), start: startId, count: 100, justId: false };
  for (let index = 6; index < ctx.argv.length; index++) {
    const more = ctx.argv.length - 1 - index;
    const option = word(ctx.argv[index] as Buffer);
    if (option === 'count' && more > 0) {
      const count = getRangeLongOrReply(ctx.reply, ctx.argv[++index] as Buffer, 1n, 922337203685477580n, 'ERR COUNT must be > 0');
      if (count === undefined) return undefined;
      request.count = count;
    } else if (option === 'justid') request.justId = true;
    else return void ctx.reply.error(errors.syntax);
  }
  return request;
}

/** XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID] */
export function xautoclaimCommand(ctx: CommandContext): void {
  const request = parseAutoClaim(ctx);
  if (request === undefined) return;
  const target = lookupGroup(ctx);
  if (target === WRONG_TYPE) return;
  if (target === undefined) return ctx.reply.error(noGroupError(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer));
  const { stream, group } = target;
  const key = ctx.argv[1] as Buffer;
  const groupName = ctx.argv[2] as Buffer;
  const candidates = Array.from(group.pending.range(request.start, STREAM_ID_MAX));
  let attempts = request.count * 10;
  let count = request.count;
  let position = 0;
  let consumer: StreamConsumer | undefined;
  const claimed: ClaimReply[] = [];
  const deleted: StreamId[] = [];
  const propagated: (readonly (Buffer | string)[])[] = [];
  for (; attempts > 0 && count > 0 && position < candidates.length; attempts--, position++) {
    const [id, nack] = candidates[position] as readonly [StreamId, PendingEntry];
    const entry = stream.entries.get(id);
    if (entry === undefined) {
      propagated.push(xclaimPropagation(key, groupName, group, id, nack.consumer.name, nack.deliveryTimeMs, nack.deliveryCount));
      ctx.dirty();
      dropNack(group, id, nack);
      deleted.push(id);
      count--;
      continue;
    }
    if (request.minIdleMs > 0 && ctx.nowMs - nack.deliveryTimeMs < request.minIdleMs) continue;
    consumer ??= claimingConsumer(ctx, group, ctx.argv[3] as Buffer);
    moveNack(group, id, nack, consumer);
    nack.deliveryTimeMs = ctx.nowMs;
    if (!request.justId) nack.deliveryCount++;
    claimed.push({ id, fields: request.justId ? undefined : entry.fields });
    count--;
    propagated.push(xclaimPropagation(key, groupName, group, id, consumer.name, nack.deliveryTimeMs, nack.deliveryCount));
    ctx.dirty();
  }
  ctx.step(position);
  const next = candidates[position];
  ctx.reply.arrayHeader(3);
  ctx.reply.bulk(streamIdText(next === undefined ? STREAM_ID_MIN : next[0]));
  replyClaimed(ctx, claimed);
  ctx.reply.arrayHeader(deleted.length);
  for (const id of deleted) ctx.reply.bulk(streamIdText(id));
  ctx.propagateAs(...propagated);
}
