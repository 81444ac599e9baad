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
 * node a replica of it with its link up and its offset equal to the master's.
 */
export function replicationSettled(nodes: ReadonlyMap<string, StoreNode>): boolean {
  const masters = [...nodes].filter(([, node]) => replicationRoleOf(node) === 'master');
  if (masters.length !== 1) return false;
  const [masterHost, master] = masters[0] as [string, StoreNode];
  const masterOffset = installedReplication(master)?.history.offset ?? 0;
  for (const [host, node] of nodes) {
    if (host === masterHost) continue;
    const replication = installedReplication(node);
    if (replication?.link?.host !== masterHost || replication.link.state !== 'connected') return false;
    if (replication.history.offset !== masterOffset) return false;
  }
  return true;
}

/** Digests of every live node with its role. */
export function replicationDigests(nodes: ReadonlyMap<string, StoreNode>): NodeDigest[] {
  return [...nodes].map(([host, node]) => ({ host, role: replicationRoleOf(node), digest: node.datasetDigest() }));
}
