/** LLEN, LINDEX, LSET, LRANGE, LTRIM, LREM and LPOS (t_list.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, getLongOrReply, getPositiveLongOrReply, LLONG_MIN } from '../../types/number-parsing.js';
import type { ListValue } from '../../types/list.js';
import { argumentAt, clampRange, listElementsRemoved, lookupListRead, lookupListWrite, replyListRange } from './lists-shared.js';

/** LLEN key */
export function llenCommand(ctx: CommandContext): void {
  const list = lookupListRead(ctx, argumentAt(ctx, 1));
  if (list === WRONG_TYPE) return;
  ctx.step(1);
  ctx.reply.integer(list === undefined ? 0 : list.length());
}

/** LINDEX key index: nil when the key is missing or the index out of range. */
export function lindexCommand(ctx: CommandContext): void {
  const list = lookupListRead(ctx, argumentAt(ctx, 1));
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  const index = getLongOrReply(ctx.reply, argumentAt(ctx, 2));
  if (index === undefined) return;
  ctx.step(1);
  ctx.reply.bulk(list.at(index) ?? null);
}

/** LSET key index element */
export function lsetCommand(ctx: CommandContext): void {
  const key = argumentAt(ctx, 1);
  const list = lookupListWrite(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.error(errors.noKey);
    return;
  }
  const index = getLongOrReply(ctx.reply, argumentAt(ctx, 2));
  if (index === undefined) return;
  ctx.step(1);
  if (!list.replaceAt(index, argumentAt(ctx, 3))) {
    ctx.reply.error(errors.outOfRange);
    return;
  }
  ctx.reply.ok();
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('list', 'lset', key);
  ctx.dirty();
}

/** LRANGE key start stop: the indexes are parsed before the key is looked up. */
export function lrangeCommand(ctx: CommandContext): void {
  const start = getLongOrReply(ctx.reply, argumentAt(ctx, 2));
  if (start === undefined) return;
  const end = getLongOrReply(ctx.reply, argumentAt(ctx, 3));
  if (end === undefined) return;
  const list = lookupListRead(ctx, argumentAt(ctx, 1));
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.arrayHeader(0);
    return;
  }
  replyListRange(ctx, list, start, end, false);
}

/** LTRIM key start stop: keeps [start, stop]; an empty result deletes the key. */
export function ltrimCommand(ctx: CommandContext): void {
  const start = getLongOrReply(ctx.reply, argumentAt(ctx, 2));
  if (start === undefined) return;
  const end = getLongOrReply(ctx.reply, argumentAt(ctx, 3));
  if (end === undefined) return;
  const key = argumentAt(ctx, 1);
  const list = lookupListWrite(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.ok();
    return;
  }
  const length = list.length();
  const kept = clampRange(start, end, length);
  const trimmedLeft = kept === undefined ? length : kept.start;
  const trimmedRight = kept === undefined ? 0 : length - kept.end - 1;
  list.removeRange(0, trimmedLeft);
  list.removeRange(list.length() - trimmedRight, trimmedRight);
  ctx.step(trimmedLeft + trimmedRight);
  const deleted = listElementsRemoved(ctx, key, list, trimmedLeft + trimmedRight);
  ctx.notifyKeyspaceEvent('list', 'ltrim', key);
  if (deleted) ctx.notifyKeyspaceEvent('generic', 'del', key);
  ctx.reply.ok();
}

/** LREM key count element: count > 0 from the head, < 0 from the tail, 0 all. */
export function lremCommand(ctx: CommandContext): void {
  const toRemove = getLongOrReply(ctx.reply, argumentAt(ctx, 2));
  if (toRemove === undefined) return;
  const key = argumentAt(ctx, 1);
  const list = lookupListWrite(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const { removed, visited } = list.removeMatching(argumentAt(ctx, 3), Math.abs(toRemove), toRemove < 0);
  ctx.step(visited);
  if (removed > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('list', 'lrem', key);
    ctx.dirty(removed);
  }
  if (list.length() === 0) {
    ctx.db.delete(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
  }
  ctx.reply.integer(removed);
}

interface LposOptions {
  readonly rank: bigint;
  /** -1: COUNT not given. */
  readonly count: number;
  readonly maxlen: number;
}

const rankZeroError =
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";

function parseLposOptionsOrReply(ctx: CommandContext): LposOptions | undefined {
  let rank = 1n;
  let count = -1;
  let maxlen = 0;
  for (let index = 3; index < ctx.argv.length; index++) {
    const option = argumentAt(ctx, index).toString('latin1').toLowerCase();
    const hasValue = index < ctx.argv.length - 1;
    let parsed: number | undefined;
    if (option === 'rank' && hasValue) {
      const given = getLongLongOrReply(ctx.reply, argumentAt(ctx, ++index));
      if (given === 0n) ctx.reply.error(rankZeroError);
      if (given === undefined || given === 0n) return undefined;
      rank = given;
    } else if (option === 'count' && hasValue) {
      parsed = getPositiveLongOrReply(ctx.reply, argumentAt(ctx, ++index), "ERR COUNT can't be negative");
      if (parsed === undefined) return undefined;
      count = parsed;
    } else if (option === 'maxlen' && hasValue) {
      parsed = getPositiveLongOrReply(ctx.reply, argumentAt(ctx, ++index), "ERR MAXLEN can't be negative");
      if (parsed === undefined) return undefined;
      maxlen = parsed;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return { rank, count, maxlen };
}

/**
 * The positions LPOS finds: from the `rank`-th match on, at most `wanted`
 * (0 = all), within `maxlen` elements. RANK LLONG_MIN stays negative when
 * Redis negates it (two's complement), so every match from the tail counts.
 */
function findMatches(ctx: CommandContext, list: ListValue, element: Buffer, options: LposOptions, wanted: number): number[] {
  const fromTail = options.rank < 0n;
  const rank = options.rank === LLONG_MIN ? 0 : Number(fromTail ? -options.rank : options.rank);
  const length = list.length();
  const scanned = options.maxlen === 0 ? length : Math.min(length, options.maxlen);
  const found: number[] = [];
  let matches = 0;
  const visited = list.forEachMatch(element, fromTail, scanned, (position) => {
    matches++;
    if (matches < rank) return true;
    found.push(position);
    return wanted === 0 || found.length < wanted;
  });
  ctx.step(visited);
  return found;
}

/** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] */
export function lposCommand(ctx: CommandContext): void {
  const options = parseLposOptionsOrReply(ctx);
  if (options === undefined) return;
  const list = lookupListRead(ctx, argumentAt(ctx, 1));
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    if (options.count !== -1) ctx.reply.arrayHeader(0);
    else ctx.reply.nullBulk();
    return;
  }
  const element = argumentAt(ctx, 2);
  if (options.count === -1) {
    const [position] = findMatches(ctx, list, element, options, 1);
    if (position === undefined) ctx.reply.nullBulk();
    else ctx.reply.integer(position);
    return;
  }
  // With RANK LLONG_MIN, Redis's "matches - rank + 1 >= count" overflows and never stops the scan.
  const positions = findMatches(ctx, list, element, options, options.rank === LLONG_MIN ? 0 : options.count);
  ctx.reply.arrayHeader(positions.length);
  for (const position of positions) ctx.reply.integer(position);
}
