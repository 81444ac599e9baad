import { describe, expect, it } from 'vitest';
import { SentinelWorld } from './sentinel-world.js';

describe('WAIT is not consensus', () => {
  it('a write WAIT confirmed on one replica is lost when the failover promotes the other', () => {
    const sim = new SentinelWorld({ seed: 5, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(15_000);
    sim.world.network.partition({ kind: 'oneWay', from: ['n1'], to: ['n3'] }, 'clog');
    const written = sim.send('n1', 'SET', 'confirmed', 'yes');
    const waited = sim.send('n1', 'WAIT', '1', '1000');
    sim.runMs(100);
    expect(written).toEqual(['OK']);
    expect(waited).toEqual([1]);
    sim.world.host('n1').kill();
    sim.world.host('n2').kill();
    sim.runMs(30_000);
    expect(sim.mastersSeen()).toEqual(['n3', 'n3', 'n3']);
    expect(sim.roleOf('n3')).toBe('master');
    sim.runMs(10);
    const exists = sim.send('n3', 'EXISTS', 'confirmed');
    sim.runMs(10);
    expect(exists).toEqual([0]);
  });
});
