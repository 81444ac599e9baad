import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { errors } from '../errors.js';
import { asZsetValue, type ZsetValue } from '../../types/zset.js';
import { parseLexRange, parseScoreRange, type LexRange, type ScoreRange } from '../../types/zset-range-spec.js';

/** lookupKeyRead + checkType for a zset (WRONGTYPE already replied when it returns WRONG_TYPE). */
export function lookupZsetRead(ctx: CommandContext, key: Buffer): ZsetValue | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'zset');
  return found === WRONG_TYPE || found === undefined ? found : asZsetValue(found);
}

/** lookupKeyWrite + checkType for a zset. */
export function lookupZsetWrite(ctx: CommandContext, key: Buffer): ZsetValue | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'zset');
  return found === WRONG_TYPE || found === undefined ? found : asZsetValue(found);
}

/** zslParseRange or `ERR min or max is not a float`. */
export function parseScoreRangeOrReply(ctx: CommandContext, min: Buffer, max: Buffer): ScoreRange | undefined {
  const range = parseScoreRange(min, max);
  if (range === undefined) ctx.reply.error(errors.minMaxNotFloat);
  return range;
}

/** zslParseLexRange or `ERR min or max not valid string range item`. */
export function parseLexRangeOrReply(ctx: CommandContext, min: Buffer, max: Buffer): LexRange | undefined {
  const range = parseLexRange(min, max);
  if (range === undefined) ctx.reply.error(errors.minMaxNotStringRange);
  return range;
}

/** strcasecmp of an argument (as a C string, up to a NUL) with a lowercase ASCII keyword. */
export function isKeyword(argument: Buffer | undefined, keyword: string): boolean {
  if (argument === undefined || argument.length < keyword.length) return false;
  // Byte by byte, without decoding: for a lowercase letter, `byte | 0x20` matches only that letter in either case.
  for (let index = 0; index < keyword.length; index++) {
    const byte = argument[index] as number;
    const wanted = keyword.charCodeAt(index);
    if (byte !== wanted && (byte | 0x20) !== wanted) return false;
  }
  return argument.length === keyword.length || argument[keyword.length] === 0;
}
