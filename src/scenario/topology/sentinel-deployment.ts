import type { World } from '../../sim/world.js';
import { type Sentinel, sentinelProcessMain } from '../../store/sentinel/sentinel.js';
import { SentinelDiscovery } from '../../workload/sentinel-discovery.js';
import type { Deployment } from './deployment.js';
import { replicationDigests, replicationSettled } from './replication-roles.js';
import { StoreGroup, type StoreGroupOptions } from './replicated.js';

export const SENTINEL_PORT = 26379;
export const MASTER_NAME = 'mymaster';
/** The host of the clients' sentinel discovery process. */
export const DISCOVERY_HOST = 'discovery';
/** down-after-milliseconds and failover-timeout of the simulated sentinels (Jepsen's 2013 setup used 5 s down-after). */
export const SENTINEL_DOWN_AFTER_MS = 5_000;
export const SENTINEL_FAILOVER_TIMEOUT_MS = 20_000;

/**
 * A master, replicas and sentinels s1..sK monitoring it; clients find the
 * master by asking the sentinels (SentinelDiscovery), so they follow a
 * failover, and the ones whose sentinel is cut off keep the old master.
 */
export function buildSentinelDeployment(world: World, shape: { readonly replicas: number; readonly sentinels: number; readonly quorum: number }, options: StoreGroupOptions): Deployment {
  const group = new StoreGroup(world, 1 + shape.replicas, options);
  const sentinelHosts = Array.from({ length: shape.sentinels }, (_, index) => `s${index + 1}`);
  for (const name of sentinelHosts) world.addHost({ name });
  const discovery = new SentinelDiscovery({ sentinels: sentinelHosts.map((host) => ({ host, port: SENTINEL_PORT })), masterName: MASTER_NAME });
  world.addHost({ name: DISCOVERY_HOST });
  const sentinels = new Map<string, Sentinel>();
  const monitor = { name: MASTER_NAME, host: 'n1', port: options.port, quorum: shape.quorum, downAfterMs: SENTINEL_DOWN_AFTER_MS, failoverTimeoutMs: SENTINEL_FAILOVER_TIMEOUT_MS };
  const sentinelMain = (name: string): ReturnType<typeof sentinelProcessMain> => sentinelProcessMain({ port: SENTINEL_PORT, monitors: [monitor] }, (sentinel) => sentinels.set(name, sentinel));
  const roleOf = (name: string): string => (sentinelHosts.includes(name) ? (world.host(name).isUp ? 'sentinel' : 'down') : group.roleOf(name));
  const allHosts = [...group.hosts, ...sentinelHosts];
  const fallback = { host: 'n1', port: options.port };
  return {
    storeHosts: allHosts,
    start: () => {
      group.start();
      for (const name of sentinelHosts) world.host(name).start(sentinelMain(name));
      world.host(DISCOVERY_HOST).start((env) => discovery.main(env));
    },
    route: (readOnly) => {
      const master = discovery.route(fallback);
      return readOnly ? group.routeRead(master.host) : master;
    },
    roleOf,
    hostsWithRole: (role) => allHosts.filter((name) => roleOf(name) === role),
    liveNode: (name) => group.liveNode(name),
    ensureAllRunning: () => {
      group.ensureAllRunning();
      for (const name of sentinelHosts) {
        const host = world.host(name);
        if (host.state === 'paused') host.resume();
        if (!host.isUp) host.restart();
      }
    },
    hasSettled: () => {
      if (!allHosts.every((name) => world.host(name).state === 'running') || !replicationSettled(group.liveNodes())) return false;
      const master = group.masterHost();
      return discovery.views().every((view) => view?.host === master) && [...sentinels.values()].every((sentinel) => sentinelSees(sentinel, master));
    },
    convergenceDigests: () => replicationDigests(group.liveNodes()),
    roleStates: () => allHosts.map((name) => ({ host: name, role: roleOf(name), state: world.host(name).state })),
    nodeStates: () => [...group.nodeStates(), ...sentinelHosts.map((name) => ({ host: name, role: roleOf(name), state: world.host(name).state, dbsize: 0, digest: '' }))],
  };
}

function sentinelSees(sentinel: Sentinel, master: string | null): boolean {
  const monitored = sentinel.masters.get(MASTER_NAME);
  return monitored !== undefined && sentinel.currentMasterAddress(monitored).host === master;
}
