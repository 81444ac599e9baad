/** The in-place string edits: APPEND and SETRANGE (both leave a raw string). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import { RedisString } from '../../types/string.js';
import { sharingPolicy } from './keyspace-settings.js';
import { argument, checkStringLength, lookupStringWrite, unshareStringValue } from './strings-shared.js';

/** APPEND key value: a new key gets the value as SET would encode it. */
export function appendCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  const addition = argument(ctx, 2);
  ctx.step(1 + addition.length);
  const current = lookupStringWrite(ctx, key);
  if (current === WRONG_TYPE) return;
  let totalLength: number;
  if (current === undefined) {
    const created = RedisString.encoded(addition, sharingPolicy(ctx));
    ctx.db.add(key, created);
    totalLength = created.byteLength();
  } else {
    if (!checkStringLength(ctx, current.byteLength(), addition.length)) return;
    const target = unshareStringValue(ctx, key, current);
    target.append(addition);
    totalLength = target.byteLength();
  }
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'append', key);
  ctx.dirty();
  ctx.reply.integer(totalLength);
}

/** SETRANGE key offset value: zero-pads up to the offset. */
export function setrangeCommand(ctx: CommandContext): void {
  const key = argument(ctx, 1);
  const data = argument(ctx, 3);
  const offset = getLongOrReply(ctx.reply, argument(ctx, 2));
  if (offset === undefined) return;
  if (offset < 0) {
    ctx.reply.error('ERR offset is out of range');
    return;
  }
  ctx.step(1);
  const current = lookupStringWrite(ctx, key);
  if (current === WRONG_TYPE) return;
  let target: RedisString;
  if (current === undefined) {
    if (data.length === 0) {
      ctx.reply.integer(0);
      return;
    }
    if (!checkStringLength(ctx, offset, data.length)) return;
    target = RedisString.zeroed(offset + data.length);
    ctx.db.add(key, target);
  } else {
    if (data.length === 0) {
      ctx.reply.integer(current.byteLength());
      return;
    }
    if (!checkStringLength(ctx, offset, data.length)) return;
    target = unshareStringValue(ctx, key, current);
  }
  ctx.step(Math.max(0, offset + data.length - target.byteLength()) + data.length);
  target.writeAt(offset, data);
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('string', 'setrange', key);
  ctx.dirty();
  ctx.reply.integer(target.byteLength());
}
