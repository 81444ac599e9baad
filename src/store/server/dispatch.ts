import type { CommandSpec } from '../commands/command.js';
import { errors } from '../commands/errors.js';
import type { Client } from './client.js';
import { commandNameOf, lookupCommand } from './command-lookup.js';
import { currentCommandRecord } from './command-records.js';
import { commandFinished, commandStarting } from './command-observers.js';
import { commandTraits, type CommandTraits } from './command-traits.js';
import { isAuthRequired } from './event-loop.js';
import { ExecutionContext } from './execution-context.js';
import { oomError, performEvictions } from './eviction.js';
import type { StoreNode } from './node.js';
import { plantedHandler } from './planted-bugs.js';
import { clientPauseUse, existingClientPause } from './client-pause.js';
import { mayReplicate } from './pause-command-flags.js';

/** The last table lookup (table, lowercase name, spec): pipelines repeat one command. */
let lastLookupTable: ReadonlyMap<string, CommandSpec> | undefined;
let lastLookupName = '';
let lastLookupSpec: CommandSpec | undefined;

function baseSpecNamed(table: ReadonlyMap<string, CommandSpec>, commandName: string): CommandSpec | undefined {
  if (commandName === lastLookupName && table === lastLookupTable) return lastLookupSpec;
  const base = table.get(commandName);
  lastLookupTable = table;
  lastLookupName = commandName;
  lastLookupSpec = base;
  return base;
}

/** processCommand (server.c), in Redis's order of checks. */
export function processCommand(node: StoreNode, client: Client, argv: Buffer[]): void {
  const commandName = commandNameOf(argv[0] as Buffer);
  const base = baseSpecNamed(node.commandTable, commandName);
  // The common case: a command without subcommands, of the right arity.
  const spec = base !== undefined && base.subcommands === undefined && arityAccepts(base, argv.length) ? base : lookupOrReject(node, client, argv, commandName);
  if (spec === undefined) return;
  client.lastCommandName = spec.name;
  const traits = commandTraits(spec);
  const refusal = refusalFor(node, client, spec, traits);
  if (refusal !== undefined) {
    rejectCommand(node, client, spec, refusal);
    return;
  }
  if (clientPauseUse.nodes !== 0 && postponedByPause(node, client, spec, argv)) return;
  if (client.multi !== undefined && !traits.runsInsideMulti) {
    if (!client.multiDirtyExec && !client.watchDirty) client.multi.push({ spec, argv });
    client.reply.status('QUEUED');
    return;
  }
  execute(node, client, spec, traits, argv, client.kind === 'normal' || client.kind === 'replica', false);
  if (node.blocking.hasReadyKeys()) node.handleClientsBlockedOnKeys();
}

/** The pause check (after every refusal, before MULTI queueing): a held client is postponed, not refused. */
function postponedByPause(node: StoreNode, client: Client, spec: CommandSpec, argv: Buffer[]): boolean {
  const pause = existingClientPause(node);
  // server.client_pause_type as it stands: an ended pause is noticed by the cron (or expiry), as in Redis.
  if (pause === undefined || client.kind === 'loader' || !pause.isActive()) return false;
  if (!pause.holds(client, pause.type === 'write' && mayReplicate(node, client, spec, argv))) return false;
  pause.postpone(client, { spec, argv }, () => processCommandWithReplyMode(node, client, argv));
  return true;
}

/**
 * processCommand under CLIENT REPLY OFF/SKIP: the command's replies are
 * dropped (messages pushed to the client later are not); then, as
 * commandProcessed does, a SKIP given by this command applies to the next.
 */
export function processCommandWithReplyMode(node: StoreNode, client: Client, argv: Buffer[]): void {
  if (!client.replyOff && !client.replySkip) {
    processCommand(node, client, argv);
    client.replySkip = client.replySkipNext;
    client.replySkipNext = false;
    return;
  }
  const mutedBefore = client.reply.muted;
  if (client.replyOff || client.replySkip) client.reply.muted = true;
  processCommand(node, client, argv);
  client.reply.muted = mutedBefore;
  client.replySkip = client.replySkipNext;
  client.replySkipNext = false;
}

function arityAccepts(spec: CommandSpec, argumentCount: number): boolean {
  return spec.arity > 0 ? spec.arity === argumentCount : argumentCount >= -spec.arity;
}

/** The full lookup (subcommands, errors); a failed one is rejected here and gives undefined. */
function lookupOrReject(node: StoreNode, client: Client, argv: Buffer[], commandName: string): CommandSpec | undefined {
  if (commandName === 'host:' || commandName === 'post') {
    node.env.log('warning', 'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis.');
    client.closeAsap = true;
    return undefined;
  }
  const found = lookupCommand(node.commandTable, argv, commandName);
  if ('error' in found) {
    client.lastCommandName = found.spec?.name ?? 'NULL';
    rejectCommand(node, client, found.spec, found.error);
    return undefined;
  }
  return found.spec;
}

