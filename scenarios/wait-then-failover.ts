import { defineScenario } from '../src/scenario/scenario.js';

/**
 * WAIT is not a consensus commit (the Redis docs: "WAIT does not make Redis
 * a strongly consistent store"). A master n1 with replicas n2 and n3 and
 * three sentinels; every write is followed by WAIT 1. First the link from n1
 * to n3 drops (n3 stops receiving the stream, so each WAIT 1 is answered by
 * n2 alone); then n2 is cut off and n1 is killed. The sentinels can only
 * promote n3, which lacks every write acknowledged meanwhile; when n2 and the
 * restarted n1 come back they resync from n3 and those writes are gone.
 * Writes whose WAIT timed out (n2 cut off, or the new master with no replica)
 * are `info`. The set checker must report lost writes.
 */
export default defineScenario({
  name: 'wait-then-failover',
  description: 'set workload with WAIT 1 after each write, master+2 replicas+3 sentinels: replica n3 stops receiving the stream, then n2 is cut off and the master killed; the sentinels promote n3 and writes WAIT said one replica had are lost',
  topology: { kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 5, keys: 1, rateHz: 10, opTimeoutMs: 1000, waitReplicas: { replicas: 1, timeoutMs: 300 } },
  nemesis: {
    timeline: [
      { atMs: 1_000, durationMs: 12_000, fault: { kind: 'partition', mode: 'drop', shape: 'one-way', from: 'n1', to: 'n3' } },
      { atMs: 5_000, durationMs: 26_000, fault: { kind: 'partition', mode: 'drop', shape: 'isolate', target: 'n2' } },
      { atMs: 6_000, durationMs: 25_000, fault: { kind: 'kill', target: 'n1' } },
    ],
  },
  phases: { setupMs: 3_000, faultsMs: 35_000, healMs: 10_000, quiesceMsMax: 60_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.9 },
});
