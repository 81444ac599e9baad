import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getTimeoutOrReply } from '../../types/number-parsing.js';
import { genericZpop, multiPopShape, parseMultiPop, popCommandName, type PopEnd, type PopShape } from './zsets-pop.js';

const singlePopShape: PopShape = { emitKey: true, nested: false, nilWhenEmpty: false };

/** The propagated form of a served pop: ZPOPMIN/ZPOPMAX key [count] (count only for BZMPOP). */
function propagatePop(ctx: CommandContext, end: PopEnd, key: Buffer, count: number, popped: number): void {
  if (count === -1) ctx.propagateAs([popCommandName(end), key]);
  else ctx.propagateAs([popCommandName(end), key, String(popped)]);
}

/**
 * blockingGenericZpopCommand: pops from the first non-empty key at once;
 * otherwise (and only when blocking is allowed) blocks until a ZADD-like
 * write makes one of the keys a non-empty zset, or the timeout passes.
 * Inside MULTI / scripts it answers a null array at once.
 */
function blockingZpop(ctx: CommandContext, keys: readonly Buffer[], end: PopEnd, timeoutArgument: Buffer, count: number, shape: PopShape): void {
  const deadlineMs = getTimeoutOrReply(ctx.reply, timeoutArgument, ctx.nowMs, 'seconds');
  if (deadlineMs === undefined) return;
  for (const key of keys) {
    const found = ctx.db.lookupWrite(key);
    if (found === undefined) continue;
    if (found.type !== 'zset') {
      ctx.reply.error(errors.wrongType);
      return;
    }
    const result = genericZpop(ctx, [key], end, count, shape);
    if (result !== undefined) propagatePop(ctx, end, result.key, count, result.popped);
    return;
  }
  if (!ctx.canBlock) {
    ctx.reply.nullArray();
    return;
  }
  ctx.block({
    keys,
    deadlineMs,
    onReady: (readyCtx, readyKey) => serveBlockedPop(readyCtx, readyKey, end, count, shape),
    onTimeout: (reply) => reply.nullArray(),
  });
}

/** serveClientsBlockedOnSortedSetKey for one client: only a non-empty zset under the ready key serves it. */
function serveBlockedPop(ctx: CommandContext, readyKey: Buffer, end: PopEnd, count: number, shape: PopShape): boolean {
  const found = ctx.db.lookupWrite(readyKey);
  if (found === undefined || found.type !== 'zset' || found.size() === 0) return false;
  const result = genericZpop(ctx, [readyKey], end, count, shape);
  if (result === undefined) return false;
  propagatePop(ctx, end, result.key, count, result.popped);
  return true;
}

/** BZPOPMIN key [key ...] timeout */
export function bzpopminCommand(ctx: CommandContext): void {
  blockingZpop(ctx, ctx.argv.slice(1, -1), 'min', ctx.argv[ctx.argv.length - 1] as Buffer, -1, singlePopShape);
}

/** BZPOPMAX key [key ...] timeout */
export function bzpopmaxCommand(ctx: CommandContext): void {
  blockingZpop(ctx, ctx.argv.slice(1, -1), 'max', ctx.argv[ctx.argv.length - 1] as Buffer, -1, singlePopShape);
}

/** BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count] */
export function bzmpopCommand(ctx: CommandContext): void {
  const request = parseMultiPop(ctx, 2);
  if (request === undefined) return;
  blockingZpop(ctx, request.keys, request.end, ctx.argv[1] as Buffer, request.count, multiPopShape);
}
