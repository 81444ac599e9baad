import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getPositiveLongOrReply, getRangeLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import { asZsetValue } from '../../types/zset.js';
import { stepsOf } from './sets-shared.js';
import { isKeyword } from './zsets-shared.js';

export type PopEnd = 'min' | 'max';

/** The reply shapes of genericZpopCommand in RESP2. */
export interface PopShape {
  /** Emit the key name first (BZPOP*, ZMPOP, BZMPOP). */
  readonly emitKey: boolean;
  /** Key plus a nested array of [member, score] pairs (ZMPOP, BZMPOP). */
  readonly nested: boolean;
  /** A null array, not an empty one, when no key has elements (ZMPOP, BZMPOP). */
  readonly nilWhenEmpty: boolean;
}

export function popCommandName(end: PopEnd): string {
  return end === 'min' ? 'ZPOPMIN' : 'ZPOPMAX';
}

/**
 * genericZpopCommand: pops up to `count` (-1: one, plain form) entries from
 * the first existing key; replies; deletes the key once empty. Returns the
 * key popped from and how many entries went, or undefined when nothing was
 * popped (an error, no key, or count 0).
 */
export function genericZpop(ctx: CommandContext, keys: readonly Buffer[], end: PopEnd, count: number, shape: PopShape): { key: Buffer; popped: number } | undefined {
  let key: Buffer | undefined;
  let found;
  for (const candidate of keys) {
    found = ctx.db.lookupWrite(candidate);
    if (found === undefined) continue;
    if (found.type !== 'zset') {
      ctx.reply.error(errors.wrongType);
      return undefined;
    }
    key = candidate;
    break;
  }
  if (key === undefined || found === undefined) {
    if (shape.nilWhenEmpty) ctx.reply.nullArray();
    else ctx.reply.arrayHeader(0);
    return undefined;
  }
  if (count === 0) {
    ctx.reply.arrayHeader(0);
    return undefined;
  }
  const zset = asZsetValue(found);
  const popped = Math.min(count === -1 ? 1 : count, zset.size());
  writePopHeader(ctx, key, popped, shape);
  const step = stepsOf(ctx);
  for (let index = 0; index < popped; index++) {
    const entry = zset.edge(end === 'max');
    zset.delete(entry.member, step);
    ctx.dirty();
    if (index === 0) {
      ctx.notifyKeyspaceEvent('zset', end === 'max' ? 'zpopmax' : 'zpopmin', key);
      ctx.keyModified(key);
    }
    if (shape.nested) ctx.reply.arrayHeader(2);
    ctx.reply.bulk(entry.member);
    ctx.reply.double(entry.score);
  }
  if (zset.size() === 0) {
    ctx.db.delete(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
  }
  return { key, popped };
}

function writePopHeader(ctx: CommandContext, key: Buffer, popped: number, shape: PopShape): void {
  if (!shape.emitKey) {
    ctx.reply.arrayHeader(shape.nested ? popped : popped * 2);
    return;
  }
  if (!shape.nested) {
    ctx.reply.arrayHeader(popped * 2 + 1);
    ctx.reply.bulk(key);
    return;
  }
  ctx.reply.arrayHeader(2);
  ctx.reply.bulk(key);
  ctx.reply.arrayHeader(popped);
}

/** zpopMinMaxCommand: ZPOPMIN/ZPOPMAX key [count]. */
function zpopMinMax(ctx: CommandContext, end: PopEnd): void {
  if (ctx.argv.length > 3) {
    ctx.reply.error(errors.syntax);
    return;
  }
  let count = -1;
  if (ctx.argv.length === 3) {
    const parsed = getPositiveLongOrReply(ctx.reply, ctx.argv[2] as Buffer);
    if (parsed === undefined) return;
    count = parsed;
  }
  // RESP3 with a count nests [member, score] pairs; RESP2 and a plain pop answer flat.
  const nested = ctx.reply.protocolVersion === 3 && count !== -1;
  genericZpop(ctx, [ctx.argv[1] as Buffer], end, count, { emitKey: false, nested, nilWhenEmpty: false });
}

/** ZPOPMIN key [count] */
export function zpopminCommand(ctx: CommandContext): void {
  zpopMinMax(ctx, 'min');
}

/** ZPOPMAX key [count] */
export function zpopmaxCommand(ctx: CommandContext): void {
  zpopMinMax(ctx, 'max');
}

/** The parsed arguments of ZMPOP / BZMPOP. */
export interface MultiPopRequest {
  readonly keys: readonly Buffer[];
  readonly end: PopEnd;
  readonly count: number;
}

/** zmpopGenericCommand's parsing: numkeys, keys, MIN|MAX, [COUNT count]. */
export function parseMultiPop(ctx: CommandContext, numkeysIndex: number): MultiPopRequest | undefined {
  const numkeys = getRangeLongOrReply(ctx.reply, ctx.argv[numkeysIndex] as Buffer, 1n, LLONG_MAX, 'ERR numkeys should be greater than 0');
  if (numkeys === undefined) return undefined;
  const whereIndex = numkeysIndex + numkeys + 1;
  const where = ctx.argv[whereIndex];
  if (whereIndex >= ctx.argv.length || !(isKeyword(where, 'min') || isKeyword(where, 'max'))) {
    ctx.reply.error(errors.syntax);
    return undefined;
  }
  let count = -1;
  for (let index = whereIndex + 1; index < ctx.argv.length; index++) {
    const moreArguments = ctx.argv.length - 1 - index;
    if (count !== -1 || !isKeyword(ctx.argv[index], 'count') || moreArguments === 0) {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
    index++;
    const parsed = getRangeLongOrReply(ctx.reply, ctx.argv[index] as Buffer, 1n, LLONG_MAX, 'ERR count should be greater than 0');
    if (parsed === undefined) return undefined;
    count = parsed;
  }
  const keys = ctx.argv.slice(numkeysIndex + 1, whereIndex);
  return { keys, end: isKeyword(where, 'min') ? 'min' : 'max', count: count === -1 ? 1 : count };
}

export const multiPopShape: PopShape = { emitKey: true, nested: true, nilWhenEmpty: true };

/** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: propagated as ZPOPMIN/ZPOPMAX key count. */
export function zmpopCommand(ctx: CommandContext): void {
  const request = parseMultiPop(ctx, 1);
  if (request === undefined) return;
  const result = genericZpop(ctx, request.keys, request.end, request.count, multiPopShape);
  if (result !== undefined) ctx.propagateAs([popCommandName(request.end), result.key, String(result.popped)]);
}
