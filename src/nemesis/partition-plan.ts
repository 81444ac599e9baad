import type { Prng } from '../core/prng.js';
import type { PartitionShape as SimPartitionShape } from '../sim/network/partition-shape.js';
import type { PartitionShape } from './fault-spec.js';
import type { NemesisWorld } from './nemesis-world.js';
import { resolveOneHost, resolveTarget } from './target-resolution.js';

/** A partition ready for the sim network: its links shape and a readable description of its sides. */
export interface PartitionPlan {
  readonly shape: SimPartitionShape;
  readonly target: string;
  readonly sides: string;
}

function groupsPlan(groups: readonly (readonly string[])[]): PartitionPlan | undefined {
  const nonEmpty = groups.filter((group) => group.length > 0);
  if (nonEmpty.length < 2) return undefined;
  return { shape: { kind: 'groups', groups: nonEmpty }, target: (nonEmpty[0] ?? []).join(','), sides: nonEmpty.map((group) => group.join(',')).join(' | ') };
}

function splitHalves(hosts: readonly string[], prng: Prng): PartitionPlan | undefined {
  const shuffled = prng.shuffled(hosts);
  const minoritySize = Math.floor(hosts.length / 2);
  return groupsPlan([shuffled.slice(0, minoritySize).sort(), shuffled.slice(minoritySize).sort()]);
}

function bridgePlan(hosts: readonly string[], prng: Prng): PartitionPlan | undefined {
  const shuffled = prng.shuffled(hosts);
  const bridge = shuffled[0];
  const others = shuffled.slice(1);
  const leftSize = Math.floor(others.length / 2);
  const plan = groupsPlan([others.slice(0, leftSize).sort(), others.slice(leftSize).sort()]);
  return plan === undefined ? undefined : { ...plan, sides: `${plan.sides} (bridge ${bridge ?? ''})` };
}

/** Jepsen's majorities ring over the store hosts: each talks only to its neighbours within reach. */
function ringPlan(hosts: readonly string[], prng: Prng): PartitionPlan | undefined {
  if (hosts.length < 3) return undefined;
  const ring = prng.shuffled(hosts);
  const count = ring.length;
  const reach = Math.max(1, Math.ceil(Math.floor(count / 2) / 2));
  const links: (readonly [string, string])[] = [];
  for (let left = 0; left < count; left++) {
    for (let right = 0; right < count; right++) {
      const distance = Math.abs(left - right);
      if (Math.min(distance, count - distance) > reach) links.push([ring[left] as string, ring[right] as string]);
    }
  }
  return links.length === 0 ? undefined : { shape: { kind: 'links', links }, target: ring.join(','), sides: `ring ${ring.join('-')}` };
}

/**
 * Turns a scenario's partition shape into sim links. `isolate` cuts the host
 * from every other host, clients included; the other shapes cut links among
 * store hosts only, so clients still reach every side (as Jepsen's control
 * node does) and can write to a minority. Undefined: the shape cuts nothing
 * here (too few store hosts, a role nobody plays).
 */
export function planPartition(shape: PartitionShape, nemesisWorld: NemesisWorld, prng: Prng): PartitionPlan | undefined {
  const storeHosts = nemesisWorld.storeHosts();
  switch (shape.shape) {
    case 'isolate': {
      const host = resolveOneHost(shape.target, nemesisWorld, prng);
      return host === undefined ? undefined : { shape: { kind: 'isolate', host }, target: host, sides: `${host} | everyone else` };
    }
    case 'halves':
      return splitHalves(storeHosts, prng);
    case 'bridge':
      return bridgePlan(storeHosts, prng);
    case 'ring':
      return ringPlan(storeHosts, prng);
    case 'one-way': {
      const from = resolveTarget(shape.from, nemesisWorld, prng);
      const to = resolveTarget(shape.to, nemesisWorld, prng);
      if (from.length === 0 || to.length === 0) return undefined;
      return { shape: { kind: 'oneWay', from, to }, target: from.join(','), sides: `${from.join(',')} -/-> ${to.join(',')}` };
    }
    case 'minority-with': {
      const members = [...new Set(shape.members.flatMap((member) => resolveTarget(member, nemesisWorld, prng)))].sort();
      return groupsPlan([members, storeHosts.filter((host) => !members.includes(host))]);
    }
  }
}
