/** HSET, HMSET, HSETNX, HDEL, HINCRBY and HINCRBYFLOAT (t_hash.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { arityError, errors } from '../errors.js';
import { formatHumanLongDouble } from '../../types/decimal-format.js';
import { addLongDouble, isFiniteLongDouble, type LongDouble, string2ld } from '../../types/long-double.js';
import { getLongDoubleOrReply, getLongLongOrReply, LLONG_MAX, LLONG_MIN, string2ll } from '../../types/number-parsing.js';
import { argumentAt, lookupHashWrite, lookupHashWriteOrCreate, stepsOf } from './hashes-shared.js';

/** HSET key field value [field value ...] (replies the new fields) and HMSET (replies OK). */
function hsetGeneric(ctx: CommandContext, replyOk: boolean): void {
  if (ctx.argv.length % 2 === 1) {
    ctx.reply.error(arityError(replyOk ? 'hmset' : 'hset'));
    return;
  }
  const key = argumentAt(ctx, 1);
  const hash = lookupHashWriteOrCreate(ctx, key);
  if (hash === WRONG_TYPE) return;
  const steps = stepsOf(ctx);
  hash.convertIfAnyTooLong(ctx.argv, ctx.encodingConfig, steps, 2);
  let created = 0;
  for (let index = 2; index < ctx.argv.length; index += 2) {
    if (hash.setCopying(argumentAt(ctx, index), argumentAt(ctx, index + 1), ctx.encodingConfig, steps)) created++;
  }
  if (replyOk) ctx.reply.ok();
  else ctx.reply.integer(created);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('hash', 'hset', key);
  ctx.dirty((ctx.argv.length - 2) / 2);
}

/** HSET key field value [field value ...] */
export function hsetCommand(ctx: CommandContext): void {
  hsetGeneric(ctx, false);
}

/** HMSET key field value [field value ...] */
export function hmsetCommand(ctx: CommandContext): void {
  hsetGeneric(ctx, true);
}

/** HSETNX key field value */
export function hsetnxCommand(ctx: CommandContext): void {
  const key = argumentAt(ctx, 1);
  const hash = lookupHashWriteOrCreate(ctx, key);
  if (hash === WRONG_TYPE) return;
  if (hash.has(argumentAt(ctx, 2), stepsOf(ctx))) {
    ctx.reply.integer(0);
    return;
  }
  hash.setCopying(argumentAt(ctx, 2), argumentAt(ctx, 3), ctx.encodingConfig, stepsOf(ctx));
  ctx.reply.integer(1);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('hash', 'hset', key);
  ctx.dirty();
}

/** HDEL key field [field ...]: the key goes when its last field does. */
export function hdelCommand(ctx: CommandContext): void {
  const key = argumentAt(ctx, 1);
  const hash = lookupHashWrite(ctx, key);
  if (hash === WRONG_TYPE) return;
  if (hash === undefined) {
    ctx.reply.integer(0);
    return;
  }
  let deleted = 0;
  for (let index = 2; index < ctx.argv.length; index++) {
    if (!hash.delete(argumentAt(ctx, index), stepsOf(ctx))) continue;
    deleted++;
    if (hash.size() === 0) {
      ctx.db.delete(key);
      break;
    }
  }
  if (deleted > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('hash', 'hdel', key);
    if (hash.size() === 0) ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty(deleted);
  }
  ctx.reply.integer(deleted);
}

/** HINCRBY key field increment: 64-bit, overflow refused. */
export function hincrbyCommand(ctx: CommandContext): void {
  const increment = getLongLongOrReply(ctx.reply, argumentAt(ctx, 3));
  if (increment === undefined) return;
  const key = argumentAt(ctx, 1);
  const hash = lookupHashWriteOrCreate(ctx, key);
  if (hash === WRONG_TYPE) return;
  const field = argumentAt(ctx, 2);
  const current = hash.get(field, stepsOf(ctx));
  const oldValue = current === undefined ? 0n : string2ll(current);
  if (oldValue === undefined) {
    ctx.reply.error('ERR hash value is not an integer');
    return;
  }
  const newValue = oldValue + increment;
  if (newValue > LLONG_MAX || newValue < LLONG_MIN) {
    ctx.reply.error(errors.overflow);
    return;
  }
  hash.set(Buffer.from(field), Buffer.from(newValue.toString(), 'latin1'), ctx.encodingConfig, stepsOf(ctx));
  ctx.reply.integer(newValue);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('hash', 'hincrby', key);
  ctx.dirty();
}

/** HINCRBYFLOAT's current value: 0 for a missing field, undefined when it is not a float. */
function currentLongDouble(current: Buffer | undefined): LongDouble | undefined {
  if (current === undefined) return string2ld(Buffer.from('0'));
  return string2ld(current);
}

/**
 * HINCRBYFLOAT key field increment: 80-bit long double arithmetic, the
 * result formatted `%.17Lf` and trimmed; always propagated as
 * `HSET key field result` so replicas never recompute the float.
 */
export function hincrbyfloatCommand(ctx: CommandContext): void {
  const increment = getLongDoubleOrReply(ctx.reply, argumentAt(ctx, 3));
  if (increment === undefined) return;
  if (!isFiniteLongDouble(increment)) {
    ctx.reply.error('ERR value is NaN or Infinity');
    return;
  }
  const key = argumentAt(ctx, 1);
  const hash = lookupHashWriteOrCreate(ctx, key);
  if (hash === WRONG_TYPE) return;
  const field = argumentAt(ctx, 2);
  const oldValue = currentLongDouble(hash.get(field, stepsOf(ctx)));
  if (oldValue === undefined) {
    ctx.reply.error('ERR hash value is not a float');
    return;
  }
  const sum = addLongDouble(oldValue, increment);
  if (!isFiniteLongDouble(sum)) {
    ctx.reply.error(errors.nanOrInfinity);
    return;
  }
  const text = Buffer.from(formatHumanLongDouble(sum), 'latin1');
  hash.set(Buffer.from(field), text, ctx.encodingConfig, stepsOf(ctx));
  ctx.reply.bulk(text);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('hash', 'hincrbyfloat', key);
  ctx.dirty();
  ctx.propagateAs(['HSET', key, field, text]);
}
