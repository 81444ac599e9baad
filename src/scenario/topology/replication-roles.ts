import type { NodeDigest } from '../../checker/convergence.js';
import { installedReplication } from '../../store/replication/replication.js';
import type { StoreNode } from '../../store/server/node.js';

/** The role a live store node plays now, as the deployment reports it. */
export function replicationRoleOf(node: StoreNode): 'master' | 'replica' {
  return installedReplication(node)?.isReplica === true ? 'replica' : 'master';
}

/** The master a replica follows (host name), or undefined for a master. */
export function masterHostOf(node: StoreNode): string | undefined {
  return installedReplication(node)?.link?.host;
}

/**
 * Settled replication: exactly one master among the live nodes, every other
 * node a replica of it (directly, or through a chain of replicas, as FAILOVER
 * leaves the old master's other replicas) with every link on the way up and
 * its offset equal to the master's.
 */
export function replicationSettled(nodes: ReadonlyMap<string, StoreNode>): boolean {
  const masters = [...nodes].filter(([, node]) => replicationRoleOf(node) === 'master');
  if (masters.length !== 1) return false;
  const [masterHost, master] = masters[0] as [string, StoreNode];
  const masterOffset = installedReplication(master)?.history.offset ?? 0;
  for (const [host, node] of nodes) {
    if (host === masterHost) continue;
    if (!reachesMasterThroughConnectedLinks(nodes, host, masterHost)) return false;
    if (installedReplication(node)?.history.offset !== masterOffset) return false;
  }
  return true;
}

/**
 * Whether `host`'s replication link, followed from replica to its master
 * (a chain, as FAILOVER leaves the old master's other replicas), reaches
 * `masterHost` through connected links only.
 */
function reachesMasterThroughConnectedLinks(nodes: ReadonlyMap<string, StoreNode>, host: string, masterHost: string): boolean {
  let current = host;
  for (let hops = 0; hops < nodes.size; hops++) {
    const node = nodes.get(current);
    const link = node === undefined ? undefined : installedReplication(node)?.link;
    if (link === undefined || link.state !== 'connected') return false;
    if (link.host === masterHost) return true;
    current = link.host;
  }
  return false;
}

/** Digests of every live node with its role. */
export function replicationDigests(nodes: ReadonlyMap<string, StoreNode>): NodeDigest[] {
  return [...nodes].map(([host, node]) => ({ host, role: replicationRoleOf(node), digest: node.datasetDigest() }));
}
