import type { CommandSpec } from '../commands/command.js';
import { errors } from '../commands/errors.js';
import type { Client } from './client.js';
import { lookupCommand } from './command-lookup.js';
import { isAuthRequired } from './event-loop.js';
import { ExecutionContext } from './execution-context.js';
import { oomError, performEvictions } from './eviction.js';
import type { StoreNode } from './node.js';
import { plantedHandler } from './planted-bugs.js';

/** Commands that run immediately inside MULTI instead of being queued. */
const RUN_INSIDE_MULTI: ReadonlySet<string> = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands allowed in RESP2 subscribed mode. */
const ALLOWED_WHILE_SUBSCRIBED: ReadonlySet<string> = new Set(['ping', 'subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe', 'quit', 'reset']);

/** processCommand (server.c), in Redis's order of checks. */
export function processCommand(node: StoreNode, client: Client, argv: Buffer[]): void {
  const commandName = (argv[0] as Buffer).toString('latin1').toLowerCase();
  if (commandName === 'host:' || commandName === 'post') {
    node.env.log('warning', 'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis.');
    client.closeAsap = true;
    return;
  }
  const found = lookupCommand(node.commandTable, argv, commandName);
  if ('error' in found) {
    client.lastCommandName = found.spec?.name ?? 'NULL';
    rejectCommand(node, client, found.spec, found.error);
    return;
  }
  const spec = found.spec;
  client.lastCommandName = spec.name;
  const refusal = refusalFor(node, client, spec);
  if (refusal !== undefined) {
    rejectCommand(node, client, spec, refusal);
    return;
  }
  if (client.multi !== undefined && !RUN_INSIDE_MULTI.has(spec.name)) {
    if (!client.multiDirtyExec && !client.watchDirty) client.multi.push({ spec, argv });
    client.reply.status('QUEUED');
    return;
  }
  call(node, client, spec, argv, { canBlock: client.kind === 'normal' || client.kind === 'replica' });
  if (node.blocking.hasReadyKeys()) node.handleClientsBlockedOnKeys();
}

/** The checks after lookup and arity: DEBUG protection, auth, MULTI, guards, read-only replica, pub/sub mode. */
function refusalFor(node: StoreNode, client: Client, spec: CommandSpec): string | undefined {
  if (spec.name.startsWith('debug') && node.config.get('enable-debug-command') === 'no') {
    return 'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.';
  }
  if (isAuthRequired(node, client) && !spec.flags.includes('no_auth')) return errors.noAuth;
  if (client.multi !== undefined && spec.flags.includes('no_multi')) return 'ERR Command not allowed inside a transaction';
  if (outOfMemoryRefuses(node, client, spec)) return oomError;
  for (const guard of node.commandGuards) {
    const refused = guard(client, spec);
    if (refused !== undefined) return refused;
  }
  const isWrite = spec.flags.includes('write') || (spec.name === 'exec' && queuedFlag(client, 'write'));
  if (node.isReplica && node.config.flag('replica-read-only') && client.kind !== 'master' && isWrite) return errors.readOnlyReplica;
  if (client.inPubSub && !ALLOWED_WHILE_SUBSCRIBED.has(spec.name)) {
    return `ERR Can't execute '${spec.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
  }
  return undefined;
}

/**
 * The maxmemory check: evictions run first; a command that may grow memory
 * (denyoom, or EXEC of one) is refused when memory stays over the limit, and
 * inside MULTI so is every command that would be queued.
 */
function outOfMemoryRefuses(node: StoreNode, client: Client, spec: CommandSpec): boolean {
  if (node.config.integer('maxmemory') === 0) return false;
  if (performEvictions(node, node.evictionRng) === 'ok') return false;
  const deniedOnOom = spec.flags.includes('denyoom') || (spec.name === 'exec' && queuedFlag(client, 'denyoom'));
  return deniedOnOom || (client.multi !== undefined && !['exec', 'discard', 'quit', 'reset'].includes(spec.name));
}

/** True if a queued command of the client's transaction has the flag (mstate.cmd_flags). */
export function queuedFlag(client: Client, flag: CommandSpec['flags'][number]): boolean {
  return (client.multi ?? []).some((queued) => queued.spec.flags.includes(flag));
}

/** rejectCommand: flags the transaction, counts the rejection; EXEC itself aborts with EXECABORT. */
export function rejectCommand(node: StoreNode, client: Client, spec: CommandSpec | undefined, error: string): void {
  if (client.multi !== undefined) client.multiDirtyExec = true;
  if (spec !== undefined) node.stats.commandStats(spec.name).rejectedCalls++;
  if (spec?.name === 'exec') {
    execAbort(node, client, error);
    return;
  }
  client.reply.error(error);
}

/**
 * execCommandAbort: discards the transaction and replies -EXECABORT with the
 * reason. Redis's own rejection texts carry no `ERR ` (only other codes such
 * as NOAUTH or READONLY), so it is dropped here.
 */
export function execAbort(node: StoreNode, client: Client, error: string): void {
  discardTransaction(node, client);
  const withoutDash = error.startsWith('-') ? error.slice(1) : error;
  const reason = withoutDash.startsWith('ERR ') ? withoutDash.slice(4) : withoutDash;
  client.reply.error(`-EXECABORT Transaction discarded because of: ${reason}`);
}

export function discardTransaction(node: StoreNode, client: Client): void {
  client.multi = undefined;
  client.multiDirtyExec = false;
  client.watchDirty = false;
  node.watches.unwatchAll(client);
}

/**
 * call (server.c): runs the handler with a fixed reference time, counts
 * stats and steps, records the command's propagation (its argv or the form
 * the handler set) after any lazy-expiry DELs it caused, and at the top level
 * flushes the propagation unit.
 */
export function call(node: StoreNode, client: Client, spec: CommandSpec, argv: readonly Buffer[], options: { readonly canBlock: boolean; readonly inTransaction?: boolean }): ExecutionContext {
  node.enterFixedTime();
  node.callDepth++;
  const previousClient = node.currentClient;
  node.currentClient = client;
  const errorsBefore = client.reply.errorsWritten();
  const ctx = new ExecutionContext(node, client, spec, argv, options.canBlock && client.multi === undefined);
  ctx.executingTransaction = options.inTransaction === true;
  try {
    (plantedHandler(node, spec) ?? spec.handler)(ctx);
  } finally {
    node.callDepth--;
    node.leaveFixedTime();
    node.currentClient = previousClient;
  }
  const stats = node.stats.commandStats(spec.name);
  stats.calls++;
  if (client.reply.errorsWritten() > errorsBefore) stats.failedCalls++;
  node.stats.numCommands++;
  node.countCall(spec.name);
  recordPropagation(node, ctx, client.dbIndex);
  if (node.callDepth === 0) node.propagator.flush({ commandName: spec.name });
  return ctx;
}

/** alsoPropagate of a finished command: its argv (or propagateAs form) if it dirtied the dataset. */
export function recordPropagation(node: StoreNode, ctx: ExecutionContext, dbId: number): void {
  if (ctx.propagationPrevented || ctx.spec.name === 'exec' || ctx.clientState.kind === 'loader') return;
  if (ctx.dirtyCount === 0) {
    if (ctx.forcedPropagation !== undefined) node.propagator.alsoPropagate(dbId, ctx.argv, ctx.forcedPropagation);
    return;
  }
  const forms = ctx.propagatedForm ?? [ctx.argv];
  for (const form of forms) node.propagator.alsoPropagate(dbId, form);
}
