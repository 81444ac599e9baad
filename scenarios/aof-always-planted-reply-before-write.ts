import { defineScenario } from '../src/scenario/scenario.js';

/**
 * A planted bug proves the durability contract checker bites: with
 * `debug-aof-reply-before-write yes` the node, under appendfsync always,
 * sends its replies before the AOF is written and fsynced (the flush comes
 * 200 ms later). A kill or a power loss then loses acknowledged writes that
 * no fault excuses: the contract (and the set checker) must find them.
 */
export default defineScenario({
  name: 'aof-always-planted-reply-before-write',
  description: 'AOF appendfsync always with a planted bug that replies before the AOF write; kills and power losses: lost acknowledged writes must be found',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'always', 'debug-aof-reply-before-write': 'yes' },
  workload: { kind: 'set', clients: 4, keys: 3, rateHz: 25, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 2_000, durationMs: 400, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 5_000, durationMs: 800, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 8_500, durationMs: 300, fault: { kind: 'kill', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 10_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability', 'set'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 1 },
});
