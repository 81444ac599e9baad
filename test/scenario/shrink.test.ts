import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../src/scenario/run-output.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import { shrinkFailure, shrunkScenarioName } from '../../src/scenario/shrink.js';
import { applied, baseScenario, fakeOutput } from './shrink/support.js';

/**
 * A stand-in for the runner: with the swarm, the seed draws three faults
 * aimed at `random-node` and the nemesis hits n1 with the kill; the run loses
 * writes when a kill of n1 of at least 50 ms happens while 2+ clients run.
 */
function fakeRun(scenario: Scenario, seed: number): RunOutput {
  if (scenario.nemesis.swarm !== undefined) {
    return fakeOutput(scenario, seed, {
      verdict: 'invalid',
      anomalies: ['lost-writes'],
      ops: 500,
      scheduledFaults: [
        { atMs: 1000, durationMs: 400, fault: { kind: 'pause', target: 'random-node' } },
        { atMs: 4000, durationMs: 900, fault: { kind: 'kill', target: 'random-node' } },
        { atMs: 7000, durationMs: 300, fault: { kind: 'pause', target: 'random-node' } },
      ],
      faults: [applied(1, 'pause', 'n1', 1_100_000, 1_500_000), applied(2, 'kill', 'n1', 4_100_000, 5_000_000), applied(3, 'pause', 'n1', 7_100_000, 7_400_000)],
    });
  }
  const timeline = scenario.nemesis.timeline ?? [];
  const kill = timeline.find((timed) => timed.fault.kind === 'kill' && 'target' in timed.fault && timed.fault.target === 'n1');
  const fails = kill !== undefined && kill.durationMs >= 50 && scenario.workload.clients >= 2 && kill.atMs < scenario.phases.faultsMs;
  return fakeOutput(scenario, seed, { verdict: fails ? 'invalid' : 'valid', anomalies: fails ? ['lost-writes'] : [], ops: scenario.workload.clients * 10 });
}

describe('shrinkFailure', () => {
  it('turns the seed into an explicit, concrete timeline and shrinks it to the one kill that matters', () => {
    const outcome = shrinkFailure(baseScenario(), 3, { run: fakeRun, attemptsMax: 200 });
    if (outcome.kind !== 'shrunk') throw new Error(`expected a shrunk case, got ${outcome.kind}`);
    const minimal = outcome.minimal;
    expect(minimal.name).toBe(shrunkScenarioName('demo', 3));
    expect(minimal.nemesis.swarm).toBeUndefined();
    expect(minimal.nemesis.timeline).toHaveLength(1);
    expect(minimal.nemesis.timeline?.[0]?.fault).toEqual({ kind: 'kill', target: 'n1' });
    expect(minimal.workload.clients).toBe(2);
    expect(minimal.seeds).toEqual([3]);
    expect(minimal.expect).toEqual({ valid: false, anomaly: 'lost-writes', detectionRateMin: 1 });
    expect(outcome.before.faults).toBe(3);
    expect(outcome.after.faults).toBe(1);
    expect(outcome.after.faultsMs).toBeLessThan(outcome.before.faultsMs);
    expect(outcome.after.ops).toBeLessThan(outcome.before.ops);
    expect(outcome.minimalOutput.result.verdict).toBe('invalid');
    expect(outcome.attempts).toBeLessThanOrEqual(200);
  });

  it('has nothing to shrink for a seed that passes', () => {
    const outcome = shrinkFailure(baseScenario({ nemesis: {} }), 3, { run: fakeRun });
    expect(outcome.kind).toBe('not-failing');
  });

  it('says so when the failure does not reproduce with its faults as an explicit timeline', () => {
    const swarmOnly = (scenario: Scenario, seed: number): RunOutput => (scenario.nemesis.swarm !== undefined ? fakeRun(scenario, seed) : fakeOutput(scenario, seed, { verdict: 'valid' }));
    const outcome = shrinkFailure(baseScenario(), 3, { run: swarmOnly });
    expect(outcome.kind).toBe('not-reproducible');
  });

  it('keeps a valid-expecting scenario expecting valid (a regression test that fails until the bug is fixed)', () => {
    const outcome = shrinkFailure(baseScenario({ expect: { valid: true } }), 3, { run: fakeRun, attemptsMax: 50 });
    if (outcome.kind !== 'shrunk') throw new Error(`expected a shrunk case, got ${outcome.kind}`);
    expect(outcome.minimal.expect).toEqual({ valid: true });
  });
});
