import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/scenario/run-result.js';
import type { Expectation, Scenario } from '../../../src/scenario/scenario.js';
import { summarizeScenarioSweep, sweepExitCode } from '../../../src/scenario/sweep/scenario-sweep-summary.js';
import { seedOutcome, type SweepSeedResult } from '../../../src/scenario/sweep/seed-outcome.js';

function scenarioExpecting(expect: Expectation): Scenario {
  return {
    name: 'demo',
    description: 'demo',
    topology: { kind: 'standalone' },
    config: {},
    workload: { kind: 'register', clients: 1, keys: 1, rateHz: 1, opTimeoutMs: 100 },
    nemesis: {},
    phases: { faultsMs: 10, healMs: 10, quiesceMsMax: 10, finalReads: false },
    checkers: ['linearizable'],
    seeds: [1],
    expect,
  };
}

function seed(seedNumber: number, verdict: Verdict, anomalies: string[] = []): SweepSeedResult {
  return { seed: seedNumber, verdict, traceHash: `h${seedNumber}`, wallMs: 100, anomalies, crash: verdict === 'crash' ? 'InvariantError: boom' : null, reportDir: null };
}

const expectLostWrites: Expectation = { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.5 };

describe('seedOutcome', () => {
  it('for expect valid: valid is met, anything else unexpected', () => {
    expect(seedOutcome({ valid: true }, seed(1, 'valid'))).toBe('met');
    for (const verdict of ['invalid', 'unknown', 'liveness', 'crash'] as const) expect(seedOutcome({ valid: true }, seed(1, verdict))).toBe('unexpected');
  });

  it('for expect invalid: the anomaly is detected, valid is missed, the rest unexpected', () => {
    expect(seedOutcome(expectLostWrites, seed(1, 'invalid', ['lost-writes', 'phantom']))).toBe('detected');
    expect(seedOutcome(expectLostWrites, seed(1, 'valid'))).toBe('missed');
    expect(seedOutcome(expectLostWrites, seed(1, 'invalid', ['not-linearizable']))).toBe('unexpected');
    for (const verdict of ['unknown', 'liveness', 'crash'] as const) expect(seedOutcome(expectLostWrites, seed(1, verdict))).toBe('unexpected');
  });
});

describe('summarizeScenarioSweep', () => {
  it('counts detections over all seeds and meets a reached minimum', () => {
    const summary = summarizeScenarioSweep(scenarioExpecting(expectLostWrites), [seed(2, 'valid'), seed(1, 'invalid', ['lost-writes'])], 500);
    expect(summary.results.map((result) => result.seed)).toEqual([1, 2]);
    expect(summary.detected).toBe(1);
    expect(summary.detectionRate).toBe(0.5);
    expect(summary.unexpected).toEqual([]);
    expect(summary.seedsPerSecond).toBe(4);
    expect(summary.ok).toBe(true);
  });

  it('fails a scenario whose detection rate is below its minimum, without unexpected seeds', () => {
    const summary = summarizeScenarioSweep(scenarioExpecting(expectLostWrites), [seed(1, 'valid'), seed(2, 'valid'), seed(3, 'invalid', ['lost-writes'])], 300);
    expect(summary.detectionRate).toBeCloseTo(1 / 3, 5);
    expect(summary.unexpected).toEqual([]);
    expect(summary.ok).toBe(false);
  });

  it('fails a valid-expecting scenario on any non-valid seed and lists crashes', () => {
    const summary = summarizeScenarioSweep(scenarioExpecting({ valid: true }), [seed(1, 'valid'), seed(2, 'crash'), seed(3, 'liveness')], 300);
    expect(summary.unexpected).toEqual([2, 3]);
    expect(summary.crashed).toEqual([2]);
    expect(summary.ok).toBe(false);
  });

  it('treats a shard without seeds as met, with no detection rate', () => {
    const summary = summarizeScenarioSweep(scenarioExpecting(expectLostWrites), [], 0);
    expect(summary.detectionRate).toBeNull();
    expect(summary.ok).toBe(true);
  });
});

describe('sweepExitCode', () => {
  it('is 0 when all met, 1 when one did not, 4 when a seed crashed', () => {
    const met = summarizeScenarioSweep(scenarioExpecting({ valid: true }), [seed(1, 'valid')], 10);
    const unmet = summarizeScenarioSweep(scenarioExpecting({ valid: true }), [seed(1, 'invalid', ['lost-writes'])], 10);
    const crashed = summarizeScenarioSweep(scenarioExpecting(expectLostWrites), [seed(1, 'crash')], 10);
    expect(sweepExitCode([met])).toBe(0);
    expect(sweepExitCode([met, unmet])).toBe(1);
    expect(sweepExitCode([unmet, crashed])).toBe(4);
  });
});
