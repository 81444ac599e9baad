import type { Op } from '../../../src/history/op.js';
import { runScenario } from '../../../src/scenario/runner.js';
import type { RunOutput } from '../../../src/scenario/run-output.js';
import type { Scenario } from '../../../src/scenario/scenario.js';

/** A small register run against the planted stale-read bug: non-linearizable, no faults. */
export const staleReadScenario: Scenario = {
  name: 'timeline-stale-read',
  description: 'register workload against a node that serves stale reads',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no', 'debug-stale-reads-ms': '200' },
  workload: { kind: 'register', clients: 3, keys: 2, rateHz: 20, opTimeoutMs: 500 },
  nemesis: {},
  phases: { faultsMs: 3_000, healMs: 500, quiesceMsMax: 2_000, finalReads: false },
  checkers: ['linearizable'],
  seeds: [1],
  expect: { valid: false, anomaly: 'not-linearizable', detectionRateMin: 0.9 },
};

/** A small set run on a node without persistence, killed twice: lost writes, two fault windows. */
export const killScenario: Scenario = {
  name: 'timeline-kill',
  description: 'set workload on one node without persistence, killed twice',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no' },
  workload: { kind: 'set', clients: 3, keys: 2, rateHz: 20, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 1_000, durationMs: 500, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 2_500, durationMs: 300, fault: { kind: 'kill', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 4_000, healMs: 1_000, quiesceMsMax: 3_000, finalReads: true },
  checkers: ['set', 'availability'],
  seeds: [1],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.9 },
};

const cache = new Map<string, RunOutput>();

export function runOf(scenario: Scenario, seed = 1): RunOutput {
  const key = `${scenario.name}/${seed}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const output = runScenario(scenario, seed, {});
  cache.set(key, output);
  return output;
}

/** Completions of client ops (what the chart draws as bars). */
export function completedClientOps(history: readonly Op[]): number {
  return history.filter((op) => op.process !== 'nemesis' && op.type !== 'invoke').length;
}
