import type { CommandContext, CommandSpec } from '../command.js';
import { errors } from '../errors.js';
import { keyless } from '../../server/commands/spec.js';
import { call, discardTransaction } from '../../server/dispatch.js';
import { serverContext } from '../../server/execution-context.js';

function multi(ctx: CommandContext): void {
  const { clientState } = serverContext(ctx);
  if (clientState.multi !== undefined) {
    ctx.reply.error('ERR MULTI calls can not be nested');
    return;
  }
  clientState.multi = [];
  ctx.reply.ok();
}

function discard(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (clientState.multi === undefined) {
    ctx.reply.error('ERR DISCARD without MULTI');
    return;
  }
  discardTransaction(node, clientState);
  ctx.reply.ok();
}

/**
 * EXEC (multi.c): aborts on a queueing error (EXECABORT) or a touched or
 * expired watched key (null array); otherwise runs the queued commands with
 * blocking denied, replying an array of their replies. Runtime errors do not
 * roll back. What the commands propagate is one unit, wrapped in MULTI/EXEC
 * when it holds more than one command.
 */
function exec(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  const queued = clientState.multi;
  if (queued === undefined) {
    ctx.reply.error('ERR EXEC without MULTI');
    return;
  }
  if (node.watches.isWatchedKeyExpired(clientState)) clientState.watchDirty = true;
  if (clientState.multiDirtyExec || clientState.watchDirty) {
    if (clientState.multiDirtyExec) ctx.reply.error(errors.execAbort);
    else ctx.reply.nullArray();
    discardTransaction(node, clientState);
    return;
  }
  node.watches.unwatchAll(clientState);
  ctx.reply.arrayHeader(queued.length);
  for (const command of queued) call(node, clientState, command.spec, command.argv, { canBlock: false, inTransaction: true });
  discardTransaction(node, clientState);
}

function watch(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (clientState.multi !== undefined) {
    ctx.reply.error('ERR WATCH inside MULTI is not allowed');
    return;
  }
  if (!clientState.watchDirty) {
    for (const key of ctx.argv.slice(1)) node.watches.watch(clientState, key);
  }
  ctx.reply.ok();
}

function unwatch(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  node.watches.unwatchAll(clientState);
  clientState.watchDirty = false;
  ctx.reply.ok();
}

export const transactionCommands: readonly CommandSpec[] = [
  keyless('multi', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], ['fast', 'transaction'], multi),
  keyless('exec', 1, ['noscript', 'loading', 'stale', 'skip_slowlog'], ['slow', 'transaction'], exec),
  keyless('discard', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], ['fast', 'transaction'], discard),
  { ...keyless('watch', -2, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], ['fast', 'transaction'], watch), firstKey: 1, lastKey: -1, keyStep: 1 },
  keyless('unwatch', 1, ['noscript', 'loading', 'stale', 'fast', 'allow_busy'], ['fast', 'transaction'], unwatch),
];
