import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PORT, ReplicationWorld } from './replication-world.js';

const HOSTS = ['n1', 'n2', 'n3'] as const;
type HostName = (typeof HOSTS)[number];

type Action =
  | { readonly kind: 'write'; readonly command: number; readonly key: number; readonly db: number }
  | { readonly kind: 'partition'; readonly host: HostName; readonly mode: 'clog' | 'drop' }
  | { readonly kind: 'heal' }
  | { readonly kind: 'kill'; readonly host: HostName }
  | { readonly kind: 'promote'; readonly host: HostName }
  | { readonly kind: 'pause'; readonly ms: number };

const host = fc.constantFrom(...HOSTS);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), command: fc.nat(4), key: fc.nat(7), db: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partition' as const), host, mode: fc.constantFrom('clog' as const, 'drop' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), host }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('promote' as const), host }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 1, max: 3000 }) }) },
);

function writeArgv(command: number, key: number, step: number): string[] {
  const name = `key${key}`;
  switch (command) {
    case 0: return ['SET', name, `v${step}`];
    case 1: return ['INCR', `counter${key}`];
    case 2: return ['RPUSH', `list${key}`, `e${step}`];
    case 3: return ['DEL', name];
    default: return ['SET', `ttl${key}`, `t${step}`, 'PX', String(50 + step * 37)];
  }
}

/** Replays the actions; returns the host that is master at the end. */
function play(sim: ReplicationWorld, actions: readonly Action[]): HostName {
  let master: HostName = 'n1';
  actions.forEach((step, index) => {
    const target = step.kind === 'kill' || step.kind === 'promote' || step.kind === 'partition' ? sim.world.host(step.host) : undefined;
    switch (step.kind) {
      case 'write':
        if (sim.world.host(master).state !== 'running') break;
        sim.send(master, 'SELECT', String(step.db));
        sim.send(master, ...writeArgv(step.command, step.key, index));
        break;
      case 'partition':
        sim.world.network.heal();
        sim.world.network.partition({ kind: 'isolate', host: step.host }, step.mode);
        break;
      case 'heal':
        sim.world.network.heal();
        break;
      case 'kill':
        target?.kill();
        sim.runMs(10);
        target?.restart();
        sim.runMs(10);
        if (step.host !== master) sim.send(step.host, 'REPLICAOF', master, String(PORT));
        break;
      case 'promote':
        if (target?.state !== 'running') break;
        master = step.host;
        sim.send(master, 'REPLICAOF', 'NO', 'ONE');
        for (const other of HOSTS) if (other !== master && sim.world.host(other).state === 'running') sim.send(other, 'REPLICAOF', master, String(PORT));
        break;
      case 'pause':
        sim.runMs(step.ms);
        break;
    }
    sim.runMs(2);
  });
  return master;
}

describe('replication convergence', () => {
  it('any interleaving of writes, partitions, kills and promotions ends, once healed, with every replica equal to its master', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(action, { minLength: 1, maxLength: 40 }), (seed, actions) => {
        const sim = new ReplicationWorld({ seed, hosts: 3, config: { 'repl-timeout': 5, 'repl-ping-replica-period': 1 } });
        for (const other of ['n2', 'n3']) sim.send(other, 'REPLICAOF', 'n1', String(PORT));
        sim.runMs(100);
        const master = play(sim, actions);
        sim.world.network.heal();
        for (const name of HOSTS) if (name !== master) sim.send(name, 'REPLICAOF', master, String(PORT));
        sim.runMs(30_000);
        const masterDigest = sim.digest(master);
        for (const name of HOSTS) {
          expect(sim.info(name).get('role')).toBe(name === master ? 'master' : 'slave');
          expect(sim.digest(name)).toBe(masterDigest);
        }
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});
