import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import { nextStreamId, parseStreamId, previousStreamId, type StreamId } from '../../types/stream-id.js';
import { replyWithRange } from './streams-range-reply.js';
import { invalidStreamId, lookupStreamRead, lookupStreamWrite, parseStreamIdOrReply } from './streams-shared.js';

/** streamParseIntervalIDOrReply: `(id` is exclusive (and strict). */
export function parseIntervalOrReply(ctx: CommandContext, argument: Buffer, missingSeq: bigint): { id: StreamId; exclusive: boolean } | undefined {
  const exclusive = argument.length > 1 && argument[0] === 0x28;
  const parsed = exclusive ? parseStreamId(argument.subarray(1), missingSeq, { strict: true }) : parseStreamId(argument, missingSeq);
  if (parsed === undefined) {
    ctx.reply.error(invalidStreamId);
    return undefined;
  }
  return { id: parsed.id, exclusive };
}

/** xrangeGenericCommand */
function genericRange(ctx: CommandContext, reverse: boolean): void {
  const startArgument = ctx.argv[reverse ? 3 : 2] as Buffer;
  const endArgument = ctx.argv[reverse ? 2 : 3] as Buffer;
  const start = parseIntervalOrReply(ctx, startArgument, 0n);
  if (start === undefined) return;
  const startId = start.exclusive ? nextStreamId(start.id) : start.id;
  if (startId === undefined) return ctx.reply.error('ERR invalid start ID for the interval');
  const end = parseIntervalOrReply(ctx, endArgument, 0xffffffffffffffffn);
  if (end === undefined) return;
  const endId = end.exclusive ? previousStreamId(end.id) : end.id;
  if (endId === undefined) return ctx.reply.error('ERR invalid end ID for the interval');
  let count = -1;
  for (let index = 4; index < ctx.argv.length; index++) {
    const more = ctx.argv.length - index - 1;
    if ((ctx.argv[index] as Buffer).toString('latin1').toLowerCase() === 'count' && more >= 1) {
      const parsed = getLongLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (parsed === undefined) return;
      count = parsed < 0n ? 0 : Number(parsed);
      index++;
    } else return ctx.reply.error(errors.syntax);
  }
  const stream = lookupStreamRead(ctx, ctx.argv[1] as Buffer);
  if (stream === WRONG_TYPE) return;
  if (stream === undefined) return ctx.reply.arrayHeader(0);
  if (count === 0) return ctx.reply.nullArray();
  replyWithRange(ctx, stream, startId, endId, count === -1 ? 0 : count, reverse);
}

/** XRANGE key start end [COUNT count] */
export function xrangeCommand(ctx: CommandContext): void {
  genericRange(ctx, false);
}

/** XREVRANGE key end start [COUNT count] */
export function xrevrangeCommand(ctx: CommandContext): void {
  genericRange(ctx, true);
}

/** XLEN key */
export function xlenCommand(ctx: CommandContext): void {
  const stream = lookupStreamRead(ctx, ctx.argv[1] as Buffer);
  if (stream === WRONG_TYPE) return;
  ctx.reply.integer(stream?.length() ?? 0);
}

/** XDEL key id [id ...]: IDs are all validated before anything is deleted. */
export function xdelCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const stream = lookupStreamWrite(ctx, key);
  if (stream === WRONG_TYPE) return;
  if (stream === undefined) return ctx.reply.integer(0);
  const ids: StreamId[] = [];
  for (const argument of ctx.argv.slice(2)) {
    const id = parseStreamIdOrReply(ctx, argument, 0n, true);
    if (id === undefined) return;
    ids.push(id);
  }
  let deleted = 0;
  for (const id of ids) if (stream.deleteEntry(id)) deleted++;
  ctx.step(ids.length);
  if (deleted > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('stream', 'xdel', key);
    ctx.dirty(deleted);
  }
  ctx.reply.integer(deleted);
}
