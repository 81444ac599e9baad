import { defineScenario } from '../src/scenario/scenario.js';

/**
 * A master without persistence (save "", appendonly no) is killed and
 * restarted: it comes back empty, still a master, and its replicas
 * resynchronize to its empty dataset (Redis's documented hazard of
 * replication with persistence off). Every acknowledged add before the
 * restart is lost everywhere, and the set checker must report it.
 */
export default defineScenario({
  name: 'persistence-off-master-restart',
  description: 'set workload on a master without persistence and two replicas; the master restarts empty and the replicas resync to empty: lost writes',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 4, keys: 2, rateHz: 20, opTimeoutMs: 300 },
  nemesis: { timeline: [{ atMs: 5_000, durationMs: 500, fault: { kind: 'kill', target: 'master' } }] },
  phases: { setupMs: 1_000, faultsMs: 10_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.9 },
});
