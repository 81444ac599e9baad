import type { CommandContext } from '../command.js';
import type { ReplyWriter } from '../../protocol/reply-writer.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, getTimeoutOrReply } from '../../types/number-parsing.js';
import { compareStreamIds, nextStreamId, STREAM_ID_MAX, STREAM_ID_MIN, type StreamId } from '../../types/stream-id.js';
import type { ConsumerGroup } from '../../types/stream-group.js';
import { StreamValue } from '../../types/stream.js';
import { replyWithConsumerHistory, replyWithRange } from './streams-range-reply.js';
import { cText, parseStreamIdOrReply } from './streams-shared.js';

/** unblockDeletedStreamReadgroupClients' error: a group cannot outlive its stream. */
const KEY_GONE = 'UNBLOCKED the stream key no longer exists';

/** XREAD_BLOCKED_DEFAULT_COUNT */
const BLOCKED_DEFAULT_COUNT = 1000;

interface ReadRequest {
  readonly isGroupRead: boolean;
  /** Absolute deadline (0 = forever), or undefined without BLOCK. */
  deadlineMs: number | undefined;
  count: number;
  keys: Buffer[];
  idArguments: Buffer[];
  groupName: Buffer | undefined;
  consumerName: Buffer | undefined;
  noAck: boolean;
}

function word(argument: Buffer): string {
  return argument.toString('latin1').toLowerCase();
}

/** The option loop of xreadCommand. */
function parseRead(ctx: CommandContext, isGroupRead: boolean): ReadRequest | undefined {
  const request: ReadRequest = { isGroupRead, deadlineMs: undefined, count: 0, keys: [], idArguments: [], groupName: undefined, consumerName: undefined, noAck: false };
  const argv = ctx.argv;
  for (let index = 1; index < argv.length; index++) {
    const more = argv.length - index - 1;
    const option = word(argv[index] as Buffer);
    if (option === 'block' && more > 0) {
      // BLOCK makes no sense inside a script: refused before its timeout is parsed, as t_stream.c does.
      if (ctx.client.isScript) return replyUndefined(ctx, `ERR ${(argv[0] as Buffer).toString('latin1')} command is not allowed with BLOCK option from scripts`);
      const deadlineMs = getTimeoutOrReply(ctx.reply, argv[++index] as Buffer, ctx.nowMs, 'milliseconds');
      if (deadlineMs === undefined) return undefined;
      request.deadlineMs = deadlineMs;
    } else if (option === 'count' && more > 0) {
      const count = getLongLongOrReply(ctx.reply, argv[++index] as Buffer);
      if (count === undefined) return undefined;
      request.count = count < 0n ? 0 : Number(count);
    } else if (option === 'streams' && more > 0) {
      const rest = argv.slice(index + 1) as Buffer[];
      if (rest.length % 2 !== 0) {
        ctx.reply.error("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.");
        return undefined;
      }
      request.keys = rest.slice(0, rest.length / 2);
      request.idArguments = rest.slice(rest.length / 2);
      break;
    } else if (option === 'group' && more >= 2) {
      if (!isGroupRead) return replyUndefined(ctx, 'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.');
      request.groupName = argv[index + 1] as Buffer;
      request.consumerName = argv[index + 2] as Buffer;
      index += 2;
    } else if (option === 'noack') {
      if (!isGroupRead) return replyUndefined(ctx, 'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.');
      request.noAck = true;
    } else return replyUndefined(ctx, errors.syntax);
  }
  if (request.keys.length === 0) return replyUndefined(ctx, errors.syntax);
  if (isGroupRead && request.groupName === undefined) return replyUndefined(ctx, 'ERR Missing GROUP option for XREADGROUP');
  return request;
}

function replyUndefined(ctx: CommandContext, message: string): undefined {
  ctx.reply.error(message);
  return undefined;
}

