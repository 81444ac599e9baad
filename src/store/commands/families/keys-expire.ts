/**
 * EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX/XX/GT/LT), TTL, PTTL,
 * EXPIRETIME, PEXPIRETIME and PERSIST (expire.c). A set expiry propagates as
 * PEXPIREAT with the absolute ms; a time already past deletes the key and
 * propagates DEL (UNLINK with lazyfree-lazy-expire).
 */
import type { CommandContext } from '../command.js';
import { getLongLongOrReply, LLONG_MAX, LLONG_MIN } from '../../types/number-parsing.js';
import { deletesAlreadyExpired, expireDeletionCommand } from './keyspace-settings.js';
import { argument, isOption } from './strings-shared.js';

interface ExpireConditions {
  readonly nx: boolean;
  readonly xx: boolean;
  readonly gt: boolean;
  readonly lt: boolean;
}

function parseExpireConditions(ctx: CommandContext): ExpireConditions | undefined {
  const flags = { nx: false, xx: false, gt: false, lt: false };
  for (let index = 3; index < ctx.argv.length; index++) {
    const option = argument(ctx, index);
    if (isOption(option, 'NX')) flags.nx = true;
    else if (isOption(option, 'XX')) flags.xx = true;
    else if (isOption(option, 'GT')) flags.gt = true;
    else if (isOption(option, 'LT')) flags.lt = true;
    else {
      ctx.reply.error(`ERR Unsupported option ${cString(option)}`);
      return undefined;
    }
  }
  if (flags.nx && (flags.xx || flags.gt || flags.lt)) {
    ctx.reply.error('ERR NX and XX, GT or LT options at the same time are not compatible');
    return undefined;
  }
  if (flags.gt && flags.lt) {
    ctx.reply.error('ERR GT and LT options at the same time are not compatible');
    return undefined;
  }
  return flags;
}

/** The bytes a C "%s" prints: up to the first NUL. */
function cString(data: Buffer): string {
  const end = data.indexOf(0);
  return data.toString('latin1', 0, end === -1 ? data.length : end);
}

/** Whether the conditions let a new expire time replace the current one (undefined: none). */
function conditionsAllow(conditions: ExpireConditions, when: bigint, current: number | undefined): boolean {
  if (conditions.nx && current !== undefined) return false;
  if (conditions.xx && current === undefined) return false;
  // No TTL counts as an infinite one: GT always fails, LT always passes.
  if (conditions.gt && (current === undefined || when <= BigInt(current))) return false;
  if (conditions.lt && current !== undefined && when >= BigInt(current)) return false;
  return true;
}

type ExpireKind = 'expire' | 'pexpire' | 'expireat' | 'pexpireat';

/** The absolute expire time in ms, or undefined after replying the error. */
function absoluteExpireMs(ctx: CommandContext, kind: ExpireKind): bigint | undefined {
  const given = getLongLongOrReply(ctx.reply, argument(ctx, 2));
  if (given === undefined) return undefined;
  const invalid = (): undefined => {
    ctx.reply.error(`ERR invalid expire time in '${kind}' command`);
    return undefined;
  };
  const inSeconds = kind === 'expire' || kind === 'expireat';
  let when = given;
  if (inSeconds) {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalid();
    when *= 1000n;
  }
  const baseMs = kind === 'expire' || kind === 'pexpire' ? BigInt(ctx.nowMs) : 0n;
  if (when > LLONG_MAX - baseMs) return invalid();
  return when + baseMs;
}

function expireGeneric(ctx: CommandContext, kind: ExpireKind): void {
  const conditions = parseExpireConditions(ctx);
  if (conditions === undefined) return;
  const when = absoluteExpireMs(ctx, kind);
  if (when === undefined) return;
  const key = argument(ctx, 1);
  ctx.step(1);
  if (ctx.db.lookupWrite(key) === undefined || !conditionsAllow(conditions, when, ctx.db.getExpire(key))) {
    ctx.reply.integer(0);
    return;
  }
  if (when <= BigInt(ctx.nowMs) && deletesAlreadyExpired(ctx)) {
    ctx.db.delete(key);
    ctx.dirty();
    ctx.propagateAs([expireDeletionCommand(ctx), key]);
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.reply.integer(1);
    return;
  }
  ctx.db.setExpire(key, Number(when));
  ctx.reply.integer(1);
  if (kind !== 'pexpireat') ctx.propagateAs(['PEXPIREAT', key, when.toString(), ...ctx.argv.slice(3)]);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('generic', 'expire', key);
  ctx.dirty();
}

/** EXPIRE key seconds [NX|XX|GT|LT] */
export function expireCommand(ctx: CommandContext): void {
  expireGeneric(ctx, 'expire');
}

/** PEXPIRE key milliseconds [NX|XX|GT|LT] */
export function pexpireCommand(ctx: CommandContext): void {
  expireGeneric(ctx, 'pexpire');
}

/** EXPIREAT key unix-time-seconds [NX|XX|GT|LT] */
export function expireatCommand(ctx: CommandContext): void {
  expireGeneric(ctx, 'expireat');
}

/** PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT] */
export function pexpireatCommand(ctx: CommandContext): void {
  expireGeneric(ctx, 'pexpireat');
}

/** TTL family: -2 no key, -1 no expiry, else the remaining (or absolute) time, never negative. */
function ttlGeneric(ctx: CommandContext, inMilliseconds: boolean, absolute: boolean): void {
  const key = argument(ctx, 1);
  ctx.step(1);
  if (ctx.db.lookupRead(key, { noTouch: true }) === undefined) {
    ctx.reply.integer(-2);
    return;
  }
  const expireAtMs = ctx.db.getExpire(key);
  if (expireAtMs === undefined) {
    ctx.reply.integer(-1);
    return;
  }
  const ttl = BigInt(Math.max(0, absolute ? expireAtMs : expireAtMs - ctx.nowMs));
  ctx.reply.integer(inMilliseconds ? ttl : (ttl + 500n) / 1000n);
}

/** TTL key */
export function ttlCommand(ctx: CommandContext): void {
  ttlGeneric(ctx, false, false);
}

/** PTTL key */
export function pttlCommand(ctx: CommandContext): void {
  ttlGeneric(ctx, true, false);
}

/** EXPIRETIME key */
export function expiretimeCommand(ctx: CommandContext): void {
  ttlGeneric(ctx, false, true);
}

/** PEXPIRETIME key */
export function pexpiretimeCommand(ctx: CommandContext): void {
  ttlGeneric(ctx, true, true);
}

/** PERSIST key */
export function persistCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  ctx.step(1);
  if (ctx.db.lookupWrite(key) === undefined || !ctx.db.removeExpire(key)) {
    ctx.reply.integer(0);
    return;
  }
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('generic', 'persist', key);
  ctx.dirty();
  ctx.reply.integer(1);
}
