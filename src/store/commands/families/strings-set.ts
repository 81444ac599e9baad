/**
 * SET and its relatives (t_string.c setGenericCommand): SET, SETNX, SETEX,
 * PSETEX, GETSET, MSET, MSETNX. A relative expiry is propagated as the
 * absolute `SET key value PXAT ms`, as Redis 7.0 does.
 */
import { Buffer } from 'node:buffer';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { arityError } from '../errors.js';
import { defaultSharingPolicy, RedisString } from '../../types/string.js';
import { sharingPolicy } from './keyspace-settings.js';
import { argument, isOption, replyString, lookupStringRead } from './strings-shared.js';
import { expireMillisecondsOrReply, parseExtendedStringArguments, type ExpiryOptions } from './strings-set-options.js';

interface SetRequest {
  readonly key: Buffer;
  readonly value: RedisString;
  readonly valueBytes: Buffer;
  readonly options: ExpiryOptions;
  readonly commandName: string;
  /** What a performed set replies (SETNX: 1), and what an aborted one replies (SETNX: 0). */
  readonly replyOk: (ctx: CommandContext) => void;
  readonly replyAbort: (ctx: CommandContext) => void;
}

const replyOk = (ctx: CommandContext): void => ctx.reply.ok();
const replyNull = (ctx: CommandContext): void => ctx.reply.nullBulk();

/** getGenericCommand: replies the value or null; false after a WRONGTYPE error. */
export function getGeneric(ctx: CommandContext, key: Buffer): boolean {
  const value = lookupStringRead(ctx, key);
  if (value === WRONG_TYPE) return false;
  if (value === undefined) ctx.reply.nullBulk();
  else replyString(ctx, value);
  return true;
}

/**
 * A SET-family value argument as the string to store (tryObjectEncoding),
 * keeping the argument Buffer as its bytes. The sharing policy matters
 * only to an integer, so only a value that may be one looks it up.
 */
function valueOfArgument(ctx: CommandContext, argument: Buffer): RedisString {
  const first = argument[0];
  const mayBeInteger = first !== undefined && (first === 0x2d || (first >= 0x30 && first <= 0x39));
  return RedisString.encodedArgument(argument, mayBeInteger ? sharingPolicy(ctx) : defaultSharingPolicy);
}

/** setKey for a set that goes ahead (the existence already looked up): store, drop the TTL unless kept, notify. */
function storeValue(ctx: CommandContext, key: Buffer, value: RedisString, found: boolean, keepTtl: boolean): void {
  // setKey with SETKEY_ALREADY_EXIST / SETKEY_DOESNT_EXIST: no second lookup.
  if (found) ctx.db.overwrite(key, value);
  else ctx.db.add(key, value);
  if (!keepTtl) ctx.db.removeExpire(key);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'set', key);
  ctx.dirty();
}

/** SET key value without options: setGeneric's path with nothing to check. */
function setPlain(ctx: CommandContext, key: Buffer, valueBytes: Buffer): void {
  const value = valueOfArgument(ctx, valueBytes);
  const found = ctx.db.lookupWrite(key) !== undefined;
  ctx.step(1);
  storeValue(ctx, key, value, found, false);
  ctx.reply.ok();
}

function setGeneric(ctx: CommandContext, request: SetRequest): void {
  const { key, options } = request;
  let expireAtMs: bigint | undefined;
  if (options.expire !== undefined) {
    expireAtMs = expireMillisecondsOrReply(ctx, options, request.commandName);
    if (expireAtMs === undefined) return;
  }
  if (options.get && !getGeneric(ctx, key)) return;
  const found = ctx.db.lookupWrite(key) !== undefined;
  ctx.step(1);
  if ((options.nx && found) || (options.xx && !found)) {
    if (!options.get) request.replyAbort(ctx);
    return;
  }
  storeValue(ctx, key, request.value, found, options.keepTtl);
  if (expireAtMs !== undefined) {
    ctx.db.setExpire(key, Number(expireAtMs));
    ctx.notifyKeyspaceEvent('generic', 'expire', key);
    ctx.propagateAs(['SET', key, request.valueBytes, 'PXAT', expireAtMs.toString()]);
  }
  if (!options.get) request.replyOk(ctx);
  if (options.get && expireAtMs === undefined) ctx.propagateAs(withoutGetTokens(ctx.argv));
}

