import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import type { DeferredLength } from '../../protocol/reply-writer.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import { ZsetValue, type ZsetEntry, type ZsetStart } from '../../types/zset.js';
import { lexGteMin, lexLteMax, scoreGteMin, scoreLteMax } from '../../types/zset-range-spec.js';
import { stepsOf, storeOrDeleteDestination } from './sets-shared.js';
import { isKeyword, lookupZsetRead, parseLexRangeOrReply, parseScoreRangeOrReply } from './zsets-shared.js';

/** zrange_result_handler: where ZRANGE's entries go (a reply, or ZRANGESTORE's new zset). */
interface RangeSink {
  /** `lengthHint` is the exact count for rank ranges, -1 when unknown. */
  begin(lengthHint: number): void;
  emit(entry: ZsetEntry): void;
  finish(count: number): void;
}

/** WITHSCORES: flat member, score, ... in RESP2; [member, score] pairs in RESP3 (not a map: order matters). */
function replySink(ctx: CommandContext, withScores: boolean): RangeSink {
  let deferred: DeferredLength | undefined;
  const nested = withScores && ctx.reply.protocolVersion === 3;
  const width = withScores && !nested ? 2 : 1;
  return {
    begin(lengthHint) {
      if (lengthHint > 0) ctx.reply.arrayHeader(lengthHint * width);
      else deferred = ctx.reply.deferredArray();
    },
    emit(entry) {
      if (nested) ctx.reply.arrayHeader(2);
      ctx.reply.bulk(entry.member);
      if (withScores) ctx.reply.double(entry.score);
    },
    finish(count) {
      deferred?.set(count * width);
    },
  };
}

/** ZRANGESTORE: a listpack unless the known length exceeds the threshold, filled with zsetAdd. */
function storeSink(ctx: CommandContext, destination: Buffer): RangeSink {
  let result: ZsetValue | undefined;
  const step = stepsOf(ctx);
  return {
    begin(lengthHint) {
      result = new ZsetValue(ctx.rng, lengthHint > ctx.encodingConfig.zsetMaxListpackEntries ? 'skiplist' : 'listpack');
    },
    emit(entry) {
      result?.add(entry.member, entry.score, {}, ctx.encodingConfig, step);
    },
    finish(count) {
      const created = storeOrDeleteDestination(ctx, destination, result as ZsetValue, count);
      if (created) ctx.keyReady(destination);
    },
  };
}

type RangeType = 'auto' | 'rank' | 'score' | 'lex';
type Direction = 'auto' | 'forward' | 'reverse';

interface RangeRequest {
  readonly keyIndex: number;
  readonly store: boolean;
  rangeType: RangeType;
  direction: Direction;
  withScores: boolean;
  offset: number;
  limit: number;
}

/** Step 1 of zrangeGenericCommand: the options after `<src> <min> <max>`; false when an error was replied. */
function parseRangeOptions(ctx: CommandContext, request: RangeRequest): boolean {
  for (let index = request.keyIndex + 3; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    const argumentsLeft = ctx.argv.length - index - 1;
    if (!request.store && isKeyword(option, 'withscores')) request.withScores = true;
    else if (isKeyword(option, 'limit') && argumentsLeft >= 2) {
      const offset = getLongOrReply(ctx.reply, ctx.argv[index + 1] as Buffer);
      if (offset === undefined) return false;
      const limit = getLongOrReply(ctx.reply, ctx.argv[index + 2] as Buffer);
      if (limit === undefined) return false;
      request.offset = offset;
      request.limit = limit;
      index += 2;
    } else if (request.direction === 'auto' && isKeyword(option, 'rev')) request.direction = 'reverse';
    else if (request.rangeType === 'auto' && isKeyword(option, 'bylex')) request.rangeType = 'lex';
    else if (request.rangeType === 'auto' && isKeyword(option, 'byscore')) request.rangeType = 'score';
    else {
      ctx.reply.error(errors.syntax);
      return false;
    }
  }
  return true;
}

