import type { NodeDigest } from '../../checker/convergence.js';
import type { World } from '../../sim/world.js';
import type { StoreNode } from '../../store/server/node.js';
import type { DeployedNodeState, Deployment } from './deployment.js';
import { keyCount, type StoreHostSetup, storeProcessMain } from './store-process.js';

export const STANDALONE_HOST = 'n1';

/** One redis-server on host `n1`: the master, where every operation goes. */
export function buildStandalone(world: World, options: { readonly config: Readonly<Record<string, string>>; readonly port: number; readonly hostSetup?: StoreHostSetup }): Deployment {
  const disk = options.hostSetup?.disk;
  const host = world.addHost({ name: STANDALONE_HOST, ...(disk === undefined ? {} : { disk }) });
  let node: StoreNode | null = null;
  const main = storeProcessMain(
    options.config,
    (started) => {
      node = started;
    },
    options.hostSetup ?? {},
  );
  const liveNode = (name: string): StoreNode | null => (name === STANDALONE_HOST && host.state === 'running' ? node : null);
  const roleOf = (name: string): string => (name !== STANDALONE_HOST ? 'none' : host.isUp ? 'master' : 'down');
  return {
    storeHosts: [STANDALONE_HOST],
    start: () => {
      host.start(main);
    },
    route: () => ({ host: STANDALONE_HOST, port: options.port }),
    roleOf,
    hostsWithRole: (role) => (role === roleOf(STANDALONE_HOST) ? [STANDALONE_HOST] : []),
    liveNode,
    ensureAllRunning: () => {
      if (host.state === 'paused') host.resume();
      if (!host.isUp) host.restart();
    },
    hasSettled: () => host.state === 'running',
    convergenceDigests: (): NodeDigest[] => {
      const live = liveNode(STANDALONE_HOST);
      return live === null ? [] : [{ host: STANDALONE_HOST, role: 'master', digest: live.datasetDigest() }];
    },
    roleStates: () => [{ host: STANDALONE_HOST, role: roleOf(STANDALONE_HOST), state: host.state }],
    nodeStates: (): DeployedNodeState[] => {
      const live = liveNode(STANDALONE_HOST);
      return [{ host: STANDALONE_HOST, role: roleOf(STANDALONE_HOST), state: host.state, dbsize: live === null ? 0 : keyCount(live), digest: live?.datasetDigest() ?? '' }];
    },
  };
}
