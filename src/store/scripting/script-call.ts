import type { CommandSpec } from '../commands/command.js';
import { errors } from '../commands/errors.js';
import type { Client } from '../server/client.js';
import { lookupCommand } from '../server/command-lookup.js';
import { call } from '../server/dispatch.js';
import { oomError } from '../server/eviction.js';
import type { CommandGuard, StoreNode } from '../server/node.js';
import { installedReplication } from '../replication/replication.js';
import { serverContext } from '../server/execution-context.js';
import type { PropagationTarget } from '../server/propagation.js';

/** What scriptCall checks besides the command: the run's read-only mode, OOM state and earlier writes. */
export interface ScriptCallState {
  readonly node: StoreNode;
  readonly scriptClient: Client;
  readonly caller: Client;
  /** SCRIPT_READ_ONLY: EVAL_RO, or a `no-writes` shebang. */
  readonly readOnly: boolean;
  /** SCRIPT_ALLOW_OOM */
  readonly allowOom: boolean;
  /** server.pre_command_oom_state when the script started. */
  readonly outOfMemoryAtStart: boolean;
  /** SCRIPT_WRITE_DIRTY */
  writeDirty: boolean;
  /** The scripting layer's own guard (-BUSY), skipped when asking the others. */
  readonly busyGuard: CommandGuard;
  /** redis.set_repl: PROPAGATE_AOF (1) | PROPAGATE_REPL (2). */
  readonly replicationFlags: number;
}

/** mustObeyClient: the master link and the AOF loader. */
export function mustObey(client: Client): boolean {
  return client.kind === 'master' || client.kind === 'loader';
}

/** scriptVerifyAllowStale */
function staleRefusal(node: StoreNode, spec: CommandSpec): string | undefined {
  if (!node.isReplica || spec.flags.includes('stale') || node.config.flag('replica-serve-stale-data')) return undefined;
  if (installedReplication(node)?.link?.state === 'connected') return undefined;
  return 'Can not execute the command on a stale replica';
}

/** scriptVerifyWriteCommandAllow: read-only scripts, read-only replicas, disk errors, min-replicas (before the first write). */
function writeRefusal(state: ScriptCallState, spec: CommandSpec): string | undefined {
  const isWrite = spec.flags.includes('write');
  if (state.readOnly && (isWrite || spec.flags.includes('may_replicate'))) return 'Write commands are not allowed from read-only scripts.';
  if (!isWrite || state.writeDirty) return undefined;
  const node = state.node;
  if (node.isReplica && node.config.flag('replica-read-only') && !mustObey(state.caller)) return `-${errors.readOnlyReplica}`;
  for (const guard of node.commandGuards) {
    if (guard === state.busyGuard) continue;
    const refused = guard(state.scriptClient, spec);
    if (refused !== undefined) return refused.startsWith('-') ? refused : `-${refused}`;
  }
  return undefined;
}

/** scriptVerifyOOM: a deny-oom command before the first write, when memory was over the limit as the script began. */
function oomRefusal(state: ScriptCallState, spec: CommandSpec): string | undefined {
  if (state.allowOom || state.writeDirty || !state.outOfMemoryAtStart || mustObey(state.caller)) return undefined;
  if (state.node.config.integer('maxmemory') === 0 || !spec.flags.includes('denyoom')) return undefined;
  return `-${oomError}`;
}

/**
 * scriptCall (script.c): looks the command up, refuses what a script may
 * not run (unknown, wrong arity, noscript, stale, writes where not
 * allowed, OOM), then runs it through the node's call() as the script's
 * client and returns the reply bytes it wrote.
 */
export function scriptCall(state: ScriptCallState, argv: Buffer[]): { readonly reply: Buffer } | { readonly error: string } {
  const node = state.node;
  const found = lookupCommand(node.commandTable, argv);
  if ('error' in found) {
    const error = found.spec === undefined ? 'Unknown Redis command called from script' : 'Wrong number of args calling Redis command from script';
    return rejected(node, found.spec, error);
  }
  const spec = found.spec;
  if (spec.flags.includes('noscript')) return rejected(node, spec, 'This Redis command is not allowed from script');
  const refusal = staleRefusal(node, spec) ?? writeRefusal(state, spec) ?? oomRefusal(state, spec);
  if (refusal !== undefined) return rejected(node, spec, refusal);
  if (spec.flags.includes('write')) state.writeDirty = true;
  const client = state.scriptClient;
  const target = state.replicationFlags === 3 ? spec : withReplicationFlags(node, spec, state.replicationFlags);
  call(node, client, target, argv, { canBlock: false, inTransaction: true });
  return { reply: client.reply.takeBytes() };
}

/**
 * The command with its propagation limited as redis.set_repl asked
 * (call()'s CMD_CALL_PROPAGATE_AOF / _REPL flags): what it would propagate
 * goes only to the allowed targets, or nowhere.
 */
function withReplicationFlags(node: StoreNode, spec: CommandSpec, flags: number): CommandSpec {
  const target: PropagationTarget = { aof: (flags & 1) !== 0, replication: (flags & 2) !== 0 };
  return {
    ...spec,
    handler: (ctx) => {
      spec.handler(ctx);
      const { dirtyCount, propagatedForm, propagationPrevented, forcedPropagation, clientState } = serverContext(ctx);
      if (propagationPrevented || (dirtyCount === 0 && forcedPropagation === undefined)) return;
      ctx.preventPropagation();
      const wanted = dirtyCount > 0 || forcedPropagation === undefined ? target : forcedPropagation;
      const allowed = { aof: wanted.aof && target.aof, replication: wanted.replication && target.replication };
      if (!allowed.aof && !allowed.replication) return;
      const forms = dirtyCount > 0 ? (propagatedForm ?? [ctx.argv]) : [ctx.argv];
      for (const form of forms) node.propagator.alsoPropagate(clientState.dbIndex, form, allowed);
    },
  };
}

/** afterErrorReply + incrCommandStatsOnError(ERROR_COMMAND_REJECTED): the refusal counts as an error reply and a rejected call. */
function rejected(node: StoreNode, spec: CommandSpec | undefined, error: string): { readonly error: string } {
  const text = error.startsWith('-') ? error.slice(1) : error;
  const space = text.indexOf(' ');
  node.stats.countError(error.startsWith('-') && space !== -1 ? text.slice(0, space) : 'ERR');
  if (spec !== undefined) node.stats.commandStats(spec.name).rejectedCalls++;
  return { error };
}
