import type { World } from '../../sim/world.js';
import { replicationOf } from '../../store/replication/replication.js';
import type { StoreNode } from '../../store/server/node.js';
import type { ClientTarget } from '../../workload/client-connection.js';
import type { DeployedNodeState, Deployment } from './deployment.js';
import { replicationDigests, replicationRoleOf, replicationSettled } from './replication-roles.js';
import { keyCount, type StoreHostSetup, storeProcessMain } from './store-process.js';

export interface StoreGroupOptions {
  readonly config: Readonly<Record<string, string>>;
  readonly port: number;
  /** Where reads go (the workload's readFrom). */
  readonly readFrom: 'master' | 'replicas' | 'any';
  readonly hostSetup?: StoreHostSetup;
}

/**
 * Store hosts n1..nN running nodes with replication installed: n1 starts as
 * the master, the others with `replicaof n1 <port>` (so a restarted replica
 * reconnects by itself, and a restarted master stays a master).
 */
export class StoreGroup {
  readonly hosts: readonly string[];
  private readonly nodes = new Map<string, StoreNode>();
  private readCursor = 0;

  constructor(
    private readonly world: World,
    count: number,
    private readonly options: StoreGroupOptions,
  ) {
    this.hosts = Array.from({ length: count }, (_, index) => `n${index + 1}`);
    const disk = options.hostSetup?.disk;
    for (const name of this.hosts) world.addHost({ name, ...(disk === undefined ? {} : { disk }) });
  }

  start(): void {
    this.hosts.forEach((name, index) => {
      const config = index === 0 ? this.options.config : { ...this.options.config, replicaof: `n1 ${this.options.port}` };
      const main = storeProcessMain(
        config,
        (node) => {
          this.nodes.set(name, node);
          replicationOf(node);
        },
        this.options.hostSetup ?? {},
      );
      this.world.host(name).start(main);
    });
  }

  liveNode(name: string): StoreNode | null {
    const host = this.world.hosts.find((candidate) => candidate.name === name);
    return host?.state === 'running' ? (this.nodes.get(name) ?? null) : null;
  }

  liveNodes(): Map<string, StoreNode> {
    const live = new Map<string, StoreNode>();
    for (const name of this.hosts) {
      const node = this.liveNode(name);
      if (node !== null) live.set(name, node);
    }
    return live;
  }

  roleOf(name: string): string {
    const host = this.world.hosts.find((candidate) => candidate.name === name);
    if (host === undefined || !this.hosts.includes(name)) return 'none';
    if (!host.isUp) return 'down';
    const node = this.nodes.get(name);
    return node === undefined ? 'down' : replicationRoleOf(node);
  }

  /** The master clients should write to: the first running node that believes it is master. */
  masterHost(): string | null {
    return this.hosts.find((name) => this.liveNode(name) !== null && this.roleOf(name) === 'master') ?? null;
  }

  /** Reads go to the master, or rotate over the replicas (or every node) when readFrom says so. */
  routeRead(master: string | null): ClientTarget | null {
    const candidates = this.options.readFrom === 'master' ? [] : this.hosts.filter((name) => this.world.host(name).isUp && (this.options.readFrom === 'any' || this.roleOf(name) === 'replica'));
    if (candidates.length === 0) return master === null ? null : { host: master, port: this.options.port };
    this.readCursor = (this.readCursor + 1) % candidates.length;
    return { host: candidates[this.readCursor] as string, port: this.options.port };
  }

  ensureAllRunning(): void {
    for (const name of this.hosts) {
      const host = this.world.host(name);
      if (host.state === 'paused') host.resume();
      if (!host.isUp) host.restart();
    }
  }

  nodeStates(): DeployedNodeState[] {
    return this.hosts.map((name) => {
      const live = this.liveNode(name);
      return { host: name, role: this.roleOf(name), state: this.world.host(name).state, dbsize: live === null ? 0 : keyCount(live), digest: live?.datasetDigest() ?? '' };
    });
  }
}

/** A master n1 and `replicas` replicas; no failover: n1 stays the master, restarts included. */
export function buildReplicated(world: World, replicas: number, options: StoreGroupOptions): Deployment {
  const group = new StoreGroup(world, 1 + replicas, options);
  return {
    storeHosts: group.hosts,
    start: () => group.start(),
    route: (readOnly) => {
      const master = group.masterHost();
      if (readOnly) return group.routeRead(master);
      return master === null ? null : { host: master, port: options.port };
    },
    roleOf: (name) => group.roleOf(name),
    hostsWithRole: (role) => group.hosts.filter((name) => group.roleOf(name) === role),
    liveNode: (name) => group.liveNode(name),
    ensureAllRunning: () => group.ensureAllRunning(),
    hasSettled: () => group.hosts.every((name) => world.host(name).state === 'running') && replicationSettled(group.liveNodes()),
    convergenceDigests: () => replicationDigests(group.liveNodes()),
    roleStates: () => group.hosts.map((name) => ({ host: name, role: group.roleOf(name), state: world.host(name).state })),
    nodeStates: () => group.nodeStates(),
  };
}
