import { WRONG_TYPE, type CommandContext } from '../command.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import type { ZsetDeletion } from '../../types/zset.js';
import { stepsOf } from './sets-shared.js';
import { lookupZsetWrite, parseLexRangeOrReply, parseScoreRangeOrReply } from './zsets-shared.js';

type RemovalType = 'rank' | 'score' | 'lex';

/** Step 1 of zremrangeGenericCommand: the range, before the key is looked up. */
function parseRemoval(ctx: CommandContext, type: RemovalType): ZsetDeletion | undefined {
  const [, , min, max] = ctx.argv as [Buffer, Buffer, Buffer, Buffer];
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

/** Clamps rank indexes as Redis does; undefined when the range is empty. */
function clampRanks(deletion: ZsetDeletion & { by: 'rank' }, length: number): ZsetDeletion | undefined {
  let start = deletion.start < 0 ? length + deletion.start : deletion.start;
  let end = deletion.end < 0 ? length + deletion.end : deletion.end;
  if (start < 0) start = 0;
  if (start > end || start >= length) return undefined;
  if (end >= length) end = length - 1;
  return { by: 'rank', start, end };
}

/** zremrangeGenericCommand */
function zremrangeGeneric(ctx: CommandContext, type: RemovalType): void {
  const parsed = parseRemoval(ctx, type);
  if (parsed === undefined) return;
  const key = ctx.argv[1] as Buffer;
  const zset = lookupZsetWrite(ctx, key);
  if (zset === WRONG_TYPE) return;
  if (zset === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const deletion = parsed.by === 'rank' ? clampRanks(parsed, zset.size()) : parsed;
  if (deletion === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const deleted = zset.deleteRange(deletion, stepsOf(ctx));
  const keyRemoved = zset.size() === 0;
  if (keyRemoved) ctx.db.delete(key);
  if (deleted > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('zset', (ctx.argv[0] as Buffer).toString('latin1').toLowerCase(), key);
    if (keyRemoved) ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty(deleted);
  }
  ctx.reply.integer(deleted);
}

/** ZREMRANGEBYRANK key start stop */
export function zremrangebyrankCommand(ctx: CommandContext): void {
  zremrangeGeneric(ctx, 'rank');
}

/** ZREMRANGEBYSCORE key min max */
export function zremrangebyscoreCommand(ctx: CommandContext): void {
  zremrangeGeneric(ctx, 'score');
}

/** ZREMRANGEBYLEX key min max */
export function zremrangebylexCommand(ctx: CommandContext): void {
  zremrangeGeneric(ctx, 'lex');
}
