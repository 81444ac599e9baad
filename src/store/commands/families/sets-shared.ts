import { lookupReadOfType, lookupWriteOfType, WRONG_TYPE, type CommandContext, type WrongType } from '../command.js';
import type { RedisObject } from '../../keyspace/object.js';
import { asSetValue, type SetValue, type StepCounter } from '../../types/set.js';

/** ctx.step as the data structures take it. */
export function stepsOf(ctx: CommandContext): StepCounter {
  return (count: number) => ctx.step(count);
}

/**
 * How the *STORE commands finish (setKey or dbDelete): a non-empty result
 * replaces the destination (dropping its TTL) and replies its size; an empty
 * one deletes the destination and replies 0. Returns true when the key was added anew.
 */
export function storeOrDeleteDestination(ctx: CommandContext, destination: Buffer, result: RedisObject, resultSize: number): boolean {
  if (resultSize > 0) {
    const existed = ctx.db.lookupWrite(destination) !== undefined;
    ctx.db.set(destination, result);
    ctx.keyModified(destination);
    // SINTERSTORE, ZUNIONSTORE, ZRANGESTORE...: the event is the command's own name.
    ctx.notifyKeyspaceEvent(result.type === 'set' ? 'set' : 'zset', (ctx.argv[0] as Buffer).toString('latin1').toLowerCase(), destination);
    ctx.dirty();
    ctx.reply.integer(resultSize);
    return !existed;
  }
  ctx.reply.integer(0);
  if (ctx.db.delete(destination)) {
    ctx.keyModified(destination);
    ctx.notifyKeyspaceEvent('generic', 'del', destination);
    ctx.dirty();
  }
  return false;
}

/** `*0`: Redis's shared.emptyarray. */
export function replyEmptyArray(ctx: CommandContext): void {
  ctx.reply.arrayHeader(0);
}

/** Redis's shared.emptyset: `~0` in RESP3, `*0` in RESP2. */
export function replyEmptySet(ctx: CommandContext): void {
  ctx.reply.setHeader(0);
}

/** lookupKeyRead + checkType for a set (WRONGTYPE already replied when it returns WRONG_TYPE). */
export function lookupSetRead(ctx: CommandContext, key: Buffer): SetValue | undefined | WrongType {
  const found = lookupReadOfType(ctx, key, 'set');
  return found === WRONG_TYPE || found === undefined ? found : asSetValue(found);
}

/** lookupKeyWrite + checkType for a set. */
export function lookupSetWrite(ctx: CommandContext, key: Buffer): SetValue | undefined | WrongType {
  const found = lookupWriteOfType(ctx, key, 'set');
  return found === WRONG_TYPE || found === undefined ? found : asSetValue(found);
}

/**
 * genericGetKeys for the numkeys-style commands: numkeys (read with atoi) at
 * `numkeysIndex`, the keys after it, the destination first when there is one
 * (COMMAND GETKEYS order); no keys when numkeys is out of range.
 */
export function keysAfterNumkeys(numkeysIndex: number, destinationIndex?: number): (argv: readonly Buffer[]) => number[] {
  return (argv) => {
    const numkeys = Number.parseInt((argv[numkeysIndex] ?? Buffer.alloc(0)).toString('latin1'), 10);
    const firstKey = numkeysIndex + 1;
    if (!Number.isInteger(numkeys) || numkeys < 1 || numkeys > argv.length - firstKey) return [];
    const positions = Array.from({ length: numkeys }, (_, index) => firstKey + index);
    return destinationIndex === undefined ? positions : [destinationIndex, ...positions];
  };
}
