import { describe, expect, it } from 'vitest';
import { SentinelWorld } from './sentinel-world.js';

describe('sentinel failover', () => {
  it('the sentinels discover the replicas and each other', () => {
    const sim = new SentinelWorld({ seed: 1, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(15_000);
    for (const sentinel of sim.sentinels.values()) {
      const master = sentinel.masters.get('mymaster');
      expect(master?.replicas.size).toBe(2);
      expect(master?.sentinels.size).toBe(2);
    }
    expect(sim.mastersSeen()).toEqual(['n1', 'n1', 'n1']);
  });

  it('a dead master is replaced by a replica, the other replica follows it, and the old master returns as a replica', () => {
    const sim = new SentinelWorld({ seed: 2, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(15_000);
    sim.world.host('n1').kill();
    sim.runMs(20_000);
    const seen = sim.mastersSeen();
    const promoted = seen[0] as string;
    expect(['n2', 'n3']).toContain(promoted);
    expect(seen).toEqual([promoted, promoted, promoted]);
    expect(sim.roleOf(promoted)).toBe('master');
    const other = promoted === 'n2' ? 'n3' : 'n2';
    expect(sim.roleOf(other)).toBe(`replica-of-${promoted}`);
    sim.world.host('n1').restart();
    sim.runMs(30_000);
    expect(sim.roleOf('n1')).toBe(`replica-of-${promoted}`);
    expect(sim.mastersSeen()).toEqual([promoted, promoted, promoted]);
  });

  it('no failover without a quorum of sentinels agreeing', () => {
    const sim = new SentinelWorld({ seed: 3, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(15_000);
    sim.world.network.partition({ kind: 'links', links: [['s1', 'n1'], ['n1', 's1']] }, 'drop');
    sim.runMs(20_000);
    expect(sim.mastersSeen()).toEqual(['n1', 'n1', 'n1']);
    expect(sim.roleOf('n1')).toBe('master');
  });
});
