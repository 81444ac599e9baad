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
  /**
   * Sends an operator's command to the store node on `host` (the `admin`
   * fault); the run's control node does it and records the reply. Absent
   * when the run has no control node (no admin faults).
   */
  sendAdminCommand?(host: string, argv: readonly string[]): void;
}
