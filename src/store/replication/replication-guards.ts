import { errors } from '../commands/errors.js';
import { queuedFlag } from '../server/dispatch.js';
import type { Replication } from './replication.js';

const MASTER_DOWN = "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";

/**
 * processCommand's replication refusals: -NOREPLICAS on a master without
 * enough good replicas (min-replicas-to-write / min-replicas-max-lag), and
 * -MASTERDOWN on a replica whose link is down when it must not serve stale
 * data. (-READONLY is the node's own check.)
 */
export function installReplicationGuards(repl: Replication): void {
  const node = repl.node;
  node.addCommandGuard((client, spec) => {
    if (client.kind === 'master' || client.kind === 'loader') return undefined;
    const isWrite = spec.flags.includes('write') || (spec.name === 'exec' && queuedFlag(client, 'write'));
    if (isWrite && !repl.isReplica && !enoughGoodReplicas(repl)) return errors.noReplicas;
    if (repl.isReplica && repl.link?.state !== 'connected' && !node.config.flag('replica-serve-stale-data')) {
      const stale = spec.flags.includes('stale') && !(spec.name === 'exec' && (client.multi ?? []).some((queued) => !queued.spec.flags.includes('stale')));
      if (!stale) return MASTER_DOWN;
    }
    return undefined;
  });
}

/** checkGoodReplicasStatus */
function enoughGoodReplicas(repl: Replication): boolean {
  const config = repl.node.config;
  const wanted = config.integer('min-replicas-to-write');
  if (wanted === 0 || config.integer('min-replicas-max-lag') === 0) return true;
  return repl.goodReplicas >= wanted;
}
