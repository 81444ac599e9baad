import { EnvError } from '../../core/errors.js';
import type { ProcessMain } from '../../env/env.js';
import type { ConfigOptions } from '../../store/server/config.js';
import { replicationOf } from '../../store/replication/replication.js';
import { StoreNode } from '../../store/server/node.js';
import { plantBugs, plantedBugConfigNames, plantedBugsOf } from '../../store/server/planted-bugs.js';

/** The scenario config split into redis.conf parameters and planted-bug settings (`debug-stale-reads-ms`). */
export function storeConfigOf(config: Readonly<Record<string, string>>): ConfigOptions {
  const options: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) if (!plantedBugConfigNames.includes(name)) options[name] = value;
  return options;
}

/**
 * The process body of a store node: builds the node from its config, plants
 * any debug bugs the scenario asks for, and listens. Persistence (loading the
 * RDB/AOF at start) will hook in here. `onStarted` hands the live node to the
 * deployment for digests and roles.
 */
export function storeProcessMain(scenarioConfig: Readonly<Record<string, string>>, onStarted: (node: StoreNode) => void): ProcessMain {
  const config = storeConfigOf(scenarioConfig);
  const bugs = plantedBugsOf(scenarioConfig);
  return (env) => {
    const node = new StoreNode({ env, config });
    plantBugs(node, bugs);
    // Replication from startup (as loadServerConfig + initServer): `replicaof` in the config starts the master link, min-replicas-to-write is enforced at once.
    replicationOf(node);
    onStarted(node);
    const error = node.start();
    if (error instanceof EnvError) {
      env.log('warning', `could not listen: ${error.message}`);
      env.exit(1);
    }
  };
}

/** Keys over all databases of a node (DBSIZE summed). */
export function keyCount(node: StoreNode): number {
  let total = 0;
  for (let index = 0; index < node.databaseCount(); index++) total += node.database(index).size();
  return total;
}
