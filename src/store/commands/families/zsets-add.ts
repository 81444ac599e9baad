import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getDoubleOrReply } from '../../types/number-parsing.js';
import { ZsetValue, type ZaddFlags } from '../../types/zset.js';
import { stepsOf } from './sets-shared.js';
import { isKeyword, lookupZsetRead, lookupZsetWrite, parseLexRangeOrReply, parseScoreRangeOrReply } from './zsets-shared.js';

const NAN_ERROR = 'ERR resulting score is not a number (NaN)';

interface ZaddOptions {
  readonly flags: ZaddFlags;
  readonly changed: boolean;
  /** Index of the first score. */
  readonly scoreIndex: number;
}

function parseZaddOptions(ctx: CommandContext, incr: boolean): ZaddOptions {
  const flags = { nx: false, xx: false, gt: false, lt: false, incr };
  let changed = false;
  let index = 2;
  for (; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    if (isKeyword(option, 'nx')) flags.nx = true;
    else if (isKeyword(option, 'xx')) flags.xx = true;
    else if (isKeyword(option, 'ch')) changed = true;
    else if (isKeyword(option, 'incr')) flags.incr = true;
    else if (isKeyword(option, 'gt')) flags.gt = true;
    else if (isKeyword(option, 'lt')) flags.lt = true;
    else break;
  }
  return { flags, changed, scoreIndex: index };
}

/** The option conflicts zaddGenericCommand rejects, in its order; true when one was replied. */
function rejectsOptions(ctx: CommandContext, options: ZaddOptions, pairs: number): boolean {
  const { nx, xx, gt, lt, incr } = options.flags;
  if (nx === true && xx === true) ctx.reply.error('ERR XX and NX options at the same time are not compatible');
  else if ((gt === true && nx === true) || (lt === true && nx === true) || (gt === true && lt === true)) ctx.reply.error('ERR GT, LT, and/or NX options at the same time are not compatible');
  else if (incr === true && pairs > 1) ctx.reply.error('ERR INCR option supports a single increment-element pair');
  else return false;
  return true;
}

/** zaddGenericCommand: ZADD and ZINCRBY. */
function zaddGeneric(ctx: CommandContext, incr: boolean): void {
  const key = ctx.argv[1] as Buffer;
  const options = parseZaddOptions(ctx, incr);
  const elements = ctx.argv.length - options.scoreIndex;
  if (elements % 2 !== 0 || elements === 0) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const pairs = elements / 2;
  if (rejectsOptions(ctx, options, pairs)) return;
  const scores: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const score = getDoubleOrReply(ctx.reply, ctx.argv[options.scoreIndex + pair * 2] as Buffer);
    if (score === undefined) return;
    scores.push(score);
  }
  const found = lookupZsetWrite(ctx, key);
  if (found === WRONG_TYPE) return;
  let zset = found;
  if (zset === undefined) {
    if (options.flags.xx === true) {
      replyZadd(ctx, options, 0, 0, undefined);
      return;
    }
    const firstMember = ctx.argv[options.scoreIndex + 1] as Buffer;
    const config = ctx.encodingConfig;
    zset = new ZsetValue(ctx.rng, config.zsetMaxListpackEntries === 0 || config.zsetMaxListpackValue < firstMember.length ? 'skiplist' : 'listpack');
    ctx.db.add(key, zset);
    ctx.keyReady(key);
  }
  applyPairs(ctx, key, zset, options, scores);
}

function applyPairs(ctx: CommandContext, key: Buffer, zset: ZsetValue, options: ZaddOptions, scores: readonly number[]): void {
  const step = stepsOf(ctx);
  let added = 0;
  let updated = 0;
  let lastScore: number | undefined;
  for (let pair = 0; pair < scores.length; pair++) {
    const member = ctx.argv[options.scoreIndex + 1 + pair * 2] as Buffer;
    const outcome = zset.add(member, scores[pair] as number, options.flags, ctx.encodingConfig, step);
    if (outcome.kind === 'nan') {
      ctx.reply.error(NAN_ERROR);
      if (added + updated > 0) zaddChanged(ctx, key, options);
      return;
    }
    if (outcome.kind === 'added') added++;
    if (outcome.kind === 'updated') updated++;
    if (outcome.kind !== 'nop') lastScore = outcome.score;
  }
  if (added + updated > 0) ctx.dirty(added + updated);
  replyZadd(ctx, options, added, updated, lastScore);
  if (added + updated > 0) zaddChanged(ctx, key, options);
}

