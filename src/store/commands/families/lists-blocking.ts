/**
 * BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH (t_list.c, blocked.c). With
 * data they act at once, propagated as their non-blocking forms; without,
 * they block until a push makes a key a non-empty list or the timeout
 * passes (null array). Where blocking is not allowed (MULTI, scripts, the
 * master link) they answer as a timeout at once.
 */
import { assertDefined } from '../../../core/assert.js';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import type { ListEnd, ListValue } from '../../types/list.js';
import { asListValue } from '../../types/list.js';
import { getTimeoutOrReply } from '../../types/number-parsing.js';
import { lmoveGeneric, moveElementAndReply, parseMoveEndsOrReply, type MoveRequest } from './lists-move.js';
import { parseMultiPopOrReply, popOne, popRangeWithKeyAndReply } from './lists-pop.js';
import { argumentAt, listEndWord, lookupListWrite, notifyListPopped, popCommandName } from './lists-shared.js';

/** What a blocking pop asks for: `count` is -1 for BLPOP/BRPOP (one element, flat reply). */
interface BlockingPop {
  readonly keys: readonly Buffer[];
  readonly end: ListEnd;
  readonly count: number;
}

/** The list under a ready key, or undefined when it is gone, empty or of another type (the client keeps waiting). */
function readyList(ctx: CommandContext, key: Buffer): ListValue | undefined {
  const found = ctx.db.lookupWrite(key);
  if (found === undefined || found.type !== 'list' || found.length() === 0) return undefined;
  return asListValue(found);
}

/** Pops for a blocking pop from a non-empty list, replying and setting the propagated LPOP/RPOP. */
function popForBlockingPop(ctx: CommandContext, pop: BlockingPop, key: Buffer, list: ListValue): void {
  if (pop.count !== -1) {
    const popped = popRangeWithKeyAndReply(ctx, key, list, pop.end, pop.count);
    ctx.propagateAs([popCommandName(pop.end), key, String(popped)]);
    return;
  }
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(key);
  ctx.reply.bulk(popOne(ctx, key, list, pop.end));
  ctx.propagateAs([popCommandName(pop.end), key]);
}

/** serveClientBlockedOnList for BLPOP/BRPOP/BLMPOP: a single pop signals no WATCH (the push did), a range pop does, as in Redis. */
function serveBlockedPop(ctx: CommandContext, pop: BlockingPop, readyKey: Buffer): boolean {
  const list = readyList(ctx, readyKey);
  if (list === undefined) return false;
  if (pop.count !== -1) {
    popForBlockingPop(ctx, pop, readyKey, list);
    return true;
  }
  const element = assertDefined(list.pop(pop.end), 'a ready list has an element to pop');
  ctx.step(1);
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(readyKey);
  ctx.reply.bulk(element);
  const emptied = list.length() === 0;
  if (emptied) ctx.db.delete(readyKey);
  notifyListPopped(ctx, readyKey, pop.end, emptied);
  ctx.dirty();
  ctx.propagateAs([popCommandName(pop.end), readyKey]);
  return true;
}

/** blockingPopGenericCommand */
function blockingPopGeneric(ctx: CommandContext, pop: BlockingPop, timeoutArgument: Buffer): void {
  const deadlineMs = getTimeoutOrReply(ctx.reply, timeoutArgument, ctx.nowMs, 'seconds');
  if (deadlineMs === undefined) return;
  for (const key of pop.keys) {
    const list = lookupListWrite(ctx, key);
    if (list === WRONG_TYPE) return;
    if (list === undefined || list.length() === 0) continue;
    popForBlockingPop(ctx, pop, key, list);
    return;
  }
  if (!ctx.canBlock) {
    ctx.reply.nullArray();
    return;
  }
  ctx.block({
    keys: pop.keys,
    deadlineMs,
    onReady: (readyCtx, readyKey) => serveBlockedPop(readyCtx, pop, readyKey),
    onTimeout: (reply) => reply.nullArray(),
  });
}

