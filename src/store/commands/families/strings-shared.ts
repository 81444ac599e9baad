/** Lookups and checks shared by the string and bit commands. */
import { assertDefined } from '../../../core/assert.js';
import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { errors } from '../errors.js';
import { asRedisString, RedisString } from '../../types/string.js';
import { protoMaxBulkLength } from './keyspace-settings.js';

/** lookupKeyRead + checkType(OBJ_STRING); WRONGTYPE is already replied when it returns WRONG_TYPE. */
export function lookupStringRead(ctx: CommandContext, key: Buffer): RedisString | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'string');
  return found === WRONG_TYPE || found === undefined ? found : asRedisString(found);
}

/** lookupKeyWrite + checkType(OBJ_STRING). */
export function lookupStringWrite(ctx: CommandContext, key: Buffer): RedisString | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'string');
  return found === WRONG_TYPE || found === undefined ? found : asRedisString(found);
}

/**
 * checkStringLength: a string of `size + append` bytes must fit
 * proto-max-bulk-len, except for the master link and the AOF loader.
 * Replies the error and returns false when it does not.
 */
export function checkStringLength(ctx: CommandContext, size: number, append: number): boolean {
  if (ctx.client.isMasterOrLoader) return true;
  if (size + append > protoMaxBulkLength(ctx)) {
    ctx.reply.error(errors.stringTooLong);
    return false;
  }
  return true;
}

/**
 * dbUnshareStringValue: a string about to change in place must be an
 * unshared raw one; otherwise a raw copy replaces it in the keyspace.
 */
export function unshareStringValue(ctx: CommandContext, key: Buffer, value: RedisString): RedisString {
  if (value.isMutableInPlace()) return value;
  const copy = RedisString.rawFromBytes(value.bytes());
  ctx.db.overwrite(key, copy);
  return copy;
}

/** GET's reply: the bytes of a string as a bulk reply. */
export function replyString(ctx: CommandContext, value: RedisString): void {
  ctx.reply.bulk(value.bytes());
}

/** `argv[index]`, which the arity check guarantees. */
export function argument(ctx: CommandContext, index: number): Buffer {
  const value = ctx.argv[index];
  // The message is built only when the contract breaks: formatting it per call costs more than a GET.
  if (value === undefined) return assertDefined(ctx.argv[index], `argument ${index} is present (command table arity)`);
  return value;
}

/**
 * strcasecmp of an argument against an ASCII option name. Like C, the
 * comparison stops at a NUL byte: "GET\0junk" reads as GET.
 */
export function isOption(data: Buffer | undefined, name: string): boolean {
  if (data === undefined) return false;
  const end = data.indexOf(0);
  const length = end === -1 ? data.length : end;
  if (length !== name.length) return false;
  for (let index = 0; index < length; index++) {
    if (asciiLower(data[index] as number) !== asciiLower(name.charCodeAt(index))) return false;
  }
  return true;
}

function asciiLower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 32 : code;
}
