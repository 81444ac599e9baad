/** LPUSH, RPUSH, LPUSHX, RPUSHX and LINSERT (t_list.c). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import type { ListEnd } from '../../types/list.js';
import { argumentAt, listForPush, listPushed, lookupListWrite } from './lists-shared.js';

/** pushGenericCommand: `onlyIfExists` is the X of LPUSHX/RPUSHX. */
function pushGeneric(ctx: CommandContext, end: ListEnd, onlyIfExists: boolean): void {
  const key = argumentAt(ctx, 1);
  const existing = lookupListWrite(ctx, key);
  if (existing === WRONG_TYPE) return;
  if (existing === undefined && onlyIfExists) {
    ctx.reply.integer(0);
    return;
  }
  const list = listForPush(ctx, key, existing);
  for (let index = 2; index < ctx.argv.length; index++) list.push(argumentAt(ctx, index), end);
  ctx.step(ctx.argv.length - 2);
  ctx.dirty(ctx.argv.length - 2);
  ctx.reply.integer(list.length());
  listPushed(ctx, key);
  ctx.notifyKeyspaceEvent('list', end === 'head' ? 'lpush' : 'rpush', key);
}

/** LPUSH key element [element ...] */
export function lpushCommand(ctx: CommandContext): void {
  pushGeneric(ctx, 'head', false);
}

/** RPUSH key element [element ...] */
export function rpushCommand(ctx: CommandContext): void {
  pushGeneric(ctx, 'tail', false);
}

/** LPUSHX key element [element ...] */
export function lpushxCommand(ctx: CommandContext): void {
  pushGeneric(ctx, 'head', true);
}

/** RPUSHX key element [element ...] */
export function rpushxCommand(ctx: CommandContext): void {
  pushGeneric(ctx, 'tail', true);
}

/** LINSERT key BEFORE|AFTER pivot element: -1 when the pivot is missing, 0 when the key is. */
export function linsertCommand(ctx: CommandContext): void {
  const where = argumentAt(ctx, 2).toString('latin1').toLowerCase();
  if (where !== 'after' && where !== 'before') {
    ctx.reply.error(errors.syntax);
    return;
  }
  const key = argumentAt(ctx, 1);
  const list = lookupListWrite(ctx, key);
  if (list === WRONG_TYPE) return;
  if (list === undefined) {
    ctx.reply.integer(0);
    return;
  }
  const pivotPosition = list.indexOf(argumentAt(ctx, 3));
  ctx.step(pivotPosition === -1 ? list.length() : pivotPosition + 1);
  if (pivotPosition === -1) {
    ctx.reply.integer(-1);
    return;
  }
  list.insertAt(where === 'after' ? pivotPosition + 1 : pivotPosition, argumentAt(ctx, 4));
  ctx.keyModified(key);
  ctx.notifyKeyspaceEvent('list', 'linsert', key);
  ctx.dirty();
  ctx.reply.integer(list.length());
}
