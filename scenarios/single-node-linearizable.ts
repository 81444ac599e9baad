import { defineScenario } from '../src/scenario/scenario.js';

/**
 * One node, compare-and-set registers, and faults that make clients give up
 * without losing data: the node pauses (a long GC), connections reset, links
 * slow down past the client timeout, clients get cut off. Many operations
 * end `info`; the history must still be linearizable.
 */
export default defineScenario({
  name: 'single-node-linearizable',
  description: 'cas-register on one node under client timeouts, pauses, connection resets and slow links: must stay linearizable',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no' },
  network: { latency: { kind: 'uniform', minMs: 0.2, maxMs: 2 } },
  workload: { kind: 'cas-register', clients: 5, keys: 4, rateHz: 10, opTimeoutMs: 250 },
  nemesis: {
    swarm: {
      weights: { pause: 3, 'connection-reset': 2, 'slow-link': 2, partition: 1 },
      faultsPerSecond: 0.5,
      durationMsMin: 100,
      durationMsMax: 1500,
    },
  },
  phases: { faultsMs: 20_000, healMs: 3_000, quiesceMsMax: 5_000, finalReads: true },
  checkers: ['linearizable', 'availability'],
  seeds: [1, 2, 3, 4, 5],
  expect: { valid: true },
});
