import { defineScenario } from '../src/scenario/scenario.js';

/**
 * Redis 7.0's coordinated failover (the FAILOVER command), run by an
 * operator while writes go on: the master pauses writes, waits until a
 * replica has its whole stream, hands mastership over with PSYNC FAILOVER
 * and becomes that replica's replica. Clients follow the role change (they
 * write to whichever node says it is master). Done twice, there and back:
 * no acknowledged write may be lost, and every node ends with the same data.
 */
export default defineScenario({
  name: 'failover-command',
  description: 'set workload on a master with two replicas; an operator runs FAILOVER on the master twice (there and back): writes pause, nothing acknowledged is lost, all nodes converge',
  topology: { kind: 'replicated', replicas: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0' },
  workload: { kind: 'set', clients: 5, keys: 2, rateHz: 20, opTimeoutMs: 1000 },
  nemesis: {
    timeline: [
      { atMs: 3_000, durationMs: 0, fault: { kind: 'admin', target: 'master', argv: ['FAILOVER'] } },
      { atMs: 9_000, durationMs: 0, fault: { kind: 'admin', target: 'master', argv: ['FAILOVER', 'TIMEOUT', '2000'] } },
    ],
  },
  phases: { setupMs: 2_000, faultsMs: 15_000, healMs: 5_000, quiesceMsMax: 10_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: true },
});
