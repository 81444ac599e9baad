import { defineScenario } from '../src/scenario/scenario.js';

/**
 * Asynchronous replication's window: the master's stream to its replicas is
 * held (a one-way partition), it keeps acknowledging writes, then it
 * crashes. The sentinels promote a replica that never received those
 * writes: acknowledged writes are lost.
 */
export default defineScenario({
  name: 'crash-before-replicate',
  description: 'master acknowledges writes its replicas have not received, then crashes; sentinels promote a replica without them: lost writes',
  topology: { kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 4, keys: 1, rateHz: 10, opTimeoutMs: 1000 },
  nemesis: {
    timeline: [
      { atMs: 5_000, durationMs: 25_000, fault: { kind: 'partition', mode: 'clog', shape: 'one-way', from: 'master', to: 'replica' } },
      { atMs: 7_000, durationMs: 25_000, fault: { kind: 'kill', target: 'master' } },
    ],
  },
  phases: { setupMs: 3_000, faultsMs: 35_000, healMs: 5_000, quiesceMsMax: 60_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 1 },
});
