import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getRangeLongOrReply, LLONG_MAX } from '../../types/number-parsing.js';
import type { ZsetEntry, ZsetValue } from '../../types/zset.js';
import { stepsOf } from './sets-shared.js';
import { RANDOM_REPLY_COUNT_MAX, RANDOM_REPLY_TOO_LARGE } from './sets-random.js';
import { isKeyword, lookupZsetRead } from './zsets-shared.js';

/** ZRANDMEMBER_SUB_STRATEGY_MUL */
const ZRANDMEMBER_SUB_STRATEGY_MUL = 3;
/** LONG_MAX / 2: WITHSCORES doubles the reply length, so the count is bounded by half. */
const WITHSCORES_COUNT_MAX = LLONG_MAX / 2n;

/** ZRANDMEMBER key [count [WITHSCORES]] */
export function zrandmemberCommand(ctx: CommandContext): void {
  if (ctx.argv.length >= 3) {
    const requested = getRangeLongOrReply(ctx.reply, ctx.argv[2] as Buffer, -LLONG_MAX, LLONG_MAX);
    if (requested === undefined) return;
    if (ctx.argv.length > 4 || (ctx.argv.length === 4 && !isKeyword(ctx.argv[3], 'withscores'))) {
      ctx.reply.error(errors.syntax);
      return;
    }
    const withScores = ctx.argv.length === 4;
    const exact = BigInt((ctx.argv[2] as Buffer).toString('latin1'));
    if (withScores && (exact < -WITHSCORES_COUNT_MAX || exact > WITHSCORES_COUNT_MAX)) {
      ctx.reply.error('ERR value is out of range');
      return;
    }
    zrandmemberWithCount(ctx, requested, withScores);
    return;
  }
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) ctx.reply.nullBulk();
  else ctx.reply.bulk(zset.randomEntry(ctx.rng, stepsOf(ctx)).member);
}

/** WITHSCORES pairs are nested [member, score] arrays in RESP3, flat in RESP2. */
function replyEntries(ctx: CommandContext, entries: Iterable<ZsetEntry>, withScores: boolean): void {
  const nested = withScores && ctx.reply.protocolVersion === 3;
  for (const entry of entries) {
    if (nested) ctx.reply.arrayHeader(2);
    ctx.reply.bulk(entry.member);
    if (withScores) ctx.reply.double(entry.score);
  }
}

function zrandmemberWithCount(ctx: CommandContext, requested: number, withScores: boolean): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined || requested === 0) {
    ctx.reply.arrayHeader(0);
    return;
  }
  const count = Math.abs(requested);
  const width = withScores && ctx.reply.protocolVersion === 2 ? 2 : 1;
  const step = stepsOf(ctx);
  if (requested < 0 || count === 1) {
    if (count > RANDOM_REPLY_COUNT_MAX) {
      ctx.reply.error(RANDOM_REPLY_TOO_LARGE);
      return;
    }
    ctx.reply.arrayHeader(count * width);
    for (let left = count; left > 0; left--) replyEntries(ctx, [zset.randomEntry(ctx.rng, step)], withScores);
    return;
  }
  const size = zset.size();
  ctx.reply.arrayHeader(Math.min(count, size) * width);
  if (count >= size) {
    // The zui iterator walks from the highest entry down.
    replyEntries(ctx, zset.walk({ by: 'rank', rank: 0 }, true, step), withScores);
    return;
  }
  const chosen = count * ZRANDMEMBER_SUB_STRATEGY_MUL > size ? dropRandomEntries(ctx, zset, count) : pickDistinctEntries(ctx, zset, count);
  replyEntries(ctx, chosen, withScores);
}

/** CASE 3: every entry, minus random ones until `count` remain. */
function dropRandomEntries(ctx: CommandContext, zset: ZsetValue, count: number): ZsetEntry[] {
  const entries = [...zset.walk({ by: 'rank', rank: 0 }, true, stepsOf(ctx))];
  while (entries.length > count) {
    const index = ctx.rng.int(entries.length);
    entries[index] = entries[entries.length - 1] as ZsetEntry;
    entries.pop();
    ctx.step(1);
  }
  return entries;
}

/** CASE 4: random draws until `count` distinct members were seen. */
function pickDistinctEntries(ctx: CommandContext, zset: ZsetValue, count: number): ZsetEntry[] {
  const step = stepsOf(ctx);
  const chosen = new Map<string, ZsetEntry>();
  while (chosen.size < count) {
    const entry = zset.randomEntry(ctx.rng, step);
    chosen.set(entry.member.toString('latin1'), entry);
  }
  return [...chosen.values()];
}
