import { defineScenario } from '../src/scenario/scenario.js';

/**
 * One node with appendonly yes and appendfsync always: the AOF is written
 * and fsynced in beforeSleep before any reply goes out, so kills and power
 * losses (with torn and cut-short unsynced tails) may lose nothing that was
 * acknowledged. The set checker and the durability contract must both pass.
 */
export default defineScenario({
  name: 'aof-always-crashes',
  description: 'set workload on one node with AOF appendfsync always, killed and powered off repeatedly: no acknowledged write may be lost',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'always' },
  workload: { kind: 'set', clients: 4, keys: 3, rateHz: 25, opTimeoutMs: 300 },
  nemesis: {
    timeline: [
      { atMs: 2_000, durationMs: 400, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 5_000, durationMs: 800, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 8_500, durationMs: 300, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 11_000, durationMs: 600, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 13_500, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 16_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['set', 'durability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
