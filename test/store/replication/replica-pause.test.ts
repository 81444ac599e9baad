import { describe, expect, it } from 'vitest';
import { PORT, ReplicationWorld } from './replication-world.js';

describe('CLIENT PAUSE on a replica', () => {
  it('holds the master stream unapplied (read offset grows, applied offset does not) until UNPAUSE', () => {
    const sim = new ReplicationWorld({ seed: 11, hosts: 2, config: { 'repl-ping-replica-period': 3600 } });
    sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
    sim.runMs(1500);
    sim.call('n1', 'SET', 'foo', 'bar');
    sim.runMs(100);
    const appliedBefore = sim.info('n2').get('slave_repl_offset');
    expect(appliedBefore).toBe(sim.info('n1').get('master_repl_offset'));
    expect(sim.call('n2', 'CLIENT', 'PAUSE', '100000', 'WRITE')).toBe('OK');
    sim.call('n1', 'SET', 'foo2', 'bar2');
    sim.call('n1', 'SET', 'foo3', 'bar3');
    sim.runMs(100);
    expect(sim.info('n2').get('slave_read_repl_offset')).toBe(sim.info('n1').get('master_repl_offset'));
    expect(sim.info('n2').get('slave_repl_offset')).toBe(appliedBefore);
    expect(sim.call('n2', 'GET', 'foo2')).toBeNull();
    expect(sim.call('n2', 'CLIENT', 'UNPAUSE')).toBe('OK');
    sim.runMs(100);
    expect(sim.info('n2').get('slave_repl_offset')).toBe(sim.info('n1').get('master_repl_offset'));
    expect(String(sim.call('n2', 'GET', 'foo3'))).toBe('bar3');
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });
});
