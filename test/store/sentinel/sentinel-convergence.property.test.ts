import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicationOf } from '../../../src/store/replication/replication.js';
import { SentinelWorld } from './sentinel-world.js';

const STORE_HOSTS = ['n1', 'n2', 'n3'] as const;
const ALL_HOSTS = [...STORE_HOSTS, 's1', 's2', 's3'] as const;

type Fault =
  | { readonly kind: 'isolate'; readonly host: string; readonly mode: 'clog' | 'drop'; readonly ms: number }
  | { readonly kind: 'kill'; readonly host: string; readonly ms: number }
  | { readonly kind: 'write'; readonly key: number };

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ kind: fc.constant('isolate' as const), host: fc.constantFrom(...ALL_HOSTS), mode: fc.constantFrom('clog' as const, 'drop' as const), ms: fc.integer({ min: 500, max: 20_000 }) }),
  fc.record({ kind: fc.constant('kill' as const), host: fc.constantFrom(...ALL_HOSTS), ms: fc.integer({ min: 500, max: 20_000 }) }),
  fc.record({ kind: fc.constant('write' as const), key: fc.nat(5) }),
);

describe('sentinel convergence', () => {
  it('after any sequence of partitions and kills, once healed, the sentinels agree on one master that every replica follows with its data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(fault, { minLength: 1, maxLength: 6 }), (seed, faults) => {
        const sim = new SentinelWorld({ seed, replicas: 2, sentinels: 3, quorum: 2 });
        sim.runMs(12_000);
        for (const step of faults) {
          if (step.kind === 'write') {
            const master = sim.mastersSeen()[0] ?? 'n1';
            if (sim.world.host(master).state === 'running') sim.send(master, 'SET', `k${step.key}`, `v${seed}`);
            sim.runMs(50);
            continue;
          }
          const host = sim.world.host(step.host);
          if (step.kind === 'isolate') sim.world.network.partition({ kind: 'isolate', host: step.host }, step.mode);
          else host.kill();
          sim.runMs(step.ms);
          sim.world.network.heal();
          if (!host.isUp) host.restart();
          sim.runMs(1000);
        }
        sim.runMs(90_000);
        const seen = sim.mastersSeen();
        const master = seen[0] as string;
        expect(seen).toEqual([master, master, master]);
        expect(sim.roleOf(master)).toBe('master');
        const masterNode = sim.nodes.get(master);
        for (const name of STORE_HOSTS) {
          if (name === master) continue;
          expect(sim.roleOf(name)).toBe(`replica-of-${master}`);
          expect(sim.nodes.get(name)?.datasetDigest()).toBe(masterNode?.datasetDigest());
          expect(replicationOf(sim.nodes.get(name) as never).history.offset).toBe(replicationOf(masterNode as never).history.offset);
        }
      }),
      { numRuns: 12, seed: 424242 },
    );
  });
});
