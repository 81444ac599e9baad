import type { RecoveredState } from '../checker/durability/durability-input.js';
import { faultWindowOf } from '../nemesis/applied-fault.js';
import { isInvariantError } from '../core/assert.js';
import { anomaliesOfChecks } from './checks/anomalies.js';
import { compactOutcome } from './checks/check-outcome.js';
import { type CheckResult, runChecks } from './checks/run-checks.js';
import { persistenceSummaryOf } from './persistence-summary.js';
import type { CrashReport, LivenessFailure, PhaseTimes, RunOptions, RunOutput } from './run-output.js';
import { emptyPhaseTimes, runFaultsAndHeal, runFinalReads, runQuiesce, runSetup } from './run-phases.js';
import type { CheckOutcome, NodeSummary, RunResult, RunStats } from './run-result.js';
import { RunState } from './run-state.js';
import type { RecoveryRecord } from './recovery/start-refusal.js';
import { startRefusalFailure } from './recovery/start-refusal-verdict.js';
import type { Scenario } from './scenario.js';
import { decideVerdict } from './verdict.js';

function crashReportOf(error: unknown, atUs: number): CrashReport {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      ...(isInvariantError(error) ? { contract: error.contract } : {}),
      ...(error.stack === undefined ? {} : { stack: error.stack }),
      atUs,
    };
  }
  return { name: 'thrown', message: String(error), atUs };
}

interface PhaseOutcome {
  readonly phases: PhaseTimes;
  readonly liveness: LivenessFailure | null;
}

/** The phases in order; a liveness failure in quiesce still lets the final reads try. */
function runPhases(run: RunState, phases: { value: PhaseTimes }): PhaseOutcome {
  const { setupEndUs, faultsEndUs, healEndUs } = run.plan;
  phases.value = { setupEndUs, faultsEndUs, healEndUs, quiesceEndUs: healEndUs, finalReadsEndUs: healEndUs };
  runSetup(run);
  runFaultsAndHeal(run);
  const quiesceFailure = runQuiesce(run);
  const quiesceEndUs = run.world.nowUs();
  phases.value = { setupEndUs, faultsEndUs, healEndUs, quiesceEndUs, finalReadsEndUs: quiesceEndUs };
  const readsFailure = runFinalReads(run);
  phases.value = { ...phases.value, finalReadsEndUs: run.world.nowUs() };
  return { phases: phases.value, liveness: quiesceFailure ?? readsFailure };
}

function recoveredStateOf(run: RunState): RecoveredState {
  const recovered: Record<string, RecoveredState[string]> = {};
  for (const [key, value] of run.finalReader?.finalValues() ?? new Map()) recovered[key] = value;
  return recovered;
}

function runAllChecks(run: RunState): Readonly<Record<string, CheckResult>> {
  const endUs = run.world.nowUs();
  return runChecks(run.scenario, {
    history: run.recorder.ops(),
    faults: run.nemesis.applied().map((fault) => faultWindowOf(fault, endUs)),
    digests: run.deployment.convergenceDigests(),
    persistence: persistenceSummaryOf(run.storeConfig),
    recovered: recoveredStateOf(run),
  });
}

function statsOf(run: RunState, wallMs: number): RunStats {
  let ok = 0;
  let fail = 0;
  let info = 0;
  for (const op of run.recorder.ops()) {
    if (op.process === 'nemesis') continue;
    if (op.type === 'ok') ok++;
    else if (op.type === 'fail') fail++;
    else if (op.type === 'info') info++;
  }
  return { ops: ok + fail + info, ok, fail, info, events: run.world.trace.count, simulatedMs: run.world.nowUs() / 1000, wallMs };
}

/** A convergence check that failed is a liveness failure (the nodes never agreed). */
function convergenceFailure(checks: Readonly<Record<string, CheckResult>>): LivenessFailure | null {
  return checks['convergence']?.valid === false ? { phase: 'convergence', reason: 'the nodes hold different data after quiesce' } : null;
}

/**
 * Runs one seed of a scenario through its phases (setup, faults, heal,
 * quiesce, final reads, check) and returns everything it produced as plain
 * data. Never throws for a bug in the store or harness: an exception becomes
 * the `crash` verdict, with its message and the seed.
 */
