/** SETBIT and GETBIT (bitops.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { getLongOrReply } from '../../types/number-parsing.js';
import { bitOffsetOrReply, stringForBitWrite } from './bits-shared.js';
import { argument, lookupStringRead } from './strings-shared.js';

const bitValueError = 'ERR bit is not an integer or out of range';

/** SETBIT key offset 0|1: replies the previous bit; the string becomes raw. */
export function setbitCommand(ctx: CommandContext): void {
  const offset = bitOffsetOrReply(ctx, argument(ctx, 2));
  if (offset === undefined) return;
  const on = getLongOrReply(ctx.reply, argument(ctx, 3), bitValueError);
  if (on === undefined) return;
  if (on !== 0 && on !== 1) {
    ctx.reply.error(bitValueError);
    return;
  }
  ctx.step(1);
  const target = stringForBitWrite(ctx, offset);
  if (target === WRONG_TYPE) return;
  const byteIndex = Number(offset >> 3n);
  const shift = 7 - Number(offset & 7n);
  const byte = target.value.byteAt(byteIndex);
  const previous = (byte >> shift) & 1;
  if (target.grew || previous !== on) {
    target.value.setByte(byteIndex, (byte & ~(1 << shift)) | (on << shift));
    ctx.keyModified(argument(ctx, 1));
    ctx.notifyKeyspaceEvent('string', 'setbit', argument(ctx, 1));
    ctx.dirty();
  }
  ctx.reply.integer(previous);
}

/** GETBIT key offset: 0 beyond the end and for a missing key. */
export function getbitCommand(ctx: CommandContext): void {
  const offset = bitOffsetOrReply(ctx, argument(ctx, 2));
  if (offset === undefined) return;
  ctx.step(1);
  const value = lookupStringRead(ctx, argument(ctx, 1));
  if (value === WRONG_TYPE) return;
  if (value === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const byteIndex = offset >> 3n;
  const byte = byteIndex < BigInt(value.byteLength()) ? value.byteAt(Number(byteIndex)) : 0;
  ctx.reply.integer((byte >> (7 - Number(offset & 7n))) & 1);
}
