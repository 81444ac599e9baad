import { defineScenario } from '../src/scenario/scenario.js';

/**
 * FAILOVER TO a replica that stops answering: n3 is paused (a stopped
 * process, like a long GC) when the operator runs FAILOVER TO n3 with a
 * 1 s TIMEOUT and no FORCE. The master pauses writes, waits for n3's
 * acknowledgement that never comes, gives up after the timeout and stays
 * master; held writes go on. Nothing acknowledged may be lost, and once n3
 * resumes every node must converge.
 */
export default defineScenario({
  name: 'failover-timeout-paused-replica',
  description: 'set workload on master n1 with replicas n2, n3; n3 is paused and FAILOVER TO n3 TIMEOUT 1000 times out: n1 stays master, writes resume, nothing lost, all converge',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 5, keys: 1, rateHz: 20, opTimeoutMs: 2000 },
  nemesis: {
    timeline: [
      { atMs: 2_000, durationMs: 4_000, fault: { kind: 'pause', target: 'n3' } },
      { atMs: 3_000, durationMs: 0, fault: { kind: 'admin', target: 'n1', argv: ['FAILOVER', 'TO', 'n3', '6379', 'TIMEOUT', '1000'] } },
    ],
  },
  phases: { setupMs: 2_000, faultsMs: 10_000, healMs: 5_000, quiesceMsMax: 15_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: true },
});
