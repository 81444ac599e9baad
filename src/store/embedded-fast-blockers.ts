import type { CommandSpec } from './commands/command.js';
import { persistenceOf, type Persistence } from './persistence/persistence.js';
import type { Client } from './server/client.js';
import type { StoreNode } from './server/node.js';
import { plantedHandler } from './server/planted-bugs.js';
import { diagnosticsOf } from './server/diagnostics-state.js';
import { clientPauseUse, clientsPaused } from './server/client-pause.js';

/**
 * Why the embedded fast path may not run a command now. Each test stands
 * for steps of the general path the fast path leaves out: the client's
 * parser, blocking, MULTI, reply modes, pub/sub and authentication; the
 * node's pending beforeSleep, nested calls, loading, replication, AOF and
 * any propagation listener, blocked clients, ready keys, maxmemory and
 * keyspace notifications; keys with a TTL (lazy expiry); watched keys;
 * planted bugs; a guard that would refuse (a spec whose handler is not the
 * family's own never reaches here: see FastPath). They are all read on every
 * command: the state they read is changed by many layers (and by callers
 * holding `store.node`), so a cached verdict could not be proved current.
 */
export class FastPathBlockers {
  private readonly persistence: Persistence | undefined;

  constructor(private readonly node: StoreNode) {
    this.persistence = persistenceOf(node);
  }

  /** The first blocker that is busy, or undefined when the fast path may run `spec` for `client`. */
  blockerOf(client: Client, spec: CommandSpec): string | undefined {
    if (client.closed || client.kind !== 'normal' || client.blocked !== undefined || client.closeAfterReply || client.closeAsap) return 'client state';
    if (client.multi !== undefined || client.replyOff || client.replySkip || client.replySkipNext || client.reply.muted) return 'client mode';
    if (client.parser.pendingBytes() !== 0 || client.reply.hasPendingBytes() || client.inPubSub) return 'client buffers';
    const node = this.node;
    const config = node.fastPathConfig();
    if (!config.idle || (!client.authenticated && !config.noPassword)) return 'config';
    if (node.beforeSleepScheduled || node.callDepth !== 0 || node.loading || node.replicaOf !== undefined || node.unblockedClients.length !== 0) return 'event loop';
    if (node.blocking.count() !== 0 || node.blocking.hasReadyKeys()) return 'blocked clients';
    if (clientPauseUse.nodes !== 0 && clientsPaused(node)) return 'clients paused';
    if (node.propagator.hasPending() || node.propagator.listenerCount() > 1) return 'propagation';
    const persistence = this.persistence;
    if (persistence === undefined || persistence.aof.state !== 'off' || persistence.exited) return 'persistence';
    if (node.database(client.dbIndex).expiresCount() !== 0) return 'expiry';
    if (node.watches.totalWatchedKeys() !== 0) return 'watch';
    if (diagnosticsOf(node).observesEveryCommand) return 'diagnostics';
    if (spec.name === 'get' && plantedHandler(node, spec) !== undefined) return 'planted bug';
    const guards = node.commandGuards;
    for (let index = 0; index < guards.length; index++) {
      if ((guards[index] as (typeof guards)[number])(client, spec) !== undefined) return 'guard';
    }
    return undefined;
  }
}
