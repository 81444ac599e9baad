import { defineScenario } from '../src/scenario/scenario.js';

/**
 * Compare-and-set the way Redis users write it, one EVAL of a Lua script
 * (GET, and SET on a match), under Jepsen's 2013 Redis partition: a master
 * with two replicas and three sentinels; a partition leaves the master and
 * one sentinel in a minority. The script's SET reaches the replicas as a
 * plain SET (effects replication). The majority promotes a replica; clients
 * still on the old master keep running scripts there, which acknowledge
 * their cas; on heal the old master resyncs from the new one and those
 * acknowledged cas vanish. Two masters accepting cas at once is not
 * linearizable: the checker must say so; once quiet, every node must hold
 * the same data.
 */
export default defineScenario({
  name: 'cas-register-eval',
  description: 'cas-register with the cas as one EVAL (Lua GET + SET), master+2 replicas+3 sentinels; master and one sentinel partitioned into a minority: both sides acknowledge cas, not linearizable',
  topology: { kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'cas-register', clients: 5, keys: 2, rateHz: 10, opTimeoutMs: 1000, casVia: 'eval' },
  nemesis: { timeline: [{ atMs: 5_000, durationMs: 20_000, fault: { kind: 'partition', mode: 'clog', shape: 'minority-with', members: ['master', 's1'] } }] },
  phases: { setupMs: 3_000, faultsMs: 30_000, healMs: 5_000, quiesceMsMax: 60_000, finalReads: true },
  checkers: ['linearizable', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'not-linearizable', detectionRateMin: 1 },
});
