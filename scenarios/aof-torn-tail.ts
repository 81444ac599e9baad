import { defineScenario } from '../src/scenario/scenario.js';

/**
 * appendfsync everysec with transactions (three appends per MULTI/EXEC)
 * and frequent power losses: the unsynced tail of the incr file comes back
 * cut short or torn at 512-byte sectors, often in the middle of a command or
 * of a MULTI block. Loading with aof-load-truncated truncates the file at
 * the last whole command and drops a MULTI left open: the recovered state
 * must be a prefix of the history, never half a transaction.
 */
export default defineScenario({
  name: 'aof-torn-tail',
  description: 'list-append in MULTI/EXEC with AOF everysec and power losses that tear the AOF tail: a prefix survives, never half a transaction (valid contract)',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'yes', appendfsync: 'everysec' },
  disk: { powerLoss: { lose: 1, keepPrefix: 1, tornSectors: 1, garble: 1 } },
  recovery: { onAofLoadError: 'check-aof-fix', repairDelayMs: 500 },
  workload: { kind: 'list-append', clients: 5, keys: 3, rateHz: 30, opTimeoutMs: 300, appendsPerTransaction: 3, readFraction: 0 },
  nemesis: {
    timeline: [
      { atMs: 1_730, durationMs: 300, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 3_910, durationMs: 300, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 6_470, durationMs: 300, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 8_050, durationMs: 300, fault: { kind: 'power-loss', target: 'n1' } },
      { atMs: 10_990, durationMs: 300, fault: { kind: 'power-loss', target: 'n1' } },
    ],
  },
  phases: { faultsMs: 13_000, healMs: 2_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['durability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true, startRefusals: 'required' },
});