/** SET's argv without its GET tokens (which may repeat), as Redis propagates it. */
function withoutGetTokens(argv: readonly Buffer[]): Buffer[] {
  return argv.filter((item, index) => index < 3 || !isOption(item, 'GET'));
}

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] */
export function setCommand(ctx: CommandContext): void {
  if (ctx.argv.length === 3) {
    setPlain(ctx, argument(ctx, 1), argument(ctx, 2));
    return;
  }
  const options = parseExtendedStringArguments(ctx, 'set');
  if (options === undefined) return;
  const valueBytes = argument(ctx, 2);
  const value = valueOfArgument(ctx, valueBytes);
  setGeneric(ctx, { key: argument(ctx, 1), value, valueBytes, options, commandName: 'set', replyOk, replyAbort: replyNull });
}

/** SETNX key value */
export function setnxCommand(ctx: CommandContext): void {
  const valueBytes = argument(ctx, 2);
  const options: ExpiryOptions = { ...noOptions, nx: true };
  setGeneric(ctx, {
    key: argument(ctx, 1),
    value: valueOfArgument(ctx, valueBytes),
    valueBytes,
    options,
    commandName: 'setnx',
    replyOk: (context) => context.reply.integer(1),
    replyAbort: (context) => context.reply.integer(0),
  });
}

const noOptions: ExpiryOptions = { nx: false, xx: false, get: false, keepTtl: false, persist: false, expire: undefined, unit: 'seconds', relative: false, absolute: false };

function setWithRelativeExpiry(ctx: CommandContext, unit: 'seconds' | 'milliseconds', commandName: string): void {
  const valueBytes = argument(ctx, 3);
  const options: ExpiryOptions = { ...noOptions, expire: argument(ctx, 2), unit, relative: true };
  const value = valueOfArgument(ctx, valueBytes);
  setGeneric(ctx, { key: argument(ctx, 1), value, valueBytes, options, commandName, replyOk, replyAbort: replyNull });
}

/** SETEX key seconds value */
export function setexCommand(ctx: CommandContext): void {
  setWithRelativeExpiry(ctx, 'seconds', 'setex');
}

/** PSETEX key milliseconds value */
export function psetexCommand(ctx: CommandContext): void {
  setWithRelativeExpiry(ctx, 'milliseconds', 'psetex');
}

/** GETSET key value: replies the old value, drops the TTL, propagates as SET. */
export function getsetCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  const valueBytes = argument(ctx, 2);
  if (!getGeneric(ctx, key)) return;
  ctx.db.set(key, valueOfArgument(ctx, valueBytes));
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'set', key);
  ctx.dirty();
  ctx.step(1);
  ctx.propagateAs(['SET', key, valueBytes]);
}

function msetGeneric(ctx: CommandContext, onlyIfNoneExists: boolean, commandName: string): void {
  if (ctx.argv.length % 2 === 0) {
    ctx.reply.error(arityError(commandName));
    return;
  }
  if (onlyIfNoneExists) {
    for (let index = 1; index < ctx.argv.length; index += 2) {
      ctx.step(1);
      if (ctx.db.lookupWrite(argument(ctx, index)) !== undefined) {
        ctx.reply.integer(0);
        return;
      }
    }
  }
  for (let index = 1; index < ctx.argv.length; index += 2) {
    const key = argument(ctx, index);
    ctx.db.set(key, valueOfArgument(ctx, argument(ctx, index + 1)));
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('string', 'set', key);
    ctx.step(1);
  }
  ctx.dirty((ctx.argv.length - 1) / 2);
  if (onlyIfNoneExists) ctx.reply.integer(1);
  else ctx.reply.ok();
}

/** MSET key value [key value ...] */
export function msetCommand(ctx: CommandContext): void {
  msetGeneric(ctx, false, 'mset');
}

/** MSETNX key value [key value ...]: all or nothing. */
export function msetnxCommand(ctx: CommandContext): void {
  msetGeneric(ctx, true, 'msetnx');
}
