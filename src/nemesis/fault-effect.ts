import type { Prng } from '../core/prng.js';
import type { FaultDetails } from './applied-fault.js';
import type { NemesisWorld } from './nemesis-world.js';

/** What applying one fault did, and how to undo it. */
export interface FaultEffect {
  /** The host hit (or the hosts a partition cut off). */
  readonly target: string;
  readonly effective: boolean;
  readonly details: FaultDetails;
  /** An instant fault (a connection reset) has no window: it ends as it starts. */
  readonly instant: boolean;
  /** Undoes the fault; the nemesis calls it once, at the end of the window or at the heal phase. */
  heal(): void;
}

/** What a fault needs while it applies and heals. */
export interface FaultContext {
  readonly nemesisWorld: NemesisWorld;
  /** The nemesis's stream for runtime choices (random targets, partition sides). */
  readonly prng: Prng;
  /** Whether another fault of this family still holds `host` (so healing this one must leave it). */
  otherActiveOn(family: FaultFamily, host: string): boolean;
  /** Re-applies the partitions still in force (after the network healed all of them). */
  reapplyPartitions(): void;
}

/** Faults that undo the same thing when they heal, so overlapping ones must not undo each other. */
export type FaultFamily = 'process-down' | 'pause' | 'clock' | 'disk:fsyncFails' | 'disk:fsyncLies' | 'disk:writeFails' | 'disk:noSpace' | 'disk:readCorrupt' | 'slow-link' | 'partition' | 'connection-reset' | 'admin';

export function noEffect(target: string, reason: string): FaultEffect {
  return { target, effective: false, details: { note: reason }, instant: true, heal: () => undefined };
}
