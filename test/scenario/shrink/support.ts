import type { AppliedFault } from '../../../src/nemesis/applied-fault.js';
import type { RunOutput } from '../../../src/scenario/run-output.js';
import type { Verdict } from '../../../src/scenario/run-result.js';
import type { Scenario, TimedFault } from '../../../src/scenario/scenario.js';
import { noRecovery } from '../../../src/scenario/recovery/start-refusal.js';

export function baseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'demo',
    description: 'a demo scenario',
    topology: { kind: 'standalone' },
    config: { save: '', appendonly: 'no' },
    workload: { kind: 'set', clients: 4, keys: 3, rateHz: 20, opTimeoutMs: 300 },
    nemesis: { swarm: { weights: { kill: 1, pause: 1 }, faultsPerSecond: 1, durationMsMin: 100, durationMsMax: 1000 } },
    phases: { faultsMs: 10_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
    checkers: ['set'],
    seeds: [1, 2],
    expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.5 },
    ...overrides,
  };
}

export interface FakeRun {
  readonly verdict: Verdict;
  readonly anomalies?: readonly string[];
  readonly scheduledFaults?: readonly TimedFault[];
  readonly faults?: readonly AppliedFault[];
  readonly ops?: number;
  readonly crashContract?: string;
  readonly livenessPhase?: 'quiesce' | 'final-reads' | 'convergence';
}

/** A RunOutput with only what shrinking and replay look at filled in. */
export function fakeOutput(scenario: Scenario, seed: number, run: FakeRun): RunOutput {
  const ops = run.ops ?? 10;
  return {
    scenario,
    result: {
      scenario: scenario.name,
      seed,
      traceHash: 'feedfacefeedface',
      verdict: run.verdict,
      expected: scenario.expect.valid ? 'valid' : 'invalid',
      checks: {},
      stats: { ops, ok: ops, fail: 0, info: 0, events: 100, simulatedMs: 1000, wallMs: 1 },
      nodes: [],
      reportDir: null,
    },
    history: [],
    faults: run.faults ?? [],
    swarmDraw: null,
    scheduledFaults: run.scheduledFaults ?? [],
    nodeSpans: [],
    phases: { setupEndUs: 100_000, faultsEndUs: 0, healEndUs: 0, quiesceEndUs: 0, finalReadsEndUs: 0 },
    checkResults: {},
    anomalies: run.anomalies ?? [],
    crash: run.crashContract === undefined ? null : { name: 'InvariantError', message: `invariant broken: ${run.crashContract}`, contract: run.crashContract, atUs: 5 },
    liveness: run.livenessPhase === undefined ? null : { phase: run.livenessPhase, reason: 'did not settle' },
    recovery: noRecovery,
  };
}

export function applied(id: number, kind: AppliedFault['kind'], target: string, startUs: number, endUs: number | null, effective = true): AppliedFault {
  return { id, kind, target, startUs, endUs, effective, details: {} };
}
