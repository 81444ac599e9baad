import { describe, expect, it } from 'vitest';
import { PORT, ReplicationWorld } from './replication-world.js';

function pair(config = {}): ReplicationWorld {
  const sim = new ReplicationWorld({ seed: 3, hosts: 3, config: { 'repl-timeout': 5, 'repl-ping-replica-period': 1, ...config } });
  sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
  sim.call('n3', 'REPLICAOF', 'n1', String(PORT));
  sim.runMs(500);
  return sim;
}

describe('partial resynchronization (PSYNC2)', () => {
  it('a short partition ends in +CONTINUE from the backlog, without a second full sync', () => {
    const sim = pair();
    sim.call('n1', 'SET', 'before', '1');
    sim.world.network.partition({ kind: 'isolate', host: 'n2' }, 'drop');
    for (let index = 0; index < 20; index++) sim.call('n1', 'SET', `during${index}`, 'x');
    sim.runMs(8000);
    sim.world.network.heal();
    sim.runMs(8000);
    const stats = sim.info('n1', 'stats');
    expect(stats.get('sync_full')).toBe('2');
    expect(stats.get('sync_partial_ok')).toBe('1');
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });

  it('a partition longer than the backlog ends in a full resync', () => {
    const sim = pair({ 'repl-backlog-size': 2048 });
    const errorsBefore = Number(sim.info('n1', 'stats').get('sync_partial_err'));
    sim.world.network.partition({ kind: 'isolate', host: 'n2' }, 'drop');
    for (let index = 0; index < 200; index++) sim.call('n1', 'SET', `during${index}`, 'x'.repeat(20));
    sim.runMs(8000);
    sim.world.network.heal();
    sim.runMs(8000);
    const stats = sim.info('n1', 'stats');
    expect(stats.get('sync_full')).toBe('3');
    expect(stats.get('sync_partial_ok')).toBe('0');
    expect(Number(stats.get('sync_partial_err')) - errorsBefore).toBe(1);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });

  it('after a promotion the other replica continues partially with the new master', () => {
    const sim = pair();
    for (let index = 0; index < 10; index++) sim.call('n1', 'SET', `k${index}`, 'v');
    sim.runMs(100);
    sim.world.host('n1').kill();
    expect(sim.call('n2', 'REPLICAOF', 'NO', 'ONE')).toBe('OK');
    sim.call('n3', 'REPLICAOF', 'n2', String(PORT));
    sim.runMs(500);
    sim.call('n2', 'SET', 'after', '1');
    sim.runMs(100);
    const info = sim.info('n2');
    expect(sim.info('n2', 'stats').get('sync_partial_ok')).toBe('1');
    expect(sim.info('n2', 'stats').get('sync_full')).toBe('0');
    expect(info.get('master_replid2')).not.toBe('0'.repeat(40));
    expect(sim.digest('n3')).toBe(sim.digest('n2'));
  });

  it('a returning old master with writes the new master never saw full-syncs and loses them', () => {
    const sim = pair();
    sim.call('n1', 'SET', 'shared', '1');
    sim.runMs(100);
    sim.world.network.partition({ kind: 'isolate', host: 'n1' }, 'clog');
    sim.call('n1', 'SET', 'acknowledged-but-lost', '1');
    sim.call('n2', 'REPLICAOF', 'NO', 'ONE');
    sim.call('n3', 'REPLICAOF', 'n2', String(PORT));
    sim.runMs(500);
    sim.world.network.heal();
    sim.call('n1', 'REPLICAOF', 'n2', String(PORT));
    sim.runMs(2000);
    expect(sim.call('n1', 'EXISTS', 'acknowledged-but-lost')).toBe(0);
    expect(sim.call('n1', 'EXISTS', 'shared')).toBe(1);
    expect(sim.info('n2', 'stats').get('sync_full')).toBe('1');
    expect(sim.digest('n1')).toBe(sim.digest('n2'));
  });

  it('disk-based full sync sends $<len> and writes dbfilename on both sides', () => {
    const sim = new ReplicationWorld({ seed: 4, hosts: 2, config: { 'repl-diskless-sync': 'no' } });
    sim.call('n1', 'SET', 'a', '1');
    sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
    sim.runMs(500);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
    expect(sim.world.host('n1').disk.peekFile('dump.rdb')).toBeDefined();
    expect(sim.world.host('n2').disk.peekFile('dump.rdb')).toBeDefined();
  });

  it('expiry: the master DELs, the replica hides but keeps the key until then', () => {
    const sim = pair();
    sim.call('n1', 'SET', 'ttl', 'v', 'PX', '100');
    sim.runMs(50);
    expect(sim.call('n2', 'EXISTS', 'ttl')).toBe(1);
    sim.world.network.partition({ kind: 'isolate', host: 'n1' }, 'clog');
    sim.runMs(500);
    expect(sim.call('n2', 'EXISTS', 'ttl')).toBe(0);
    expect(sim.call('n2', 'DBSIZE')).toBe(1);
    sim.world.network.heal();
    sim.runMs(1000);
    expect(sim.call('n2', 'DBSIZE')).toBe(0);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });

  it('a chained replica full-synced from a replica continues in the db its master stream had selected', () => {
    const sim = new ReplicationWorld({ seed: 8, hosts: 3, config: { 'repl-ping-replica-period': 1 } });
    sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
    sim.runMs(300);
    sim.call('n1', 'SELECT', '3');
    sim.call('n1', 'SET', 'a', '1');
    sim.runMs(50);
    sim.call('n3', 'REPLICAOF', 'n2', String(PORT));
    sim.runMs(300);
    sim.call('n1', 'SET', 'b', '2');
    sim.runMs(100);
    expect(sim.node('n3').database(3).size()).toBe(2);
    expect(sim.digest('n3')).toBe(sim.digest('n1'));
    expect(sim.info('n3').get('master_replid')).toBe(sim.info('n1').get('master_replid'));
  });
});
