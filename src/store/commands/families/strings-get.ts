/** The reading string commands: GET, GETEX, GETDEL, MGET, STRLEN, GETRANGE/SUBSTR. */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { getLongLongOrReply } from '../../types/number-parsing.js';
import type { RedisString } from '../../types/string.js';
import { deletesAlreadyExpired, expireDeletionCommand, lazyUserDeletes } from './keyspace-settings.js';
import { getGeneric } from './strings-set.js';
import { expireMillisecondsOrReply, parseExtendedStringArguments, type ExpiryOptions } from './strings-set-options.js';
import { argument, lookupStringRead, replyString } from './strings-shared.js';

/** GET key */
export function getCommand(ctx: CommandContext): void {
  ctx.step(1);
  getGeneric(ctx, argument(ctx, 1));
}

/**
 * GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST]: never propagated as is,
 * but as PEXPIREAT, PERSIST, or DEL/UNLINK for an absolute time in the past.
 */
export function getexCommand(ctx: CommandContext): void {
  const options = parseExtendedStringArguments(ctx, 'get');
  if (options === undefined) return;
  const key = argument(ctx, 1);
  ctx.step(1);
  const value = lookupStringRead(ctx, key);
  if (value === WRONG_TYPE) return;
  if (value === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  let expireAtMs: bigint | undefined;
  if (options.expire !== undefined) {
    expireAtMs = expireMillisecondsOrReply(ctx, options, 'getex');
    if (expireAtMs === undefined) return;
  }
  replyString(ctx, value);
  applyGetexExpiry(ctx, key, options, expireAtMs);
}

function applyGetexExpiry(ctx: CommandContext, key: Buffer, options: ExpiryOptions, expireAtMs: bigint | undefined): void {
  if (expireAtMs !== undefined && options.absolute && deletesAlreadyExpired(ctx) && expireAtMs <= BigInt(ctx.nowMs)) {
    ctx.db.delete(key);
    ctx.propagateAs([expireDeletionCommand(ctx), key]);
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty();
  } else if (expireAtMs !== undefined) {
    ctx.db.setExpire(key, Number(expireAtMs));
    ctx.propagateAs(['PEXPIREAT', key, expireAtMs.toString()]);
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('generic', 'expire', key);
    ctx.dirty();
  } else if (options.persist && ctx.db.removeExpire(key)) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('generic', 'persist', key);
    ctx.propagateAs(['PERSIST', key]);
    ctx.dirty();
  }
}

/** GETDEL key: propagated as DEL (UNLINK with lazyfree-lazy-user-del). */
export function getdelCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  ctx.step(1);
  if (!getGeneric(ctx, key)) return;
  if (!ctx.db.delete(key)) return;
  ctx.propagateAs([lazyUserDeletes(ctx) ? 'UNLINK' : 'DEL', key]);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('generic', 'del', key);
  ctx.dirty();
}

/** MGET key [key ...]: a missing key or one of another type gives null. */
export function mgetCommand(ctx: CommandContext): void {
  ctx.reply.arrayHeader(ctx.argv.length - 1);
  for (let index = 1; index < ctx.argv.length; index++) {
    ctx.step(1);
    const value = ctx.db.lookupRead(argument(ctx, index));
    if (value === undefined || value.type !== 'string') ctx.reply.nullBulk();
    else ctx.reply.bulk(value.bytes());
  }
}

/** STRLEN key */
export function strlenCommand(ctx: CommandContext): void {
  ctx.step(1);
  const value = lookupStringRead(ctx, argument(ctx, 1));
  if (value === WRONG_TYPE) return;
  ctx.reply.integer(value === undefined ? 0 : value.byteLength());
}

/** GETRANGE key start end (and its old name SUBSTR): inclusive, negative from the end. */
export function getrangeCommand(ctx: CommandContext): void {
  const start = getLongLongOrReply(ctx.reply, argument(ctx, 2));
  if (start === undefined) return;
  const end = getLongLongOrReply(ctx.reply, argument(ctx, 3));
  if (end === undefined) return;
  const value = lookupStringRead(ctx, argument(ctx, 1));
  if (value === WRONG_TYPE) return;
  if (value === undefined) {
    ctx.reply.bulk(Buffer.alloc(0));
    return;
  }
  const slice = rangeOf(value, start, end);
  ctx.step(1 + slice.length);
  ctx.reply.bulk(slice);
}

/** getrangeCommand's index arithmetic, on 64-bit integers. */
function rangeOf(value: RedisString, startGiven: bigint, endGiven: bigint): Buffer {
  const data = value.bytes();
  const length = BigInt(data.length);
  if (startGiven < 0n && endGiven < 0n && startGiven > endGiven) return Buffer.alloc(0);
  let start = startGiven < 0n ? length + startGiven : startGiven;
  let end = endGiven < 0n ? length + endGiven : endGiven;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= length) end = length - 1n;
  if (start > end || length === 0n) return Buffer.alloc(0);
  return data.subarray(Number(start), Number(end) + 1);
}
