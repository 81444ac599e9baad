import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { argIs, replyHelp, replySubcommandSyntaxError } from '../../server/commands/spec.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { STREAM_ID_MAX, STREAM_ID_MIN, streamIdText } from '../../types/stream-id.js';
import type { ConsumerGroup } from '../../types/stream-group.js';
import { distanceFromFirstEverEntry, rangeHasTombstones, type StreamValue } from '../../types/stream.js';
import { replyWithRange } from './streams-range-reply.js';
import { cText, lookupStreamRead, replyEntry } from './streams-shared.js';

const XINFO_HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

/** streamReplyWithCGLag */
function replyLag(ctx: CommandContext, stream: StreamValue, group: ConsumerGroup): void {
  if (stream.entriesAdded === 0) return ctx.reply.integer(0);
  if (group.entriesRead !== -1 && !rangeHasTombstones(stream, group.lastId, undefined)) return ctx.reply.integer(stream.entriesAdded - group.entriesRead);
  const entriesRead = distanceFromFirstEverEntry(stream, group.lastId);
  if (entriesRead === -1) return ctx.reply.nullBulk();
  ctx.reply.integer(stream.entriesAdded - entriesRead);
}

function replyEntriesRead(ctx: CommandContext, group: ConsumerGroup): void {
  if (group.entriesRead === -1) ctx.reply.nullBulk();
  else ctx.reply.integer(group.entriesRead);
}

/** The rax node count is not modelled: an estimate from the number of listpack nodes. */
function radixTreeNodes(stream: StreamValue): number {
  return stream.nodes.length + 1;
}

function streamLookupOrReply(ctx: CommandContext): StreamValue | undefined {
  const stream = lookupStreamRead(ctx, ctx.argv[2] as Buffer);
  if (stream === WRONG_TYPE) return undefined;
  if (stream === undefined) return void ctx.reply.error(errors.noKey);
  return stream;
}

function replyStreamHeader(ctx: CommandContext, stream: StreamValue, full: boolean): void {
  ctx.reply.mapHeader(full ? 9 : 10);
  ctx.reply.bulk('length');
  ctx.reply.integer(stream.length());
  ctx.reply.bulk('radix-tree-keys');
  ctx.reply.integer(stream.nodes.length);
  ctx.reply.bulk('radix-tree-nodes');
  ctx.reply.integer(radixTreeNodes(stream));
  ctx.reply.bulk('last-generated-id');
  ctx.reply.bulk(streamIdText(stream.lastId));
  ctx.reply.bulk('max-deleted-entry-id');
  ctx.reply.bulk(streamIdText(stream.maxDeletedEntryId));
  ctx.reply.bulk('entries-added');
  ctx.reply.integer(stream.entriesAdded);
  ctx.reply.bulk('recorded-first-entry-id');
  ctx.reply.bulk(streamIdText(stream.firstId));
}

function replyEdgeEntry(ctx: CommandContext, stream: StreamValue, last: boolean): void {
  const id = last ? stream.entries.last() : stream.entries.first();
  const entry = id === undefined ? undefined : stream.entries.get(id);
  if (id === undefined || entry === undefined) return ctx.reply.nullBulk();
  replyEntry(ctx.reply, id, entry.fields);
}

function replyFullGroup(ctx: CommandContext, stream: StreamValue, group: ConsumerGroup, count: number): void {
  ctx.reply.mapHeader(7);
  ctx.reply.bulk('name');
  ctx.reply.bulk(group.name);
  ctx.reply.bulk('last-delivered-id');
  ctx.reply.bulk(streamIdText(group.lastId));
  ctx.reply.bulk('entries-read');
  replyEntriesRead(ctx, group);
  ctx.reply.bulk('lag');
  replyLag(ctx, stream, group);
  ctx.reply.bulk('pel-count');
  ctx.reply.integer(group.pending.size);
  ctx.reply.bulk('pending');
  const pending = Array.from(group.pending).slice(0, count === 0 ? undefined : count);
  ctx.reply.arrayHeader(pending.length);
  for (const [id, nack] of pending) {
    ctx.reply.arrayHeader(4);
    ctx.reply.bulk(streamIdText(id));
    ctx.reply.bulk(nack.consumer.name);
    ctx.reply.integer(nack.deliveryTimeMs);
    ctx.reply.integer(nack.deliveryCount);
  }
  ctx.reply.bulk('consumers');
  const consumers = group.consumers();
  ctx.reply.arrayHeader(consumers.length);
  for (const consumer of consumers) {
    ctx.reply.mapHeader(4);
    ctx.reply.bulk('name');
    ctx.reply.bulk(consumer.name);
    ctx.reply.bulk('seen-time');
    ctx.reply.integer(consumer.seenTimeMs);
    ctx.reply.bulk('pel-count');
    ctx.reply.integer(consumer.pending.size);
    ctx.reply.bulk('pending');
    const own = Array.from(consumer.pending).slice(0, count === 0 ? undefined : count);
    ctx.reply.arrayHeader(own.length);
    for (const [id, nack] of own) {
      ctx.reply.arrayHeader(3);
      ctx.reply.bulk(streamIdText(id));
      ctx.reply.integer(nack.deliveryTimeMs);
      ctx.reply.integer(nack.deliveryCount);
    }
  }
}

