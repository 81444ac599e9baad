import { defineScenario } from '../src/scenario/scenario.js';

/**
 * A replica cut off for a few seconds (its link reset) while writes go on:
 * when it reconnects, PSYNC continues from the backlog (+CONTINUE) instead
 * of a full resync, and every node ends with the master's data. No write
 * is lost: the master never changes.
 */
export default defineScenario({
  name: 'partial-resync-short-partition',
  description: 'set workload on a master with two replicas; one replica is partitioned (drop) for 3 s and resumes with a partial resync: valid and converged',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0', 'repl-timeout': '5', 'repl-ping-replica-period': '1' },
  workload: { kind: 'set', clients: 4, keys: 2, rateHz: 20, opTimeoutMs: 500 },
  nemesis: { timeline: [{ atMs: 3_000, durationMs: 3_000, fault: { kind: 'partition', mode: 'drop', shape: 'isolate', target: 'n2' } }] },
  phases: { setupMs: 1_000, faultsMs: 10_000, healMs: 8_000, quiesceMsMax: 10_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: true },
});