/** One key's resolved read position: entries after `after`; `undefined` group for XREAD. */
interface KeyRead {
  readonly key: Buffer;
  readonly after: StreamId;
  readonly group: ConsumerGroup | undefined;
  /** XREADGROUP with an explicit ID: the consumer's history. */
  readonly history: boolean;
}

/** The ID loop of xreadCommand: type checks, groups, `$` and `>`. */
function resolveIds(ctx: CommandContext, request: ReadRequest): KeyRead[] | undefined {
  const reads: KeyRead[] = [];
  for (let index = 0; index < request.keys.length; index++) {
    const key = request.keys[index] as Buffer;
    const found = ctx.db.lookupRead(key);
    if (found !== undefined && found.type !== 'stream') return replyUndefined(ctx, errors.wrongType);
    const stream = found as StreamValue | undefined;
    let group: ConsumerGroup | undefined;
    if (request.groupName !== undefined) {
      group = stream?.group(request.groupName);
      if (group === undefined) return replyUndefined(ctx, `NOGROUP No such key '${cText(key)}' or consumer group '${cText(request.groupName)}' in XREADGROUP with GROUP option`);
    }
    const text = (request.idArguments[index] as Buffer).toString('latin1');
    if (text === '$') {
      if (request.isGroupRead) return replyUndefined(ctx, 'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.');
      reads.push({ key, after: stream?.lastId ?? STREAM_ID_MIN, group, history: false });
    } else if (text === '>') {
      if (!request.isGroupRead) return replyUndefined(ctx, 'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.');
      reads.push({ key, after: STREAM_ID_MAX, group, history: false });
    } else {
      const id = parseStreamIdOrReply(ctx, request.idArguments[index] as Buffer, 0n, true);
      if (id === undefined) return undefined;
      reads.push({ key, after: id, group, history: request.isGroupRead });
    }
  }
  return reads;
}

/** Whether this key has something for the reader now (serve_synchronously). */
function servesNow(stream: StreamValue, read: KeyRead): boolean {
  if (read.history) return true;
  if (stream.length() === 0) return false;
  const lastValid = stream.entries.last() as StreamId;
  const after = read.group !== undefined ? read.group.lastId : read.after;
  return compareStreamIds(lastValid, after) > 0;
}

/** Replies `key => entries` for one served key. */
function serveKey(ctx: CommandContext, request: ReadRequest, stream: StreamValue, read: KeyRead, count: number, propagated: (readonly (Buffer | string)[])[]): void {
  if (ctx.reply.protocolVersion === 2) ctx.reply.arrayHeader(2);
  ctx.reply.bulk(read.key);
  if (read.group === undefined) {
    const start = nextStreamId(read.after);
    if (start === undefined) ctx.reply.arrayHeader(0);
    else replyWithRange(ctx, stream, start, STREAM_ID_MAX, count, false);
    return;
  }
  const groupName = request.groupName as Buffer;
  const consumerName = request.consumerName as Buffer;
  let consumer = read.group.consumer(consumerName);
  if (consumer === undefined) {
    consumer = read.group.createConsumer(consumerName, ctx.nowMs);
    ctx.dirty();
    ctx.notifyKeyspaceEvent('stream', 'xgroup-createconsumer', read.key);
    if (request.noAck) propagated.push(['XGROUP', 'CREATECONSUMER', read.key, groupName, consumerName]);
  }
  if (consumer === undefined) return;
  consumer.seenTimeMs = ctx.nowMs;
  if (read.history) {
    replyWithConsumerHistory(ctx, stream, nextStreamId(read.after) ?? STREAM_ID_MAX, count, consumer);
    return;
  }
  const start = nextStreamId(read.group.lastId) ?? STREAM_ID_MAX;
  replyWithRange(ctx, stream, start, STREAM_ID_MAX, count, false, { key: read.key, groupName, group: read.group, consumer, noAck: request.noAck, propagated });
}

