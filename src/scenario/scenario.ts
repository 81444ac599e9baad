import type { PowerLossPolicy } from '../sim/disk/power-loss-policy.js';
import type { CasVia, WorkloadKind } from '../workload/workload-kind.js';
import type { FaultKind, FaultSpec, NemesisSpec, PartitionShape, SwarmSpec, TimedFault } from '../nemesis/fault-spec.js';

/** The fault vocabulary lives with the nemesis (which may not import scenario/); scenarios use it from here. */
export type { FaultKind, FaultSpec, NemesisSpec, PartitionShape, SwarmSpec, TimedFault };
export type { CasVia, WorkloadKind };

/**
 * A scenario is plain data (DESIGN.md, Scenarios and runs): `scenarios/NAME.ts`
 * does `export default defineScenario({...})`. Everything a run does is
 * decided by this data plus the seed.
 *
 * Where scenarios come from:
 * - shipped: `scenarios/NAME.ts`, compiled by `npm run build` to
 *   `dist/scenarios/NAME.js`; `redsim run NAME` finds them (the name must be
 *   the file's name);
 * - a user's file: `redsim run path/to/file.mjs` (or `.js`) imports a
 *   compiled ES module whose default export is the scenario; `redsim run
 *   path/to/file.ts` transpiles it in memory first (needs the `typescript`
 *   package; types are not checked), and points an import of `redsim` or of
 *   `.../scenario/scenario.js` at this module. Any name is allowed.
 * Either way the registry validates it: a broken field is an error naming
 * the file and the field (exit 64).
 */

/** Who serves. Standalone now; replicated, sentinel and cluster come with their issues. */
export type Topology =
  | { readonly kind: 'standalone' }
  | { readonly kind: 'replicated'; readonly replicas: number }
  | { readonly kind: 'sentinel'; readonly replicas: number; readonly sentinels: number; readonly quorum: number }
  | { readonly kind: 'cluster'; readonly shards: number; readonly replicasPerShard: number };


export interface WorkloadSpec {
  readonly kind: WorkloadKind;
  /** Concurrent simulated clients (each its own host and process ids). */
  readonly clients: number;
  /** Distinct keys the workload touches. */
  readonly keys: number;
  /** Mean ops per second per client (exponential think time). */
  readonly rateHz: number;
  /** A request with no reply by then ends `info`; the client reconnects as a new process. */
  readonly opTimeoutMs: number;
  /** Where reads go: the master only (default), replicas, or any node. Deployments route by it (standalone has only the master). */
  readonly readFrom?: 'master' | 'replicas' | 'any';
  /** list-append: appends per MULTI/EXEC transaction (1 = no transaction). */
  readonly appendsPerTransaction?: number;
  /** Share of reads among the ops (register, kv, counter, list-append, set); each kind has a default. */
  readonly readFraction?: number;
  /**
   * After each write the client sends `WAIT replicas timeoutMs` on the same
   * connection: the write is `ok` only if WAIT returned at least `replicas`;
   * fewer (WAIT timed out) makes it `info` (applied, durability unknown),
   * with the count in its `error` (`waitAcked=0 of 1 ...`). timeoutMs must be
   * positive and below opTimeoutMs; needs a topology with that many replicas.
   */
  readonly waitReplicas?: { readonly replicas: number; readonly timeoutMs: number };
  /**
   * cas-register only: how a compare-and-set runs. `watch` (the default):
   * WATCH + GET, then MULTI/SET/EXEC (or UNWATCH); `eval`: one EVAL of a Lua
   * script that GETs and, on a match, SETs (its SET propagates as itself).
   */
  readonly casVia?: CasVia;
}

/** Latency of one network hop, per direction. */
export type LatencySpec =
  | { readonly kind: 'constant'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'exponential'; readonly meanMs: number; readonly minMs?: number };

export interface PhasesSpec {
  /** Before the workload starts (nodes boot, replication links form); default 100 ms. */
  readonly setupMs?: number;
  /** Workload and faults run for this long. */
  readonly faultsMs: number;
  /** After faults: everything healed, workload continues (liveness window). */
  readonly healMs: number;
  /** The system must converge within this bound or the run is a liveness failure. */
  readonly quiesceMsMax: number;
  /** Final reads of every key after quiesce (set/list checkers need them). */
  readonly finalReads: boolean;
}

export type CheckerName = 'linearizable' | 'list-append' | 'set' | 'durability' | 'convergence' | 'availability';

/**
 * The virtual disk of every store host. `powerLoss` weighs what a power loss
 * does to each file's unsynced tail (src/sim/disk/power-loss-policy.ts):
 * `lose`, `keepPrefix` (a write cut short), `tornSectors` (512-byte sectors
 * old or new), `garble` (the tail past the durable size holds new bytes,
 * zeros or noise), and `directoryCommitProbability` (an unsynced create or
 * rename reached the disk anyway). Fields left out keep the defaults
 * (1, 1, 1, 0, 0.5).
 */
export interface DiskSpec {
  readonly powerLoss?: Partial<PowerLossPolicy>;
}

/**
 * What the operator does when a store node refuses to start because its AOF
 * does not load (Redis logs "Bad file format reading the append only file"
 * or "Unexpected end of file ..." and exits): `none` leaves it down (every
 * later restart refuses again); `check-aof-fix` runs `redis-check-aof --fix`
 * on the node's manifest `repairDelayMs` after the refusal (default 500),
 * logs what it printed, and starts the node again. `planted-keep-half-multi`
 * is a planted bug for testing the checker: a careless repair that keeps
 * half a MULTI (cuts at the last whole command and appends EXEC).
 */
export interface RecoverySpec {
  readonly onAofLoadError: 'none' | 'check-aof-fix' | 'planted-keep-half-multi';
  readonly repairDelayMs?: number;
}

/**
 * Whether a run may see a store node refuse to start:
 * - `none` (the default): a refusal is a finding: the run's verdict is `liveness`;
 * - `allowed`: a refusal the recovery repaired (the node came back) leaves the
 *   verdict to the checkers; one that left the node down is still `liveness`;
 * - `required`: as `allowed`, and at least one of the scenario's seeds must
 *   show a repaired refusal (checked over the seeds, like detectionRateMin).
 */
export type StartRefusalExpectation = 'none' | 'allowed' | 'required';

export type Expectation =
  | { readonly valid: true; readonly startRefusals?: StartRefusalExpectation }
  | { readonly valid: false; readonly anomaly: string; readonly detectionRateMin: number; readonly startRefusals?: StartRefusalExpectation };

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly topology: Topology;
  /** redis.conf subset applied to every store node (strings, as CONFIG SET takes them). */
  readonly config: Readonly<Record<string, string>>;
  readonly network?: { readonly latency: LatencySpec };
  /** Store hosts' disks (power-loss policy); absent: the defaults. */
  readonly disk?: DiskSpec;
  /** The operator's reaction to a node that refuses to start; absent: none. */
  readonly recovery?: RecoverySpec;
  readonly workload: WorkloadSpec;
  readonly nemesis: NemesisSpec;
  readonly phases: PhasesSpec;
  readonly checkers: readonly CheckerName[];
  /** Seeds `npm start` and `npm test` run. */
  readonly seeds: readonly number[];
  readonly expect: Expectation;
}

/** Identity helper so scenario files are type-checked; validation happens when the registry loads them. */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
