/** Lookups shared by the hash commands (t_hash.c). */
import { assertDefined } from '../../../core/assert.js';
import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import { asHashValue, HashValue, type StepCounter } from '../../types/hash.js';

/** `argv[index]`, which the arity check guarantees. */
export function argumentAt(ctx: CommandContext, index: number): Buffer {
  return assertDefined(ctx.argv[index], 'the arity check guarantees the argument');
}

/** ctx.step as the data structures take it. */
export function stepsOf(ctx: CommandContext): StepCounter {
  return (count: number) => ctx.step(count);
}

/** lookupKeyRead + checkType(OBJ_HASH); WRONGTYPE is already replied when it returns WRONG_TYPE. */
export function lookupHashRead(ctx: CommandContext, key: Buffer): HashValue | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'hash');
  return found === WRONG_TYPE || found === undefined ? found : asHashValue(found);
}

/** lookupKeyWrite + checkType(OBJ_HASH). */
export function lookupHashWrite(ctx: CommandContext, key: Buffer): HashValue | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'hash');
  return found === WRONG_TYPE || found === undefined ? found : asHashValue(found);
}

/** hashTypeLookupWriteOrCreate: a missing key gets a new (listpack) hash at once. */
export function lookupHashWriteOrCreate(ctx: CommandContext, key: Buffer): HashValue | WrongType {
  const found = lookupHashWrite(ctx, key);
  if (found !== undefined) return found;
  const hash = new HashValue();
  ctx.db.add(key, hash);
  return hash;
}