/** zaddGenericCommand's cleanup after a change: WATCH, then the zadd (or zincr) event. */
function zaddChanged(ctx: CommandContext, key: Buffer, options: ZaddOptions): void {
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('zset', options.flags.incr === true ? 'zincr' : 'zadd', key);
}

function replyZadd(ctx: CommandContext, options: ZaddOptions, added: number, updated: number, lastScore: number | undefined): void {
  if (options.flags.incr === true) {
    if (lastScore === undefined) ctx.reply.nullBulk();
    else ctx.reply.double(lastScore);
    return;
  }
  ctx.reply.integer(options.changed ? added + updated : added);
}

/** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...] */
export function zaddCommand(ctx: CommandContext): void {
  zaddGeneric(ctx, false);
}

/** ZINCRBY key increment member */
export function zincrbyCommand(ctx: CommandContext): void {
  zaddGeneric(ctx, true);
}

/** ZREM key member [member ...]: stops once the zset is empty (and deleted). */
export function zremCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const zset = lookupZsetWrite(ctx, key);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const step = stepsOf(ctx);
  let deleted = 0;
  for (const member of ctx.argv.slice(2)) {
    if (zset.delete(member, step)) deleted++;
    if (zset.size() === 0) {
      ctx.db.delete(key);
      break;
    }
  }
  if (deleted > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('zset', 'zrem', key);
    if (zset.size() === 0) ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty(deleted);
  }
  ctx.reply.integer(deleted);
}

/** ZSCORE key member */
export function zscoreCommand(ctx: CommandContext): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  const score = zset?.score(ctx.argv[2] as Buffer, stepsOf(ctx));
  if (score === undefined) ctx.reply.nullBulk();
  else ctx.reply.double(score);
}

/** ZMSCORE key member [member ...]: a missing key is an empty zset. */
export function zmscoreCommand(ctx: CommandContext): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  const step = stepsOf(ctx);
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (const member of ctx.argv.slice(2)) {
    const score = zset?.score(member, step);
    if (score === undefined) ctx.reply.nullBulk();
    else ctx.reply.double(score);
  }
}

/** ZCARD key */
export function zcardCommand(ctx: CommandContext): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  ctx.reply.integer(zset === undefined ? 0 : zset.size());
}

/** ZCOUNT key min max */
export function zcountCommand(ctx: CommandContext): void {
  const range = parseScoreRangeOrReply(ctx, ctx.argv[2] as Buffer, ctx.argv[3] as Buffer);
  if (range === undefined) return;
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  ctx.reply.integer(zset === undefined ? 0 : zset.countInRange({ by: 'score', range }, stepsOf(ctx)));
}

/** ZLEXCOUNT key min max */
export function zlexcountCommand(ctx: CommandContext): void {
  const range = parseLexRangeOrReply(ctx, ctx.argv[2] as Buffer, ctx.argv[3] as Buffer);
  if (range === undefined) return;
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  ctx.reply.integer(zset === undefined ? 0 : zset.countInRange({ by: 'lex', range }, stepsOf(ctx)));
}

function zrankGeneric(ctx: CommandContext, reverse: boolean): void {
  const zset = lookupZsetRead(ctx, ctx.argv[1] as Buffer);
  if (zset === WRONG_TYPE) return;
  const rank = zset?.rank(ctx.argv[2] as Buffer, reverse, stepsOf(ctx));
  if (rank === undefined) ctx.reply.nullBulk();
  else ctx.reply.integer(rank);
}

/** ZRANK key member */
export function zrankCommand(ctx: CommandContext): void {
  zrankGeneric(ctx, false);
}

/** ZREVRANK key member */
export function zrevrankCommand(ctx: CommandContext): void {
  zrankGeneric(ctx, true);
}
