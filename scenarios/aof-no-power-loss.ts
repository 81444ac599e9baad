import { defineScenario } from '../src/scenario/scenario.js';

/**
 * appendfsync no: the kernel's write-back decides, and the simulated disk
 * writes nothing back by itself, so only a rewrite or a clean shutdown
 * makes the AOF durable; a power loss keeps a random prefix of the unsynced
 * tail (cut short, or torn at 512-byte sectors). Kills lose nothing (the
 * page cache survives). The recovered state must be a prefix of the
 * acknowledged history, never half a MULTI/EXEC: the durability contract
 * must pass, and its report lists the lost appends.
 *
 * One power loss only: as in redis 7.0.15, the truncation aof-load-truncated
 * makes is not fsynced, so with appendfsync no a second power loss can tear
 * the old tail and the new writes into one file Redis refuses to load
 * ("Bad file format"), a liveness failure, not a durability one.
 */
export default defineScenario({
  name: 'aof-no-power-loss',
  description: 'list-append in MULTI/EXEC on one node with AOF appendfsync no, kills and power losses: a prefix survives, never half a transaction (valid contract)',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'no' },
  workload: { kind: 'list-append', clients: 4, keys: 3, rateHz: 20, opTimeoutMs: 300, appendsPerTransaction: 3, readFraction: 0 },
  nemesis: {
    timeline: [
      { atMs: 3_000, durationMs: 400, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 6_000, durationMs: 500, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 10_000, durationMs: 500, fault: { kind: 'kill', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 13_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