/** BLPOP key [key ...] timeout */
export function blpopCommand(ctx: CommandContext): void {
  blockingPopGeneric(ctx, { keys: ctx.argv.slice(1, -1), end: 'head', count: -1 }, argumentAt(ctx, ctx.argv.length - 1));
}

/** BRPOP key [key ...] timeout */
export function brpopCommand(ctx: CommandContext): void {
  blockingPopGeneric(ctx, { keys: ctx.argv.slice(1, -1), end: 'tail', count: -1 }, argumentAt(ctx, ctx.argv.length - 1));
}

/** BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count] */
export function blmpopCommand(ctx: CommandContext): void {
  const request = parseMultiPopOrReply(ctx, 2);
  if (request === undefined) return;
  blockingPopGeneric(ctx, request, argumentAt(ctx, 1));
}

/** The propagated form of a move: RPOPLPUSH, or LMOVE with these LEFT/RIGHT words. */
type MoveForm = 'rpoplpush' | readonly [Buffer | string, Buffer | string];

function propagateMove(ctx: CommandContext, request: MoveRequest, form: MoveForm): void {
  if (form === 'rpoplpush') ctx.propagateAs(['RPOPLPUSH', request.source, request.destination]);
  else ctx.propagateAs(['LMOVE', request.source, request.destination, form[0], form[1]]);
}

/** serveClientBlockedOnList for BLMOVE/BRPOPLPUSH: a destination of another type answers WRONGTYPE and unblocks. */
function serveBlockedMove(ctx: CommandContext, request: MoveRequest, isRpoplpush: boolean, readyKey: Buffer): boolean {
  const sourceList = readyList(ctx, readyKey);
  if (sourceList === undefined) return false;
  const destinationList = lookupListWrite(ctx, request.destination);
  if (destinationList === WRONG_TYPE) return true;
  moveElementAndReply(ctx, request, sourceList, destinationList);
  ctx.dirty();
  propagateMove(ctx, request, isRpoplpush ? 'rpoplpush' : [listEndWord(request.from), listEndWord(request.to)]);
  return true;
}

/** blmoveGenericCommand: moves at once when the source has data; otherwise blocks on the source. */
function blmoveGeneric(ctx: CommandContext, request: MoveRequest, isRpoplpush: boolean, deadlineMs: number): void {
  const sourceList = lookupListWrite(ctx, request.source);
  if (sourceList === WRONG_TYPE) return;
  if (sourceList !== undefined) {
    if (!lmoveGeneric(ctx, request)) return;
    propagateMove(ctx, request, isRpoplpush ? 'rpoplpush' : [argumentAt(ctx, 3), argumentAt(ctx, 4)]);
    return;
  }
  if (!ctx.canBlock) {
    ctx.reply.nullBulk();
    return;
  }
  ctx.block({
    keys: [request.source],
    deadlineMs,
    onReady: (readyCtx, readyKey) => serveBlockedMove(readyCtx, request, isRpoplpush, readyKey),
    onTimeout: (reply) => reply.nullArray(),
  });
}

/** BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout */
export function blmoveCommand(ctx: CommandContext): void {
  const request = parseMoveEndsOrReply(ctx);
  if (request === undefined) return;
  const deadlineMs = getTimeoutOrReply(ctx.reply, argumentAt(ctx, 5), ctx.nowMs, 'seconds');
  if (deadlineMs === undefined) return;
  blmoveGeneric(ctx, request, false, deadlineMs);
}

/** BRPOPLPUSH source destination timeout */
export function brpoplpushCommand(ctx: CommandContext): void {
  const deadlineMs = getTimeoutOrReply(ctx.reply, argumentAt(ctx, 3), ctx.nowMs, 'seconds');
  if (deadlineMs === undefined) return;
  const request = { source: argumentAt(ctx, 1), destination: argumentAt(ctx, 2), from: 'tail', to: 'head' } as const;
  blmoveGeneric(ctx, request, true, deadlineMs);
}
