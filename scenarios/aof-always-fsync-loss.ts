import { defineScenario } from '../src/scenario/scenario.js';

/**
 * appendfsync always on a disk whose fsync lies for a while (it reports
 * success and persists nothing), then the power goes while it still lies:
 * the writes acknowledged since the lie began are gone after the restart.
 * The set checker must report the lost writes; the durability contract
 * attributes every one of them to the injected fsync loss (the store kept
 * its side of the contract), so the run is invalid only by the set checker.
 */
export default defineScenario({
  name: 'aof-always-fsync-loss',
  description: 'AOF appendfsync always with fsync loss (a lying fsync) and a power loss during it: lost writes found and attributed to the injected fsync loss',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'always' },
  workload: { kind: 'set', clients: 4, keys: 3, rateHz: 25, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 3_000, durationMs: 3_000, fault: { kind: 'disk', target: 'n1', fault: 'fsync-loss' } },
      { atMs: 5_000, durationMs: 600, fault: { kind: 'power-loss', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 9_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability', 'set'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 1 },
});
