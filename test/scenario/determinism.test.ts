import { describe, expect, test } from 'vitest';
import { formatJsonlHistory } from '../../src/history/jsonl-codec.js';
import { runScenario } from '../../src/scenario/runner.js';
import type { Scenario } from '../../src/scenario/scenario.js';
import killNoPersistence from '../../scenarios/single-node-kill-no-persistence.js';
import linearizable from '../../scenarios/single-node-linearizable.js';
import plantedStaleRead from '../../scenarios/planted-stale-read.js';

const shipped = [linearizable, killNoPersistence, plantedStaleRead];

/** The scenario squeezed to ~1.5 simulated seconds, its faults kept inside, so 100 seeds stay fast. */
function squeezed(scenario: Scenario): Scenario {
  const timeline = (scenario.nemesis.timeline ?? []).map((timed, index) => ({ ...timed, atMs: 200 + index * 300, durationMs: Math.min(timed.durationMs, 200) }));
  const swarm = scenario.nemesis.swarm === undefined ? {} : { swarm: { ...scenario.nemesis.swarm, faultsPerSecond: 3 } };
  return { ...scenario, nemesis: { ...(timeline.length === 0 ? {} : { timeline }), ...swarm }, phases: { setupMs: 20, faultsMs: 1000, healMs: 300, quiesceMsMax: 1000, finalReads: scenario.phases.finalReads } };
}

describe('determinism', () => {
  test('the same seed gives the same trace hash and the same history', () => {
    for (const scenario of shipped) {
      const first = runScenario(scenario, 2);
      const second = runScenario(scenario, 2);
      expect(second.result.traceHash, scenario.name).toBe(first.result.traceHash);
      expect(formatJsonlHistory(second.history)).toBe(formatJsonlHistory(first.history));
      expect(second.faults).toEqual(first.faults);
      expect(second.result.verdict).toBe(first.result.verdict);
    }
  });

  test('different seeds give different runs', () => {
    const hashes = new Set([1, 2, 3].map((seed) => runScenario(squeezed(linearizable), seed).result.traceHash));
    expect(hashes.size).toBe(3);
  });

  test('100 seeds of each shipped scenario replay to the same hash', () => {
    for (const scenario of shipped.map(squeezed)) {
      for (let seed = 0; seed < 100; seed++) {
        const first = runScenario(scenario, seed);
        const again = runScenario(scenario, seed);
        expect(again.result.traceHash, `${scenario.name} seed ${seed}`).toBe(first.result.traceHash);
        expect(again.result.stats.ops).toBe(first.result.stats.ops);
        expect(first.crash).toBeNull();
      }
    }
  });
});
