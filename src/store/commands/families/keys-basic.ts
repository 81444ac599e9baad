/** DEL, UNLINK, EXISTS, TOUCH, TYPE (db.c, expire.c). */
import type { CommandContext } from '../command.js';
import { expireIfNeeded } from './keyspace-settings.js';
import { argument } from './strings-shared.js';

/**
 * DEL / UNLINK key [key ...]: an expired key is first expired (and its DEL
 * propagated by the expiry), so it does not count as deleted.
 */
export function delCommand(ctx: CommandContext): void {
  let deleted = 0;
  for (let index = 1; index < ctx.argv.length; index++) {
    const key = argument(ctx, index);
    ctx.step(1);
    expireIfNeeded(ctx, key);
    if (!ctx.db.delete(key)) continue;
    ctx.keyModified(key);
    ctx.notifyKeyspaceEvent('generic', 'del', key);
    ctx.dirty();
    deleted++;
  }
  ctx.reply.integer(deleted);
}

/** EXISTS key [key ...]: a key named twice counts twice. */
export function existsCommand(ctx: CommandContext): void {
  let count = 0;
  for (let index = 1; index < ctx.argv.length; index++) {
    ctx.step(1);
    if (ctx.db.lookupRead(argument(ctx, index), { noTouch: true }) !== undefined) count++;
  }
  ctx.reply.integer(count);
}

/** TOUCH key [key ...]: a read lookup updates the access time. */
export function touchCommand(ctx: CommandContext): void {
  let touched = 0;
  for (let index = 1; index < ctx.argv.length; index++) {
    ctx.step(1);
    if (ctx.db.lookupRead(argument(ctx, index)) !== undefined) touched++;
  }
  ctx.reply.integer(touched);
}

/** TYPE key: string, list, set, zset, hash, or none. */
export function typeCommand(ctx: CommandContext): void {
  ctx.step(1);
  const value = ctx.db.lookupRead(argument(ctx, 1), { noTouch: true });
  ctx.reply.status(value === undefined ? 'none' : value.type);
}
