import { defineScenario } from '../src/scenario/scenario.js';

/**
 * sentinel-minority-partition with `min-replicas-to-write 1` and
 * `min-replicas-max-lag 10`: the isolated master stops acknowledging writes
 * once no replica has acknowledged it for 10 s, so the loss is confined to
 * that lag window, but it is still a loss (Redis's documented bound, not a
 * guarantee).
 */
export default defineScenario({
  name: 'sentinel-minority-min-replicas',
  description: 'the minority partition with min-replicas-to-write 1 / min-replicas-max-lag 10: writes are lost only within the lag window, then refused',
  topology: { kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2 },
  config: { save: '', appendonly: 'no', 'repl-diskless-sync-delay': '0', 'min-replicas-to-write': '1', 'min-replicas-max-lag': '10' },
  workload: { kind: 'set', clients: 5, keys: 1, rateHz: 10, opTimeoutMs: 1000 },
  nemesis: { timeline: [{ atMs: 5_000, durationMs: 20_000, fault: { kind: 'partition', mode: 'clog', shape: 'minority-with', members: ['master', 's1'] } }] },
  phases: { setupMs: 3_000, faultsMs: 30_000, healMs: 5_000, quiesceMsMax: 60_000, finalReads: true },
  checkers: ['set', 'convergence'],
  seeds: [1, 2, 3],
  expect: { valid: false, anomaly: 'lost-writes', detectionRateMin: 1 },
});
