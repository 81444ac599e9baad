/** A node's dataset digest (as DEBUG DIGEST gives it), for nodes that should hold the same data. */
export interface NodeDigest {
  readonly host: string;
  readonly role: string;
  readonly digest: string;
}

export type ConvergenceResult =
  | { readonly valid: true; readonly nodes: number; readonly digest: string }
  | { readonly valid: 'unknown'; readonly nodes: 0; readonly reason: string }
  | {
      readonly valid: false;
      /** Not converging is a liveness failure (exit code 3), not a safety one. */
      readonly liveness: true;
      readonly nodes: number;
      /** Hosts grouped by digest, largest group first. */
      readonly groups: readonly { readonly digest: string; readonly hosts: readonly string[]; readonly roles: readonly string[] }[];
    };

/** Valid iff every node reports the same digest. */
export function checkConvergence(digests: readonly NodeDigest[]): ConvergenceResult {
  if (digests.length === 0) return { valid: 'unknown', nodes: 0, reason: 'no node digests to compare' };
  const groups = new Map<string, { hosts: string[]; roles: string[] }>();
  for (const node of digests) {
    const group = groups.get(node.digest) ?? { hosts: [], roles: [] };
    group.hosts.push(node.host);
    group.roles.push(node.role);
    groups.set(node.digest, group);
  }
  const [first] = groups.keys();
  if (groups.size === 1 && first !== undefined) return { valid: true, nodes: digests.length, digest: first };
  const ordered = [...groups.entries()]
    .map(([digest, group]) => ({ digest, hosts: group.hosts, roles: group.roles }))
    .sort((left, right) => right.hosts.length - left.hosts.length || (left.digest < right.digest ? -1 : 1));
  return { valid: false, liveness: true, nodes: digests.length, groups: ordered };
}

