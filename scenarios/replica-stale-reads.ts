import { defineScenario } from '../src/scenario/scenario.js';

/**
 * Register workload on a master with two replicas; reads go to the replicas.
 * Replication is asynchronous: a write the master acknowledged may not have
 * reached a replica yet when another client reads there, so reads return
 * stale values. Under the register model that is a linearizability
 * violation, and the checker must find it, with no fault at all.
 */
export default defineScenario({
  name: 'replica-stale-reads',
  description: 'register workload, writes to the master, reads from two async replicas: stale reads must be found non-linearizable',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  network: { latency: { kind: 'exponential', meanMs: 6, minMs: 0.5 } },
  workload: { kind: 'register', clients: 5, keys: 3, rateHz: 20, opTimeoutMs: 500, readFrom: 'replicas' },
  nemesis: {},
  phases: { setupMs: 1_000, faultsMs: 10_000, healMs: 1_000, quiesceMsMax: 3_000, finalReads: false },
  checkers: ['linearizable', 'convergence'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'not-linearizable', detectionRateMin: 0.9 },
});