/** zrangeGenericCommand: ZRANGE, ZRANGESTORE and the legacy Z[REV]RANGE[BYSCORE|BYLEX]. */
function zrangeGeneric(ctx: CommandContext, keyIndex: number, store: boolean, rangeType: RangeType, direction: Direction): void {
  const request: RangeRequest = { keyIndex, store, rangeType, direction, withScores: false, offset: 0, limit: -1 };
  if (!parseRangeOptions(ctx, request)) return;
  const type = request.rangeType === 'auto' ? 'rank' : request.rangeType;
  const reverse = request.direction === 'reverse';
  if (request.limit !== -1 && type === 'rank') {
    ctx.reply.error('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
    return;
  }
  if (request.withScores && type === 'lex') {
    ctx.reply.error('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
    return;
  }
  const swapped = reverse && type !== 'rank';
  const minArgument = ctx.argv[keyIndex + (swapped ? 2 : 1)] as Buffer;
  const maxArgument = ctx.argv[keyIndex + (swapped ? 1 : 2)] as Buffer;
  const bounds = parseBounds(ctx, type, minArgument, maxArgument);
  if (bounds === undefined) return;
  const sink = store ? storeSink(ctx, ctx.argv[1] as Buffer) : replySink(ctx, request.withScores);
  const zset = lookupZsetRead(ctx, ctx.argv[keyIndex] as Buffer);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) {
    if (!store) ctx.reply.arrayHeader(0);
    else {
      sink.begin(-1);
      sink.finish(0);
    }
    return;
  }
  if (bounds.by === 'rank') emitRankRange(ctx, zset, bounds.start, bounds.end, reverse, sink);
  else emitScoreOrLexRange(ctx, zset, bounds, reverse, request, sink);
}

type Bounds = { readonly by: 'rank'; readonly start: number; readonly end: number } | Exclude<ZsetStart, { by: 'rank' }>;

function parseBounds(ctx: CommandContext, type: 'rank' | 'score' | 'lex', min: Buffer, max: Buffer): Bounds | undefined {
  if (type === 'rank') {
    const start = getLongOrReply(ctx.reply, min);
    if (start === undefined) return undefined;
    const end = getLongOrReply(ctx.reply, max);
    return end === undefined ? undefined : { by: 'rank', start, end };
  }
  if (type === 'score') {
    const range = parseScoreRangeOrReply(ctx, min, max);
    return range === undefined ? undefined : { by: 'score', range };
  }
  const range = parseLexRangeOrReply(ctx, min, max);
  return range === undefined ? undefined : { by: 'lex', range };
}

/** genericZrangebyrankCommand: negative indexes count from the end; the range is clamped. */
function emitRankRange(ctx: CommandContext, zset: ZsetValue, requestedStart: number, requestedEnd: number, reverse: boolean, sink: RangeSink): void {
  const length = zset.size();
  let start = requestedStart < 0 ? length + requestedStart : requestedStart;
  let end = requestedEnd < 0 ? length + requestedEnd : requestedEnd;
  if (start < 0) start = 0;
  if (start > end || start >= length) {
    sink.begin(0);
    sink.finish(0);
    return;
  }
  if (end >= length) end = length - 1;
  const count = end - start + 1;
  sink.begin(count);
  let emitted = 0;
  for (const entry of zset.walk({ by: 'rank', rank: start }, reverse, stepsOf(ctx))) {
    sink.emit(entry);
    if (++emitted === count) break;
  }
  sink.finish(count);
}

/**
 * genericZrangebyscoreCommand / genericZrangebylexCommand: from the first
 * (last when reversed) entry in range, skip `offset` entries unchecked, then
 * emit up to `limit` (negative: all) while entries stay in range.
 */
function emitScoreOrLexRange(ctx: CommandContext, zset: ZsetValue, start: Exclude<ZsetStart, { by: 'rank' }>, reverse: boolean, request: RangeRequest, sink: RangeSink): void {
  sink.begin(-1);
  if (start.by === 'score' && request.offset > 0 && request.offset >= zset.size()) {
    sink.finish(0);
    return;
  }
  let skip = request.offset;
  let limit = request.limit;
  let emitted = 0;
  for (const entry of zset.walk(start, reverse, stepsOf(ctx))) {
    if (skip !== 0) {
      skip--;
      continue;
    }
    if (limit === 0) break;
    limit--;
    if (!isStillInRange(entry, start, reverse)) break;
    sink.emit(entry);
    emitted++;
  }
  sink.finish(emitted);
}

function isStillInRange(entry: ZsetEntry, start: Exclude<ZsetStart, { by: 'rank' }>, reverse: boolean): boolean {
  if (start.by === 'score') return reverse ? scoreGteMin(entry.score, start.range) : scoreLteMax(entry.score, start.range);
  return reverse ? lexGteMin(entry.member, start.range) : lexLteMax(entry.member, start.range);
}

/** ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] */
export function zrangeCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'auto', 'auto');
}

/** ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count] */
export function zrangestoreCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 2, true, 'auto', 'auto');
}

/** ZREVRANGE key start stop [WITHSCORES] */
export function zrevrangeCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'rank', 'reverse');
}

/** ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count] */
export function zrangebyscoreCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'score', 'forward');
}

/** ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count] */
export function zrevrangebyscoreCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'score', 'reverse');
}

/** ZRANGEBYLEX key min max [LIMIT offset count] */
export function zrangebylexCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'lex', 'forward');
}

/** ZREVRANGEBYLEX key max min [LIMIT offset count] */
export function zrevrangebylexCommand(ctx: CommandContext): void {
  zrangeGeneric(ctx, 1, false, 'lex', 'reverse');
}
