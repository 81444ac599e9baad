import { defineScenario } from '../src/scenario/scenario.js';

/**
 * RDB snapshots only (`save 1 1`: a BGSAVE each second with changes, no
 * AOF), with kills and power losses: everything since the last completed
 * snapshot may be lost, but what comes back is a snapshot, the state after
 * a prefix of the acknowledged history. The durability contract must pass
 * and its report lists the lost writes.
 */
export default defineScenario({
  name: 'rdb-only-power-loss',
  description: 'set workload on one node with RDB snapshots only (save 1 1), kills and power losses: recovered state is a prefix (valid contract), lost writes reported',
  topology: { kind: 'standalone' },
  config: { save: '1 1', appendonly: 'no' },
  workload: { kind: 'set', clients: 4, keys: 3, rateHz: 25, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 3_500, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 7_200, durationMs: 400, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 11_600, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 14_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
