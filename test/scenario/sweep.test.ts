import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/scenario.js';
import { plannedSeedCount, planSweep } from '../../src/scenario/sweep.js';

function scenarioWithSeeds(name: string, seeds: number[]): Scenario {
  return {
    name,
    description: name,
    topology: { kind: 'standalone' },
    config: {},
    workload: { kind: 'register', clients: 1, keys: 1, rateHz: 1, opTimeoutMs: 100 },
    nemesis: {},
    phases: { faultsMs: 10, healMs: 10, quiesceMsMax: 10, finalReads: false },
    checkers: ['linearizable'],
    seeds,
    expect: { valid: true },
  };
}

describe('planSweep', () => {
  const scenarios = [scenarioWithSeeds('a', [1, 2, 3]), scenarioWithSeeds('b', [10, 11])];

  it("runs each scenario's own seeds by default, in scenario order", () => {
    const plan = planSweep(scenarios);
    expect(plan.map((entry) => [entry.scenario.name, entry.seeds])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [10, 11]],
    ]);
    expect(plannedSeedCount(plan)).toBe(5);
  });

  it('replaces every scenario seeds with --seeds and keeps only the shard share', () => {
    const plan = planSweep(scenarios, { seeds: [1, 2, 3, 4, 5], shard: { index: 1, count: 2 } });
    expect(plan.map((entry) => entry.seeds)).toEqual([
      [1, 3, 5],
      [1, 3, 5],
    ]);
  });
});