/** The checks after lookup and arity: DEBUG protection, auth, MULTI, guards, read-only replica, pub/sub mode. */
function refusalFor(node: StoreNode, client: Client, spec: CommandSpec, traits: CommandTraits): string | undefined {
  if (traits.isDebug && node.config.get('enable-debug-command') === 'no') {
    return 'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.';
  }
  // fastPathConfig is cached until a CONFIG SET: noPassword is requirepass === '', idle implies maxmemory 0.
  const cachedConfig = node.fastPathConfig();
  if (!traits.allowedWithoutAuth && !client.authenticated && !cachedConfig.noPassword && isAuthRequired(node, client)) return errors.noAuth;
  if (client.multi !== undefined && traits.refusedInMulti) return 'ERR Command not allowed inside a transaction';
  // processCommand skips the maxmemory check (and its evictions) while a busy script yields: the -BUSY guard answers instead.
  if (!cachedConfig.idle && !node.insideYieldingLongCommand && outOfMemoryRefuses(node, client, traits)) return oomError;
  const guards = node.commandGuards;
  for (let index = 0; index < guards.length; index++) {
    const refused = (guards[index] as (typeof guards)[number])(client, spec);
    if (refused !== undefined) return refused;
  }
  if (node.isReplica && isWriteFor(client, traits) && node.config.flag('replica-read-only') && client.kind !== 'master') return errors.readOnlyReplica;
  // Redis limits subscribed clients to the pub/sub commands in RESP2 only; RESP3 clients may run anything.
  if (!traits.allowedWhileSubscribed && client.inPubSub && client.protocol === 2) {
    return `ERR Can't execute '${spec.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`;
  }
  return undefined;
}

/** A write, or EXEC of a transaction with a write. */
function isWriteFor(client: Client, traits: CommandTraits): boolean {
  return traits.isWrite || (traits.isExec && queuedFlag(client, 'write'));
}

/**
 * The maxmemory check: evictions run first; a command that may grow memory
 * (denyoom, or EXEC of one) is refused when memory stays over the limit, and
 * inside MULTI so is every command that would be queued.
 */
function outOfMemoryRefuses(node: StoreNode, client: Client, traits: CommandTraits): boolean {
  if (node.config.integer('maxmemory') === 0) return false;
  if (performEvictions(node, node.evictionRng) === 'ok') return false;
  const deniedOnOom = traits.deniedOnOom || (traits.isExec && queuedFlag(client, 'denyoom'));
  return deniedOnOom || (client.multi !== undefined && !traits.queuedDespiteOom);
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
  return execute(node, client, spec, commandTraits(spec), argv, options.canBlock, options.inTransaction === true);
}

function execute(node: StoreNode, client: Client, spec: CommandSpec, traits: CommandTraits, argv: readonly Buffer[], canBlock: boolean, inTransaction: boolean): ExecutionContext {
  const startUs = commandStarting(node, client, spec, argv);
  node.enterFixedTime(startUs);
  node.callDepth++;
  const previousClient = node.currentClient;
  node.currentClient = client;
  const errorsBefore = client.reply.errorsWritten();
  const ctx = new ExecutionContext(node, client, spec, argv, canBlock && client.multi === undefined);
  ctx.executingTransaction = inTransaction;
  try {
    (plantedHandler(node, spec) ?? spec.handler)(ctx);
  } finally {
    node.callDepth--;
    node.leaveFixedTime();
    node.currentClient = previousClient;
  }
  // Looked up after the handler: CONFIG RESETSTAT replaces the stats it counts into.
  const record = currentCommandRecord(node, spec, traits.record);
  const stats = record.stats;
  stats.calls++;
  if (client.reply.errorsWritten() > errorsBefore) stats.failedCalls++;
  node.stats.numCommands++;
  record.steps.calls++;
  commandFinished(node, client, spec, argv, startUs, stats);
  if (ctx.dirtyCount > 0 || ctx.forcedPropagation !== undefined) recordPropagation(node, ctx, client.dbIndex);
  if (node.callDepth === 0 && node.propagator.hasPending()) node.propagator.flush(traits.flushOptions);
  return ctx;
}

/** alsoPropagate of a finished command: its argv (or propagateAs form) if it dirtied the dataset. */
export function recordPropagation(node: StoreNode, ctx: ExecutionContext, dbId: number): void {
  if (ctx.propagationPrevented || ctx.spec.name === 'exec' || ctx.clientState.kind === 'loader') return;
  if (ctx.dirtyCount === 0) {
    if (ctx.forcedPropagation !== undefined) node.propagator.alsoPropagateArgv(dbId, ctx.argv, ctx.forcedPropagation);
    return;
  }
  const forms = ctx.propagatedForm;
  if (forms === undefined) {
    node.propagator.alsoPropagateArgv(dbId, ctx.argv);
    return;
  }
  for (const form of forms) node.propagator.alsoPropagate(dbId, form);
}
