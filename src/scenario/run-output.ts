import type { Op } from '../history/op.js';
import type { AppliedFault } from '../nemesis/applied-fault.js';
import type { SwarmDraw } from '../nemesis/swarm.js';
import type { TraceEntry } from '../sim/trace.js';
import type { CheckResult } from './checks/run-checks.js';
import type { RecoveryRecord } from './recovery/start-refusal.js';
import type { RunResult } from './run-result.js';
import type { Scenario, TimedFault } from './scenario.js';
import type { SimHost } from '../sim/sim-host.js';

export interface RunOptions {
  /** Where the CLI will write the report (echoed in the result); null or absent: no report. */
  readonly reportDir?: string | null;
  /** The CLI's wall clock in ms, for `stats.wallMs` (simulated code never reads it). */
  readonly wallClockMs?: () => number;
  /** Keep the trace entries (for `--trace` and replay diffs); otherwise only the hash is kept. */
  readonly keepTrace?: boolean;
  /** An explicit fault list that replaces the scenario's timeline and swarm draw (shrink, replay of a timeline). */
  readonly timelineOverride?: readonly TimedFault[];
  /**
   * Called once at the end of the run (also after a crash) with the store
   * hosts, e.g. for `--export-disk` to copy their durable disk images.
   */
  readonly onRunEnd?: (storeHosts: readonly SimHost[]) => void;
}

/** When each phase began and ended, in true simulated µs. */
export interface PhaseTimes {
  readonly setupEndUs: number;
  readonly faultsEndUs: number;
  readonly healEndUs: number;
  /** When the system settled (or the quiesce bound ran out). */
  readonly quiesceEndUs: number;
  /** When the final reads finished (equal to quiesceEndUs without final reads). */
  readonly finalReadsEndUs: number;
}

/** A store host's role and process state over a stretch of simulated time. */
export interface NodeSpan {
  readonly host: string;
  readonly role: string;
  readonly state: string;
  readonly fromUs: number;
  readonly toUs: number;
}

/** An exception that stopped the run: an InvariantError is a bug in redsim or the store (exit 4). */
export interface CrashReport {
  readonly name: string;
  readonly message: string;
  /** The contract an InvariantError names. */
  readonly contract?: string;
  readonly stack?: string;
  readonly atUs: number;
}

/** Why a run is a liveness failure. */
export interface LivenessFailure {
  /** `start-refused`: a store node refused to start (its data did not load) and stayed down, or refused where the scenario expects no refusal. */
  readonly phase: 'quiesce' | 'final-reads' | 'convergence' | 'start-refused';
  readonly reason: string;
}

/** Everything one run produced, as plain data: enough for every report file and the timeline. */
export interface RunOutput {
  readonly scenario: Scenario;
  readonly result: RunResult;
  readonly history: readonly Op[];
  readonly faults: readonly AppliedFault[];
  /** The swarm's draw for this seed; null without a swarm (or with a timeline override). */
  readonly swarmDraw: SwarmDraw | null;
  /** The faults the nemesis was given (timeline, override or swarm draw), in ms from the faults phase. */
  readonly scheduledFaults: readonly TimedFault[];
  readonly nodeSpans: readonly NodeSpan[];
  readonly phases: PhaseTimes;
  /** Full checker results by checker name (the result's `checks` are their summaries). */
  readonly checkResults: Readonly<Record<string, CheckResult>>;
  readonly anomalies: readonly string[];
  /** Store nodes that refused to start, and the operator's repairs, in full (warnings, the tool's output). */
  readonly recovery: RecoveryRecord;
  readonly crash: CrashReport | null;
  readonly liveness: LivenessFailure | null;
  /** Kept trace entries, when `keepTrace` was set. */
  readonly traceEntries?: readonly TraceEntry[];
}
