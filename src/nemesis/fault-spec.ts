/**
 * Faults as plain data (DESIGN.md, The simulated world). Scenarios write
 * them; the nemesis applies them. Targets name a host (`n1`), a role the
 * topology resolves (`master`, `replica`), or `random-node` (a store node
 * drawn from the nemesis stream).
 */

/** Partition shapes. Shapes other than `isolate` cut links among store nodes only; clients reach every side (Jepsen's control node). */
export type PartitionShape =
  | { readonly shape: 'isolate'; readonly target: string }
  | { readonly shape: 'halves' }
  | { readonly shape: 'bridge' }
  | { readonly shape: 'ring' }
  | { readonly shape: 'one-way'; readonly from: string; readonly to: string }
  | { readonly shape: 'minority-with'; readonly members: readonly string[] };

export type PartitionShapeName = PartitionShape['shape'];
export const partitionShapeNames: readonly PartitionShapeName[] = ['isolate', 'halves', 'bridge', 'ring', 'one-way', 'minority-with'];

export type DiskFaultName = 'fsync-eio' | 'fsync-loss' | 'write-eio' | 'enospc' | 'corrupt-read';
export const diskFaultNames: readonly DiskFaultName[] = ['fsync-eio', 'fsync-loss', 'write-eio', 'enospc', 'corrupt-read'];

/** One fault of an explicit timeline. */
export type FaultSpec =
  | ({ readonly kind: 'partition'; readonly mode: 'clog' | 'drop' } & PartitionShape)
  | { readonly kind: 'kill'; readonly target: string }
  | { readonly kind: 'power-loss'; readonly target: string }
  | { readonly kind: 'pause'; readonly target: string }
  | { readonly kind: 'clock-skew'; readonly target: string; readonly offsetMs: number }
  | { readonly kind: 'clock-jump'; readonly target: string; readonly deltaMs: number }
  | { readonly kind: 'clock-drift'; readonly target: string; readonly driftPpm: number }
  | { readonly kind: 'disk'; readonly target: string; readonly fault: DiskFaultName }
  | { readonly kind: 'connection-reset'; readonly target: string }
  | { readonly kind: 'slow-link'; readonly target: string; readonly extraLatencyMs: number }
  /** An operator's command (Jepsen's control node), e.g. `['FAILOVER', 'TIMEOUT', '2000']`: sent to the target node, its reply recorded. Timeline only. */
  | { readonly kind: 'admin'; readonly target: string; readonly argv: readonly string[] };

export type FaultKind = FaultSpec['kind'];

/** Every fault kind, in the fixed order swarm draws walk them. */
export const faultKinds: readonly FaultKind[] = ['partition', 'kill', 'power-loss', 'pause', 'clock-skew', 'clock-jump', 'clock-drift', 'disk', 'connection-reset', 'slow-link', 'admin'];

/** Kinds a swarm may draw: an admin command is an operator's decision, written in a timeline. */
export const swarmFaultKinds: readonly FaultKind[] = faultKinds.filter((kind) => kind !== 'admin');

export function isFaultKind(text: string): text is FaultKind {
  return (faultKinds as readonly string[]).includes(text);
}

/**
 * A fault at a time (ms from the start of the faults phase); it lasts
 * `durationMs`, then heals (kill and power loss restart the node, pause
 * resumes it, clocks and disks are restored). Connection resets are instant.
 */
export interface TimedFault {
  readonly atMs: number;
  readonly durationMs: number;
  readonly fault: FaultSpec;
}

/** A swarm (FoundationDB/TigerBeetle style): each seed draws which kinds are on, their rates and durations. */
export interface SwarmSpec {
  /** Relative weight of each fault kind; a kind with weight 0 never happens. */
  readonly weights: Partial<Record<FaultKind, number>>;
  /** Mean faults per simulated second while faults are on (each seed scales it by a draw in [0.5, 1.5]). */
  readonly faultsPerSecond: number;
  readonly durationMsMin: number;
  readonly durationMsMax: number;
  /** Each seed keeps each weighted kind with this probability (swarm testing), default 0.7; at least one kind stays. */
  readonly kindKeepProbability?: number;
}

export interface NemesisSpec {
  readonly timeline?: readonly TimedFault[];
  readonly swarm?: SwarmSpec;
}
