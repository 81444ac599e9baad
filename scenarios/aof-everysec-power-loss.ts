import { defineScenario } from '../src/scenario/scenario.js';

/**
 * appendfsync everysec and power losses: the writes acknowledged in the
 * last second or two before each power loss may be gone (they were in the
 * page cache, not yet fsynced), and nothing older. The durability contract
 * allows exactly that and must pass; its report lists the writes lost
 * within the policy window (a set checker would report them as lost).
 */
export default defineScenario({
  name: 'aof-everysec-power-loss',
  description: 'set workload on one node with AOF appendfsync everysec and power losses: losses only within the ~2 s policy window (valid under the durability contract)',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'everysec' },
  workload: { kind: 'set', clients: 4, keys: 3, rateHz: 25, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 3_300, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 7_700, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 10_000, durationMs: 300, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 12_450, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 15_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
