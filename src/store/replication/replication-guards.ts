import { errors } from '../commands/errors.js';
import { commandTraits } from '../server/command-traits.js';
import { queuedFlag } from '../server/dispatch.js';
import type { Replication } from './replication.js';

const MASTER_DOWN = "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";

/** The config values the guard reads for every command, re-read after each CONFIG change (no lookups by name per command). */
interface GuardSettings {
  minReplicasToWrite: number;
  minReplicasMaxLag: number;
  serveStaleData: boolean;
}

/**
 * processCommand's replication refusals: -NOREPLICAS on a master without
 * enough good replicas (min-replicas-to-write / min-replicas-max-lag), and
 * -MASTERDOWN on a replica whose link is down when it must not serve stale
 * data. (-READONLY is the node's own check.)
 */
export function installReplicationGuards(repl: Replication): void {
  const node = repl.node;
  const settings: GuardSettings = { minReplicasToWrite: 0, minReplicasMaxLag: 0, serveStaleData: true };
  const refresh = (): void => {
    settings.minReplicasToWrite = node.config.integer('min-replicas-to-write');
    settings.minReplicasMaxLag = node.config.integer('min-replicas-max-lag');
    settings.serveStaleData = node.config.flag('replica-serve-stale-data');
  };
  refresh();
  node.config.onChange(refresh);
  node.addCommandGuard((client, spec) => {
    if (client.kind === 'master' || client.kind === 'loader') return undefined;
    const isReplica = repl.isReplica;
    if (!isReplica) {
      // A master refuses only writes, and only when min-replicas-to-write is set.
      if (settings.minReplicasToWrite === 0 || settings.minReplicasMaxLag === 0) return undefined;
      const traits = commandTraits(spec);
      const isWrite = traits.isWrite || (traits.isExec && queuedFlag(client, 'write'));
      return isWrite && repl.goodReplicas < settings.minReplicasToWrite ? errors.noReplicas : undefined;
    }
    if (repl.link?.state !== 'connected' && !settings.serveStaleData) {
      const stale = spec.flags.includes('stale') && !(spec.name === 'exec' && (client.multi ?? []).some((queued) => !queued.spec.flags.includes('stale')));
      if (!stale) return MASTER_DOWN;
    }
    return undefined;
  });
}
