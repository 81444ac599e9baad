import type { CommandContext } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { parseStrictInteger } from '../../protocol/integer-text.js';

/** getLongLongFromObjectOrReply: a strict 64-bit integer, or replies the error and returns undefined. */
export function integerArgument(ctx: CommandContext, index: number, message: string = errors.notInteger): bigint | undefined {
  const argument = ctx.argv[index] as Buffer;
  const value = parseStrictInteger(argument, 0, argument.length);
  if (value === undefined) ctx.reply.error(message);
  return value;
}

/** getIntFromObjectOrReply / getLongFromObjectOrReply with range checks, as a JS number. */
export function boundedIntegerArgument(ctx: CommandContext, index: number, min: number, max: number, message: string = errors.notInteger): number | undefined {
  const value = integerArgument(ctx, index, message);
  if (value === undefined) return undefined;
  if (value < BigInt(min) || value > BigInt(max)) {
    ctx.reply.error(message);
    return undefined;
  }
  return Number(value);
}