/** Serves every key that has data; returns how many were served (0: nothing written). */
function serveReads(ctx: CommandContext, request: ReadRequest, reads: readonly KeyRead[], count: number): number {
  const servable = reads.filter((read) => {
    const found = ctx.db.lookupRead(read.key, { noStats: true });
    return found !== undefined && found.type === 'stream' && servesNow(found as StreamValue, read);
  });
  if (servable.length === 0) return 0;
  if (ctx.reply.protocolVersion === 2) ctx.reply.arrayHeader(servable.length);
  else ctx.reply.mapHeader(servable.length);
  const propagated: (readonly (Buffer | string)[])[] = [];
  for (const read of servable) {
    serveKey(ctx, request, ctx.db.lookupRead(read.key, { noStats: true }) as StreamValue, read, count, propagated);
    if (read.group !== undefined) ctx.dirty();
  }
  ctx.propagateAs(...propagated);
  return servable.length;
}

/** serveClientsBlockedOnStreamKey for one client and the key that became ready. */
function serveBlockedRead(ctx: CommandContext, request: ReadRequest, reads: readonly KeyRead[], readyKey: Buffer): boolean {
  const found = ctx.db.lookupWrite(readyKey);
  if (found !== undefined && found.type !== 'stream' && request.groupName !== undefined) {
    ctx.reply.error(KEY_GONE);
    return true;
  }
  if (found === undefined || found.type !== 'stream') return false;
  const stream = found as StreamValue;
  const waiting = reads.find((read) => read.key.equals(readyKey));
  if (waiting === undefined) return false;
  let read = waiting;
  if (request.groupName !== undefined) {
    const group = stream.group(request.groupName);
    if (group === undefined) {
      ctx.reply.error('NOGROUP the consumer group this client was blocked on no longer exists');
      return true;
    }
    read = { key: waiting.key, after: group.lastId, group, history: false };
  }
  if (compareStreamIds(stream.lastId, read.group?.lastId ?? read.after) <= 0) return false;
  if (ctx.reply.protocolVersion === 2) ctx.reply.arrayHeader(1);
  else ctx.reply.mapHeader(1);
  const propagated: (readonly (Buffer | string)[])[] = [];
  serveKey(ctx, request, stream, read, request.count > 0 ? request.count : BLOCKED_DEFAULT_COUNT, propagated);
  if (read.group !== undefined) ctx.dirty();
  ctx.propagateAs(...propagated);
  return true;
}

/** xreadCommand for XREAD and XREADGROUP. */
function genericRead(ctx: CommandContext, isGroupRead: boolean): void {
  const request = parseRead(ctx, isGroupRead);
  if (request === undefined) return;
  const reads = resolveIds(ctx, request);
  if (reads === undefined) return;
  const served = serveReads(ctx, request, reads, request.count);
  if (served > 0) return;
  ctx.preventPropagation();
  if (request.deadlineMs === undefined || !ctx.canBlock) {
    ctx.reply.nullArray();
    return;
  }
  ctx.block({
    keys: request.keys,
    deadlineMs: request.deadlineMs,
    onReady: (readyCtx, readyKey) => serveBlockedRead(readyCtx, request, reads, readyKey),
    onTimeout: (reply) => reply.nullArray(),
    ...(isGroupRead ? { onKeyDeleted: (reply: ReplyWriter) => reply.error(KEY_GONE) } : {}),
  });
}

/** XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...] */
export function xreadCommand(ctx: CommandContext): void {
  genericRead(ctx, false);
}

/** XREADGROUP GROUP group consumer [COUNT count] [BLOCK milliseconds] [NOACK] STREAMS key [key ...] id [id ...] */
export function xreadgroupCommand(ctx: CommandContext): void {
  genericRead(ctx, true);
}

/** The keys of XREAD/XREADGROUP: the first half of the arguments after STREAMS. */
export function streamReadKeys(argv: readonly Buffer[]): number[] {
  for (let index = 1; index < argv.length; index++) {
    if (word(argv[index] as Buffer) !== 'streams') continue;
    const count = Math.floor((argv.length - index - 1) / 2);
    return Array.from({ length: count }, (_, offset) => index + 1 + offset);
  }
  return [];
}
