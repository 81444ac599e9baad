/** RENAME, RENAMENX, MOVE and COPY (db.c): the value object moves (or is duplicated) with its TTL. */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import type { Db } from '../../keyspace/db.js';
import { getIntOrReply } from '../../types/number-parsing.js';
import { clusterEnabled, databaseAt, databaseCount, keyModifiedIn } from './keyspace-settings.js';
import { argument, isOption } from './strings-shared.js';

function renameGeneric(ctx: CommandContext, onlyIfAbsent: boolean): void {
  const source = argument(ctx, 1);
  const destination = argument(ctx, 2);
  ctx.step(1);
  const value = ctx.db.lookupWrite(source);
  if (value === undefined) {
    ctx.reply.error(errors.noKey);
    return;
  }
  if (source.equals(destination)) {
    if (onlyIfAbsent) ctx.reply.integer(0);
    else ctx.reply.ok();
    return;
  }
  const expireAtMs = ctx.db.getExpire(source);
  if (ctx.db.lookupWrite(destination) !== undefined) {
    if (onlyIfAbsent) {
      ctx.reply.integer(0);
      return;
    }
    ctx.db.delete(destination);
  }
  ctx.db.add(destination, value);
  if (expireAtMs !== undefined) ctx.db.setExpire(destination, expireAtMs);
  ctx.db.delete(source);
  ctx.keyModified(source);
  ctx.keyModified(destination);
  ctx.notifyKeyspaceEvent('generic', 'rename_from', source);
  ctx.notifyKeyspaceEvent('generic', 'rename_to', destination);
  ctx.dirty();
  if (onlyIfAbsent) ctx.reply.integer(1);
  else ctx.reply.ok();
}

/** RENAME key newkey */
export function renameCommand(ctx: CommandContext): void {
  renameGeneric(ctx, false);
}

/** RENAMENX key newkey */
export function renamenxCommand(ctx: CommandContext): void {
  renameGeneric(ctx, true);
}

/** selectDb's check: the index names one of the databases; else replies the error. */
function targetDatabase(ctx: CommandContext, argumentIndex: number): Db | undefined {
  const index = getIntOrReply(ctx.reply, argument(ctx, argumentIndex));
  if (index === undefined) return undefined;
  if (index < 0 || index >= databaseCount(ctx)) {
    ctx.reply.error(errors.dbIndexOutOfRange);
    return undefined;
  }
  return databaseAt(ctx, index);
}

/** MOVE key db */
export function moveCommand(ctx: CommandContext): void {
  if (clusterEnabled(ctx)) {
    ctx.reply.error('ERR MOVE is not allowed in cluster mode');
    return;
  }
  const key = argument(ctx, 1);
  const target = targetDatabase(ctx, 2);
  if (target === undefined) return;
  if (target.id === ctx.db.id) {
    ctx.reply.error(errors.sameObject);
    return;
  }
  ctx.step(1);
  const value = ctx.db.lookupWrite(key);
  if (value === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const expireAtMs = ctx.db.getExpire(key);
  if (target.lookupWrite(key) !== undefined) {
    ctx.reply.integer(0);
    return;
  }
  target.add(key, value);
  if (expireAtMs !== undefined) target.setExpire(key, expireAtMs);
  ctx.db.delete(key);
  ctx.keyModified(key);
  keyModifiedIn(ctx, target, key);
  ctx.notifyKeyspaceEvent('generic', 'move_from', key);
  ctx.notifyKeyspaceEvent('generic', 'move_to', key, target.id);
  ctx.dirty();
  ctx.reply.integer(1);
}

interface CopyOptions {
  readonly target: Db;
  readonly replace: boolean;
}

function parseCopyOptions(ctx: CommandContext): CopyOptions | undefined {
  let target: Db = ctx.db;
  let replace = false;
  for (let index = 3; index < ctx.argv.length; index++) {
    const option = ctx.argv[index];
    if (isOption(option, 'REPLACE')) replace = true;
    else if (isOption(option, 'DB') && index + 1 < ctx.argv.length) {
      const chosen = targetDatabase(ctx, index + 1);
      if (chosen === undefined) return undefined;
      target = chosen;
      index++;
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return { target, replace };
}

/** COPY source destination [DB index] [REPLACE]: the copy keeps the TTL and the encoding. */
export function copyCommand(ctx: CommandContext): void {
  const options = parseCopyOptions(ctx);
  if (options === undefined) return;
  const { target, replace } = options;
  if (clusterEnabled(ctx) && (ctx.db.id !== 0 || target.id !== 0)) {
    ctx.reply.error('ERR Copying to another database is not allowed in cluster mode');
    return;
  }
  const source = argument(ctx, 1);
  const destination = argument(ctx, 2);
  if (target.id === ctx.db.id && source.equals(destination)) {
    ctx.reply.error(errors.sameObject);
    return;
  }
  ctx.step(1);
  const value = ctx.db.lookupRead(source);
  if (value === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const expireAtMs = ctx.db.getExpire(source);
  const exists = target.lookupWrite(destination) !== undefined;
  if (exists && !replace) {
    ctx.reply.integer(0);
    return;
  }
  const copy = value.clone();
  if (exists) target.delete(destination);
  target.add(destination, copy);
  if (expireAtMs !== undefined) target.setExpire(destination, expireAtMs);
  keyModifiedIn(ctx, target, destination);
  ctx.notifyKeyspaceEvent('generic', 'copy_to', destination, target.id);
  ctx.dirty();
  ctx.reply.integer(1);
}
