import { defineScenario } from '../src/scenario/scenario.js';

/**
 * The control for replica-stale-reads: the same master with two replicas,
 * but reads go to the master too. Without faults the history must be
 * linearizable and, once quiet, the replicas must hold the master's data.
 */
export default defineScenario({
  name: 'replica-master-reads',
  description: 'register workload on a master with two replicas, reads from the master, no faults: linearizable and converged',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  network: { latency: { kind: 'exponential', meanMs: 6, minMs: 0.5 } },
  workload: { kind: 'register', clients: 5, keys: 3, rateHz: 20, opTimeoutMs: 500, readFrom: 'master' },
  nemesis: {},
  phases: { setupMs: 1_000, faultsMs: 10_000, healMs: 1_000, quiesceMsMax: 3_000, finalReads: false },
  checkers: ['linearizable', 'convergence'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
