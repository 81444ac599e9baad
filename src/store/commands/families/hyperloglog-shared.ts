/** Lookups and write-back shared by the PF* commands (hyperloglog.c). */
import { WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { serverContext } from '../../server/execution-context.js';
import { HyperLogLog } from '../../types/hyperloglog.js';
import { isValidHyperLogLog } from '../../types/hyperloglog-layout.js';
import { RedisString } from '../../types/string.js';
import { lookupStringRead, lookupStringWrite, unshareStringValue } from './strings-shared.js';

export const invalidHyperLogLogError = '-INVALIDOBJ Corrupted HLL object detected';
export const notHyperLogLogError = '-WRONGTYPE Key is not a valid HyperLogLog string value.';

/** hll-sparse-max-bytes */
export function sparseBytesMax(ctx: CommandContext): number {
  return serverContext(ctx).node.config.integer('hll-sparse-max-bytes');
}

/** isHLLObjectOrReply's checks after the type check: an sds-encoded string in the HYLL format. */
function checkHyperLogLog(ctx: CommandContext, value: RedisString): boolean {
  if (value.encoding() === 'int' || !isValidHyperLogLog(value.bytes())) {
    ctx.reply.error(notHyperLogLogError);
    return false;
  }
  return true;
}

/** lookupKeyRead + isHLLObjectOrReply: a copy of the HLL, undefined for a missing key, WRONG_TYPE once replied. */
export function readHyperLogLog(ctx: CommandContext, key: Buffer): HyperLogLog | undefined | WrongType {
  const found = lookupStringRead(ctx, key);
  if (found === WRONG_TYPE || found === undefined) return found;
  if (!checkHyperLogLog(ctx, found)) return WRONG_TYPE;
  return HyperLogLog.fromBytes(found.bytes());
}

/** An HLL held by a key, to change and write back. */
export interface HeldHyperLogLog {
  readonly target: RedisString;
  readonly sketch: HyperLogLog;
}

/** lookupKeyWrite (or lookupKeyRead) + isHLLObjectOrReply + dbUnshareStringValue. */
export function holdHyperLogLog(ctx: CommandContext, key: Buffer, forRead = false): HeldHyperLogLog | undefined | WrongType {
  const found = forRead ? lookupStringRead(ctx, key) : lookupStringWrite(ctx, key);
  if (found === WRONG_TYPE || found === undefined) return found;
  if (!checkHyperLogLog(ctx, found)) return WRONG_TYPE;
  const target = unshareStringValue(ctx, key, found);
  return { target, sketch: HyperLogLog.fromBytes(target.bytes()) };
}

/** createHLLObject + dbAdd */
export function addEmptyHyperLogLog(ctx: CommandContext, key: Buffer): HeldHyperLogLog {
  const sketch = HyperLogLog.empty();
  const target = RedisString.rawFromBytes(sketch.bytes());
  ctx.db.add(key, target);
  return { target, sketch };
}

/**
 * Writes the working copy back into the key's raw string when it changed
 * (Redis edits the sds in place; a shorter result replaces the object).
 */
export function writeBack(ctx: CommandContext, key: Buffer, held: HeldHyperLogLog): void {
  if (!held.sketch.changed) return;
  const bytes = held.sketch.bytes();
  if (bytes.length >= held.target.byteLength()) held.target.writeAt(0, bytes);
  else ctx.db.overwrite(key, RedisString.rawFromBytes(bytes));
}
