/**
 * The counters: INCR, DECR, INCRBY, DECRBY (64-bit, overflow checked) and
 * INCRBYFLOAT (80-bit long double, formatted `%.17Lf` trimmed, propagated
 * as `SET key value KEEPTTL` so replicas never recompute the float).
 */
import { Buffer } from 'node:buffer';
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { formatHumanLongDouble } from '../../types/decimal-format.js';
import { addLongDouble, isFiniteLongDouble, type LongDouble, longDoubleFromBigInt, string2ld } from '../../types/long-double.js';
import { getLongDoubleOrReply, getLongLongOrReply, LLONG_MAX, LLONG_MIN, string2ll } from '../../types/number-parsing.js';
import { RedisString } from '../../types/string.js';
import { sharingPolicy } from './keyspace-settings.js';
import { argument, lookupStringWrite } from './strings-shared.js';

const SAFE_INTEGER_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_INTEGER_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** getLongLongFromObject of a string value. */
function stringAsLongLong(value: RedisString): bigint | undefined {
  return value.integerValue() ?? string2ll(value.bytes());
}

/** getLongDoubleFromObject of a string value. */
function stringAsLongDouble(value: RedisString): LongDouble | undefined {
  const integer = value.integerValue();
  return integer === undefined ? string2ld(value.bytes()) : longDoubleFromBigInt(integer);
}

/**
 * incrDecrCommand. `incrementNumber` is `increment` as a number when it is
 * a safe integer: then an old value held as a safe integer is added to
 * without bigint arithmetic, whenever the sum is a safe integer too (far
 * inside the long long range, so it cannot overflow).
 */
function incrementBy(ctx: CommandContext, increment: bigint, incrementNumber: number | undefined): void {
  const key = argument(ctx, 1);
  ctx.step(1);
  const current = lookupStringWrite(ctx, key);
  if (current === WRONG_TYPE) return;
  const oldNumber = current === undefined ? 0 : current.safeIntegerValue();
  if (oldNumber !== undefined && incrementNumber !== undefined) {
    const sum = oldNumber + incrementNumber;
    // Exact: a rounded sum is a safe integer only when the exact one is.
    if (Number.isSafeInteger(sum)) {
      storeCounter(ctx, key, current, RedisString.fromSafeInteger(sum, sharingPolicy(ctx)));
      ctx.reply.integer(sum);
      return;
    }
  }
  const oldValue = current === undefined ? 0n : stringAsLongLong(current);
  if (oldValue === undefined) {
    ctx.reply.error(errors.notInteger);
    return;
  }
  const newValue = oldValue + increment;
  if (newValue > LLONG_MAX || newValue < LLONG_MIN) {
    ctx.reply.error(errors.overflow);
    return;
  }
  storeCounter(ctx, key, current, RedisString.fromLongLong(newValue, sharingPolicy(ctx)));
  // Same bytes either way; a safe number skips formatting a bigint through a string.
  ctx.reply.integer(newValue >= SAFE_INTEGER_MIN && newValue <= SAFE_INTEGER_MAX ? Number(newValue) : newValue);
}

/** The counter's new value in the keyspace, and what a change signals. */
function storeCounter(ctx: CommandContext, key: Buffer, current: RedisString | undefined, stored: RedisString): void {
  if (current === undefined) ctx.db.add(key, stored);
  else ctx.db.overwrite(key, stored);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'incrby', key);
  ctx.dirty();
}

/** An increment as a number when it is a safe integer, else undefined. */
function safeNumberOf(increment: bigint): number | undefined {
  return increment >= SAFE_INTEGER_MIN && increment <= SAFE_INTEGER_MAX ? Number(increment) : undefined;
}

/** INCR key */
export function incrCommand(ctx: CommandContext): void {
  incrementBy(ctx, 1n, 1);
}

/** DECR key */
export function decrCommand(ctx: CommandContext): void {
  incrementBy(ctx, -1n, -1);
}

/** INCRBY key increment */
export function incrbyCommand(ctx: CommandContext): void {
  const increment = getLongLongOrReply(ctx.reply, argument(ctx, 2));
  if (increment === undefined) return;
  incrementBy(ctx, increment, safeNumberOf(increment));
}

/** DECRBY key decrement: LLONG_MIN cannot be negated. */
export function decrbyCommand(ctx: CommandContext): void {
  const decrement = getLongLongOrReply(ctx.reply, argument(ctx, 2));
  if (decrement === undefined) return;
  if (decrement === LLONG_MIN) {
    ctx.reply.error('ERR decrement would overflow');
    return;
  }
  incrementBy(ctx, -decrement, safeNumberOf(-decrement));
}

/** INCRBYFLOAT key increment */
export function incrbyfloatCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  ctx.step(1);
  const current = lookupStringWrite(ctx, key);
  if (current === WRONG_TYPE) return;
  const oldValue = current === undefined ? longDoubleFromBigInt(0n) : stringAsLongDouble(current);
  if (oldValue === undefined) {
    ctx.reply.error(errors.notFloat);
    return;
  }
  const increment = getLongDoubleOrReply(ctx.reply, argument(ctx, 2));
  if (increment === undefined) return;
  const sum = addLongDouble(oldValue, increment);
  if (!isFiniteLongDouble(sum)) {
    ctx.reply.error(errors.nanOrInfinity);
    return;
  }
  const text = Buffer.from(formatHumanLongDouble(sum), 'latin1');
  const stored = RedisString.fromBytes(text);
  if (current === undefined) ctx.db.add(key, stored);
  else ctx.db.overwrite(key, stored);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'incrbyfloat', key);
  ctx.dirty();
  ctx.reply.bulk(text);
  ctx.propagateAs(['SET', key, text, 'KEEPTTL']);
}
