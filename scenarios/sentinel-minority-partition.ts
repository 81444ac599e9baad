import { defineScenario } from '../src/scenario/scenario.js';

/**
 * Jepsen's 2013 Redis test: a master with two replicas and three sentinels;
 * a partition leaves the master and one sentinel in a minority. The majority
 * elects a new master; clients whose sentinel is on the minority side keep
 * writing to the old master, which acknowledges them. On heal the old master
 * becomes a replica and resynchronizes: its acknowledged writes vanish.
 * The set checker must report lost writes (Jepsen's run lost 56%).
 */
export default defineScenario({
  name: 'sentinel-minority-partition',
  description: 'set workload, master+2 replicas+3 sentinels; master and one sentinel partitioned into a minority: the majority fails over, the old master keeps acknowledging, then loses those writes',
  topology: { kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 5, keys: 1, rateHz: 10, opTimeoutMs: 1000 },
  nemesis: { timeline: [{ atMs: 5_000, durationMs: 20_000, fault: { kind: 'partition', mode: 'clog', shape: 'minority-with', members: ['master', 's1'] } }] },
  phases: { setupMs: 3_000, faultsMs: 30_000, healMs: 5_000, quiesceMsMax: 60_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 1 },
});
