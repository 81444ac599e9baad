import type { World } from '../sim/world.js';

/**
 * What the nemesis needs from the run besides the world: which hosts run
 * store processes (the only ones random targets and partitions pick from),
 * and how to resolve a role (`master`, `replica`) to hosts at the moment a
 * fault starts (roles move under failover).
 */
export interface NemesisWorld {
  readonly world: World;
  storeHosts(): readonly string[];
  /** Hosts playing `role` now; empty when none does (or the name is not a role). */
  hostsWithRole(role: string): readonly string[];
}
