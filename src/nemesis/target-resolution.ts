import type { Prng } from '../core/prng.js';
import type { NemesisWorld } from './nemesis-world.js';

export const randomNodeTarget = 'random-node';

/**
 * The hosts a target names, at the moment a fault starts: `random-node` is
 * one store host drawn from `prng`; a role is every host that plays it now
 * (the first one for single-host faults); otherwise a host name. Empty when
 * nothing matches (a role nobody plays right now).
 */
export function resolveTarget(target: string, nemesisWorld: NemesisWorld, prng: Prng): readonly string[] {
  if (target === randomNodeTarget) {
    const hosts = nemesisWorld.storeHosts();
    return hosts.length === 0 ? [] : [prng.pick(hosts)];
  }
  const byRole = nemesisWorld.hostsWithRole(target);
  if (byRole.length > 0) return byRole;
  return nemesisWorld.world.hosts.some((host) => host.name === target) ? [target] : [];
}

/** One host for a single-host fault (the first of its role), or undefined. */
export function resolveOneHost(target: string, nemesisWorld: NemesisWorld, prng: Prng): string | undefined {
  const hosts = resolveTarget(target, nemesisWorld, prng);
  if (hosts.length <= 1 || target === randomNodeTarget) return hosts[0];
  // A role played by several hosts (`replica`): pick one of them.
  return prng.pick(hosts);
}
