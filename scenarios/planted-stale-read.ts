import { defineScenario } from '../src/scenario/scenario.js';

/**
 * A planted bug proves the linearizability checker works end to end: with
 * `debug-stale-reads-ms 200` the node answers GET with the oldest value GET
 * saw in the last 200 ms, so a read can miss a write that completed before
 * it began. No faults are needed; the checker must find the stale read.
 */
export default defineScenario({
  name: 'planted-stale-read',
  description: 'register workload against a node with a planted stale-read bug (debug-stale-reads-ms 200): must be found non-linearizable',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no', 'debug-stale-reads-ms': '200' },
  workload: { kind: 'register', clients: 5, keys: 3, rateHz: 10, opTimeoutMs: 500 },
  nemesis: {},
  phases: { faultsMs: 10_000, healMs: 1_000, quiesceMsMax: 2_000, finalReads: false },
  checkers: ['linearizable'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'not-linearizable', detectionRateMin: 0.9 },
});
