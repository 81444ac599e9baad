import { defineScenario } from '../src/scenario/scenario.js';

/**
 * One node with persistence off, killed and restarted twice while clients
 * add to sets. Everything acknowledged before a kill is gone after it: the
 * set checker must report the lost writes (the durability contract allows
 * them: without AOF or RDB a kill may lose everything).
 */
export default defineScenario({
  name: 'single-node-kill-no-persistence',
  description: 'set workload on one node without persistence, killed and restarted: acknowledged adds are lost and must be found',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no' },
  workload: { kind: 'set', clients: 4, keys: 2, rateHz: 20, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 4_000, durationMs: 1_000, fault: { kind: 'kill', target: 'master' } },
      { atMs: 10_000, durationMs: 500, fault: { kind: 'kill', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 15_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['set', 'durability', 'availability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.9 },
});
