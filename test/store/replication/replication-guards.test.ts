import { describe, expect, it } from 'vitest';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { ReplicationWorld } from './replication-world.js';

describe('replication guards', () => {
  it('apply min-replicas-to-write and min-replicas-max-lag as CONFIG SET changes them, to writes only', () => {
    const sim = new ReplicationWorld({ seed: 1, hosts: 1 });
    expect(sim.call('n1', 'SET', 'a', '1')).toBe('OK');
    expect(sim.call('n1', 'CONFIG', 'SET', 'min-replicas-to-write', '1')).toBe('OK');
    const refused = sim.call('n1', 'SET', 'b', '2');
    expect((refused as RespError).message).toBe('NOREPLICAS Not enough good replicas to write.');
    expect(sim.call('n1', 'GET', 'a')).toEqual(Buffer.from('1'));
    // A max lag of 0 turns the check off, whatever min-replicas-to-write says.
    expect(sim.call('n1', 'CONFIG', 'SET', 'min-replicas-max-lag', '0')).toBe('OK');
    expect(sim.call('n1', 'SET', 'b', '2')).toBe('OK');
    expect(sim.call('n1', 'CONFIG', 'SET', 'min-replicas-max-lag', '10')).toBe('OK');
    expect((sim.call('n1', 'INCR', 'n') as RespError).message).toBe('NOREPLICAS Not enough good replicas to write.');
    expect(sim.call('n1', 'CONFIG', 'SET', 'min-replicas-to-write', '0')).toBe('OK');
    expect(sim.call('n1', 'INCR', 'n')).toBe(1);
  });
});
