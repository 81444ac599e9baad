/** LPOP, RPOP (with COUNT) and LMPOP (t_list.c), plus the pops the blocking variants share. */
import { assert } from '../../../core/assert.js';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { arityError, errors } from '../errors.js';
import type { ListEnd, ListValue } from '../../types/list.js';
import { getPositiveLongOrReply, getRangeLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { argumentAt, listElementsRemoved, lookupListWrite, notifyListPopped, parseListEndOrReply, popCommandName, replyListRange } from './lists-shared.js';

/**
 * Pops up to `count` elements from one end, replying them in pop order
 * (addListRangeReply, reversed for the tail). Returns how many went.
 */
export function popRangeAndReply(ctx: CommandContext, key: Buffer, list: ListValue, end: ListEnd, count: number): number {
  const length = list.length();
  const popped = Math.min(count, length);
  if (end === 'head') {
    replyListRange(ctx, list, 0, popped - 1, false);
    list.removeRange(0, popped);
  } else {
    replyListRange(ctx, list, -popped, -1, true);
    list.removeRange(length - popped, popped);
  }
  notifyListPopped(ctx, key, end, listElementsRemoved(ctx, key, list, popped));
  return popped;
}

/** listPopRangeAndReplyWithKey: `[key, [elements...]]`, for LMPOP and BLMPOP. */
export function popRangeWithKeyAndReply(ctx: CommandContext, key: Buffer, list: ListValue, end: ListEnd, count: number): number {
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(key);
  return popRangeAndReply(ctx, key, list, end, count);
}

/** One element popped and replied as a bulk string (the original LPOP/RPOP). */
export function popOne(ctx: CommandContext, key: Buffer, list: ListValue, end: ListEnd): Buffer {
  const element = list.pop(end);
  assert(element !== undefined, 'popOne needs a non-empty list');
  ctx.step(1);
  notifyListPopped(ctx, key, end, listElementsRemoved(ctx, key, list, 1));
  return element;
}

/** popGenericCommand: a bulk without COUNT; an array (or null array for a missing key) with it. */
function popGeneric(ctx: CommandContext, end: ListEnd): void {
  if (ctx.argv.length > 3) {
    ctx.reply.error(arityError(argumentAt(ctx, 0).toString('latin1').toLowerCase()));
    return;
  }
  const hasCount = ctx.argv.length === 3;
  const count = hasCount ? getPositiveLongOrReply(ctx.reply, argumentAt(ctx, 2)) : 0;
  if (count === undefined) return;
  const key = argumentAt(ctx, 1);
  const list = lookupListWrite(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    if (hasCount) ctx.reply.nullArray();
    else ctx.reply.nullBulk();
    return;
  }
  if (hasCount && count === 0) {
    ctx.reply.arrayHeader(0);
    return;
  }
  if (!hasCount) ctx.reply.bulk(popOne(ctx, key, list, end));
  else popRangeAndReply(ctx, key, list, end, count);
}

/** LPOP key [count] */
export function lpopCommand(ctx: CommandContext): void {
  popGeneric(ctx, 'head');
}

/** RPOP key [count] */
export function rpopCommand(ctx: CommandContext): void {
  popGeneric(ctx, 'tail');
}

/** What LMPOP / BLMPOP asked for. */
export interface MultiPopRequest {
  readonly keys: readonly Buffer[];
  readonly end: ListEnd;
  readonly count: number;
}

/** lmpopGenericCommand's parsing: numkeys at `numkeysIndex`, the keys, LEFT|RIGHT, [COUNT count]. */
export function parseMultiPopOrReply(ctx: CommandContext, numkeysIndex: number): MultiPopRequest | undefined {
  const numkeys = getRangeLongOrReply(ctx.reply, argumentAt(ctx, numkeysIndex), 1n, LLONG_MAX, 'ERR numkeys should be greater than 0');
  if (numkeys === undefined) return undefined;
  const whereIndex = numkeysIndex + numkeys + 1;
  if (whereIndex >= ctx.argv.length) {
    ctx.reply.error(errors.syntax);
    return undefined;
  }
  const end = parseListEndOrReply(ctx, argumentAt(ctx, whereIndex));
  if (end === undefined) return undefined;
  let count = -1;
  for (let index = whereIndex + 1; index < ctx.argv.length; index++) {
    const option = argumentAt(ctx, index).toString('latin1').toLowerCase();
    const moreArguments = ctx.argv.length - 1 - index;
    if (count !== -1 || option !== 'count' || moreArguments === 0) {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
    index++;
    const parsed = getRangeLongOrReply(ctx.reply, argumentAt(ctx, index), 1n, LLONG_MAX, 'ERR count should be greater than 0');
    if (parsed === undefined) return undefined;
    count = parsed;
  }
  const keys = ctx.argv.slice(numkeysIndex + 1, whereIndex);
  return { keys, end, count: count === -1 ? 1 : count };
}

/**
 * mpopGenericCommand: pops from the first non-empty list among `keys`;
 * propagated as `LPOP|RPOP key popped`. Returns false (nothing replied) when
 * every key is missing, so the caller decides between nil and blocking.
 */
export function popFromFirstNonEmpty(ctx: CommandContext, request: MultiPopRequest): boolean | typeof WRONG_TYPE {
  for (const key of request.keys) {
    const list = lookupListWrite(ctx, key);
    if (list === WRONG_TYPE) return WRONG_TYPE;
    if (list === undefined || list.length() === 0) continue;
    const popped = popRangeWithKeyAndReply(ctx, key, list, request.end, request.count);
    ctx.propagateAs([popCommandName(request.end), key, String(popped)]);
    return true;
  }
  return false;
}

/** LMPOP numkeys key [key ...] LEFT|RIGHT [COUNT count] */
export function lmpopCommand(ctx: CommandContext): void {
  const request = parseMultiPopOrReply(ctx, 1);
  if (request === undefined) return;
  const popped = popFromFirstNonEmpty(ctx, request);
  if (popped === false) ctx.reply.nullArray();
}