/** XINFO STREAM key [FULL [COUNT count]] */
export function xinfoStreamCommand(ctx: CommandContext): void {
  const stream = streamLookupOrReply(ctx);
  if (stream === undefined) return;
  const options = ctx.argv.length - 3;
  let count = 10;
  if (options !== 0) {
    if ((options !== 1 && options !== 3) || !argIs(ctx, 3, 'full') || (options === 3 && !argIs(ctx, 4, 'count'))) return replySubcommandSyntaxError(ctx);
    if (options === 3) {
      const parsed = getLongLongOrReply(ctx.reply, ctx.argv[5] as Buffer);
      if (parsed === undefined) return;
      count = parsed < 0n ? 10 : Number(parsed);
    }
  }
  const full = options !== 0;
  replyStreamHeader(ctx, stream, full);
  if (!full) {
    ctx.reply.bulk('groups');
    ctx.reply.integer(stream.groupCount());
    ctx.reply.bulk('first-entry');
    replyEdgeEntry(ctx, stream, false);
    ctx.reply.bulk('last-entry');
    replyEdgeEntry(ctx, stream, true);
    return;
  }
  ctx.reply.bulk('entries');
  replyWithRange(ctx, stream, STREAM_ID_MIN, STREAM_ID_MAX, count, false);
  ctx.reply.bulk('groups');
  const groups = stream.groups();
  ctx.reply.arrayHeader(groups.length);
  for (const group of groups) replyFullGroup(ctx, stream, group, count);
}

/** XINFO GROUPS key */
export function xinfoGroupsCommand(ctx: CommandContext): void {
  const stream = streamLookupOrReply(ctx);
  if (stream === undefined) return;
  const groups = stream.groups();
  ctx.reply.arrayHeader(groups.length);
  for (const group of groups) {
    ctx.reply.mapHeader(6);
    ctx.reply.bulk('name');
    ctx.reply.bulk(group.name);
    ctx.reply.bulk('consumers');
    ctx.reply.integer(group.consumerCount());
    ctx.reply.bulk('pending');
    ctx.reply.integer(group.pending.size);
    ctx.reply.bulk('last-delivered-id');
    ctx.reply.bulk(streamIdText(group.lastId));
    ctx.reply.bulk('entries-read');
    replyEntriesRead(ctx, group);
    ctx.reply.bulk('lag');
    replyLag(ctx, stream, group);
  }
}

/** XINFO CONSUMERS key group */
export function xinfoConsumersCommand(ctx: CommandContext): void {
  const stream = streamLookupOrReply(ctx);
  if (stream === undefined) return;
  const group = stream.group(ctx.argv[3] as Buffer);
  if (group === undefined) return ctx.reply.error(`NOGROUP No such consumer group '${cText(ctx.argv[3] as Buffer)}' for key name '${cText(ctx.argv[2] as Buffer)}'`);
  const consumers = group.consumers();
  ctx.reply.arrayHeader(consumers.length);
  for (const consumer of consumers) {
    ctx.reply.mapHeader(3);
    ctx.reply.bulk('name');
    ctx.reply.bulk(consumer.name);
    ctx.reply.bulk('pending');
    ctx.reply.integer(consumer.pending.size);
    ctx.reply.bulk('idle');
    ctx.reply.integer(Math.max(0, ctx.nowMs - consumer.seenTimeMs));
  }
}

export function xinfoHelpCommand(ctx: CommandContext): void {
  replyHelp(ctx, 'XINFO', XINFO_HELP);
}
