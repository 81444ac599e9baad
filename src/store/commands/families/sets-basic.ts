import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { asSetValue, SetValue } from '../../types/set.js';
import { lookupSetRead, lookupSetWrite, stepsOf } from './sets-shared.js';

/** SADD key member [member ...] */
export function saddCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const found = lookupSetWrite(ctx, key);
  if (found === WRONG_TYPE) return;
  let set = found;
  if (set === undefined) {
    set = new SetValue();
    ctx.db.add(key, set);
  }
  const step = stepsOf(ctx);
  let added = 0;
  for (let index = 2; index < ctx.argv.length; index++) {
    if (set.add(ctx.argv[index] as Buffer, ctx.encodingConfig, step)) added++;
  }
  if (added > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('set', 'sadd', key);
    ctx.dirty(added);
  }
  ctx.reply.integer(added);
}

/** SREM key member [member ...]: stops at the member that empties the set (which deletes the key). */
export function sremCommand(ctx: CommandContext): void {
  const key = ctx.argv[1] as Buffer;
  const set = lookupSetWrite(ctx, key);
  if (set === WRONG_TYPE) return;
  if (set === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const step = stepsOf(ctx);
  let deleted = 0;
  for (const member of ctx.argv.slice(2)) {
    if (!set.remove(member, step)) continue;
    deleted++;
    if (set.size() === 0) {
      ctx.db.delete(key);
      break;
    }
  }
  if (deleted > 0) {
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('set', 'srem', key);
    if (set.size() === 0) ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty(deleted);
  }
  ctx.reply.integer(deleted);
}

/** SMOVE source destination member */
export function smoveCommand(ctx: CommandContext): void {
  const [, sourceKey, destinationKey, member] = ctx.argv as [Buffer, Buffer, Buffer, Buffer];
  const source = ctx.db.lookupWrite(sourceKey);
  const destination = ctx.db.lookupWrite(destinationKey);
  if (source === undefined) {
    ctx.reply.integer(0);
    return;
  }
  if (source.type !== 'set' || (destination !== undefined && destination.type !== 'set')) {
    ctx.reply.error(errors.wrongType);
    return;
  }
  const step = stepsOf(ctx);
  const sourceSet = asSetValue(source);
  if (source === destination) {
    ctx.reply.integer(sourceSet.has(member, step) ? 1 : 0);
    return;
  }
  if (!sourceSet.remove(member, step)) {
    ctx.reply.integer(0);
    return;
  }
  ctx.notifyKeyspaceEvent('set', 'srem', sourceKey);
  if (sourceSet.size() === 0) {
    ctx.db.delete(sourceKey);
    ctx.notifyKeyspaceEvent('generic', 'del', sourceKey);
  }
  let target = destination === undefined ? undefined : asSetValue(destination);
  if (target === undefined) {
    target = new SetValue();
    ctx.db.add(destinationKey, target);
  }
  ctx.keyModified(sourceKey);
  ctx.dirty();
  if (target.add(member, ctx.encodingConfig, step)) {
    ctx.dirty();
    ctx.keyModified(destinationKey);
    ctx.notifyKeyspaceEvent('set', 'sadd', destinationKey);
  }
  ctx.reply.integer(1);
}

/** SISMEMBER key member */
export function sismemberCommand(ctx: CommandContext): void {
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  ctx.reply.integer(set !== undefined && set.has(ctx.argv[2] as Buffer, stepsOf(ctx)) ? 1 : 0);
}

/** SMISMEMBER key member [member ...]: a missing key is an empty set. */
export function smismemberCommand(ctx: CommandContext): void {
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  const step = stepsOf(ctx);
  ctx.reply.arrayHeader(ctx.argv.length - 2);
  for (const member of ctx.argv.slice(2)) ctx.reply.integer(set !== undefined && set.has(member, step) ? 1 : 0);
}

/** SCARD key */
export function scardCommand(ctx: CommandContext): void {
  const set = lookupSetRead(ctx, ctx.argv[1] as Buffer);
  if (set === WRONG_TYPE) return;
  ctx.reply.integer(set === undefined ? 0 : set.size());
}