export function runScenario(scenario: Scenario, seed: number, options: RunOptions = {}): RunOutput {
  const wallStartMs = options.wallClockMs?.() ?? 0;
  const run = new RunState(scenario, seed, options);
  const phases = { value: emptyPhaseTimes() };
  let crash: CrashReport | null = null;
  let liveness: LivenessFailure | null = null;
  let checkResults: Readonly<Record<string, CheckResult>> = {};
  try {
    liveness = runPhases(run, phases).liveness;
    checkResults = runAllChecks(run);
    liveness = liveness ?? convergenceFailure(checkResults);
  } catch (error: unknown) {
    crash = crashReportOf(error, run.world.nowUs());
  }
  options.onRunEnd?.(run.deployment.storeHosts.map((name) => run.world.host(name)));
  return assembleOutput(run, { crash, liveness, checkResults, phases: phases.value, wallMs: (options.wallClockMs?.() ?? 0) - wallStartMs, options });
}

interface Assembly {
  readonly crash: CrashReport | null;
  readonly liveness: LivenessFailure | null;
  readonly checkResults: Readonly<Record<string, CheckResult>>;
  readonly phases: PhaseTimes;
  readonly wallMs: number;
  readonly options: RunOptions;
}

/** The compact form of the recovery record for the `run --json` result: only the lists that have entries. */
function recoverySummaryOf(recovery: RecoveryRecord): Pick<RunResult, 'startRefusals' | 'repairs' | 'aofTruncatedLoads'> {
  const startRefusals = recovery.startRefusals.map(({ host, atUs, cause, message }) => ({ host, atUs, cause, message }));
  const repairs = recovery.repairs.map(({ host, atUs, outcome, file, fromBytes, toBytes }) => ({ host, atUs, outcome, file, fromBytes, toBytes }));
  const aofTruncatedLoads = recovery.truncatedLoads.map(({ host, atUs, message }) => ({ host, atUs, message }));
  return {
    ...(startRefusals.length === 0 ? {} : { startRefusals }),
    ...(repairs.length === 0 ? {} : { repairs }),
    ...(aofTruncatedLoads.length === 0 ? {} : { aofTruncatedLoads }),
  };
}

function assembleOutput(run: RunState, assembly: Assembly): RunOutput {
  const { crash, checkResults } = assembly;
  const recovery = run.operator.record();
  const storeHosts = run.deployment.storeHosts.map((name) => run.world.host(name));
  // A refused start is the root cause of a store that never settled: it names the host and Redis's line.
  const liveness = startRefusalFailure(recovery, storeHosts, run.scenario.expect.startRefusals) ?? assembly.liveness;
  const checks: Record<string, CheckOutcome> = {};
  for (const [name, result] of Object.entries(checkResults)) checks[name] = compactOutcome(name, result);
  const nodes: NodeSummary[] = run.deployment.nodeStates().map(({ host, role, dbsize, digest }) => ({ host, role, dbsize, digest }));
  const verdict = decideVerdict(crash, liveness, Object.values(checkResults).map((result) => result.valid));
  const result: RunResult = {
    scenario: run.scenario.name,
    seed: run.seed,
    traceHash: run.world.trace.hash(),
    verdict,
    expected: run.scenario.expect.valid ? 'valid' : 'invalid',
    checks,
    stats: statsOf(run, Math.round(assembly.wallMs * 10) / 10),
    nodes,
    ...recoverySummaryOf(recovery),
    reportDir: assembly.options.reportDir ?? null,
  };
  return {
    scenario: run.scenario,
    result,
    history: run.recorder.ops(),
    faults: run.nemesis.applied(),
    swarmDraw: run.swarmDraw,
    scheduledFaults: run.scheduledFaults,
    nodeSpans: run.spans.spans(run.world.nowUs()),
    phases: assembly.phases,
    checkResults,
    anomalies: anomaliesOfChecks(checkResults),
    recovery,
    crash,
    liveness,
    ...(assembly.options.keepTrace === true ? { traceEntries: run.world.trace.entries() } : {}),
  };
}

export type { RunOptions, RunOutput } from './run-output.js';
export type { Scenario };
