import { describe, expect, it } from 'vitest';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { PORT, ReplicationWorld } from './replication-world.js';

function replicated(seed = 1, config = {}): ReplicationWorld {
  const sim = new ReplicationWorld({ seed, hosts: 3, config });
  sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
  sim.call('n3', 'REPLICAOF', 'n1', String(PORT));
  sim.runMs(500);
  return sim;
}

describe('master-replica replication', () => {
  it('a replica full-syncs the existing data, then follows the stream to the same digest', () => {
    const sim = new ReplicationWorld({ seed: 1, hosts: 2 });
    for (let index = 0; index < 50; index++) sim.call('n1', 'SET', `k${index}`, `v${index}`);
    sim.call('n1', 'RPUSH', 'list', 'a', 'b', 'c');
    expect(sim.call('n2', 'REPLICAOF', 'n1', String(PORT))).toBe('OK');
    sim.runMs(500);
    expect(sim.info('n2').get('master_link_status')).toBe('up');
    sim.call('n1', 'SELECT', '3');
    sim.call('n1', 'SET', 'in-db-3', 'x');
    sim.call('n1', 'INCR', 'counter');
    sim.runMs(100);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
    expect(sim.info('n1', 'stats').get('sync_full')).toBe('1');
    expect(sim.info('n2').get('master_repl_offset')).toBe(sim.info('n1').get('master_repl_offset'));
    expect(sim.info('n2').get('master_replid')).toBe(sim.info('n1').get('master_replid'));
  });

  it('ROLE and INFO describe both sides', () => {
    const sim = replicated();
    sim.call('n1', 'SET', 'a', '1');
    sim.runMs(1100);
    const masterRole = sim.call('n1', 'ROLE') as unknown[];
    expect(String(masterRole[0])).toBe('master');
    expect((masterRole[2] as unknown[]).length).toBe(2);
    const replicaRole = sim.call('n2', 'ROLE') as unknown[];
    expect(replicaRole.slice(0, 4).map(String)).toEqual(['slave', 'n1', String(PORT), 'connected']);
    const info = sim.info('n1');
    expect(info.get('connected_slaves')).toBe('2');
    expect(info.get('slave0')).toMatch(/^ip=n[23],port=6379,state=online,offset=\d+,lag=\d+$/);
    expect(info.get('repl_backlog_active')).toBe('1');
    expect(sim.info('n3').get('role')).toBe('slave');
  });

  it('a replica refuses writes with -READONLY and WAIT with an error', () => {
    const sim = replicated();
    const refused = sim.call('n2', 'SET', 'x', '1');
    expect(refused).toBeInstanceOf(RespError);
    expect((refused as RespError).message).toBe("READONLY You can't write against a read only replica.");
    expect(String((sim.call('n2', 'WAIT', '1', '0') as RespError).message)).toMatch(/^ERR WAIT cannot be used with replica instances/);
  });

  it('WAIT returns once the replicas acknowledged, and the count so far on timeout', () => {
    const sim = replicated();
    sim.call('n1', 'SET', 'a', '1');
    const waited = sim.send('n1', 'WAIT', '2', '1000');
    sim.runMs(50);
    expect(waited.replies).toEqual([2]);
    sim.world.network.partition({ kind: 'isolate', host: 'n3' }, 'clog');
    sim.call('n1', 'SET', 'b', '2');
    const partial = sim.send('n1', 'WAIT', '2', '300');
    sim.runMs(200);
    expect(partial.replies).toEqual([]);
    sim.runMs(200);
    expect(partial.replies).toEqual([1]);
  });

  it('min-replicas-to-write refuses writes once the replicas lag', () => {
    const sim = replicated(2, { 'min-replicas-to-write': 1, 'min-replicas-max-lag': 2 });
    sim.runMs(1100);
    expect(sim.call('n1', 'SET', 'a', '1')).toBe('OK');
    sim.world.network.partition({ kind: 'isolate', host: 'n1' }, 'clog');
    sim.runMs(4000);
    const refused = sim.call('n1', 'SET', 'b', '2');
    expect((refused as RespError).message).toBe('NOREPLICAS Not enough good replicas to write.');
    expect(sim.call('n1', 'GET', 'a')).toEqual(Buffer.from('1'));
  });

  it('the commands answer bad arguments as Redis does', () => {
    const sim = new ReplicationWorld({ seed: 9, hosts: 1 });
    const message = (reply: unknown): string => (reply instanceof RespError ? reply.message : String(reply));
    expect(message(sim.call('n1', 'REPLICAOF', 'n2', 'port'))).toBe('ERR Invalid master port');
    expect(message(sim.call('n1', 'REPLICAOF', 'n2', '70000'))).toBe('ERR Invalid master port');
    expect(message(sim.call('n1', 'REPLCONF', 'listening-port'))).toBe('ERR syntax error');
    expect(message(sim.call('n1', 'REPLCONF', 'bogus', '1'))).toBe('ERR Unrecognized REPLCONF option: bogus');
    expect(message(sim.call('n1', 'REPLCONF', 'listening-port', '6380', 'capa', 'eof'))).toBe('OK');
    expect(message(sim.call('n1', 'WAIT', 'x', '0'))).toBe('ERR value is not an integer or out of range');
    expect(message(sim.call('n1', 'WAIT', '0', '-1'))).toBe('ERR timeout is negative');
    expect(sim.call('n1', 'WAIT', '0', '0')).toBe(0);
    expect(sim.call('n1', 'REPLICAOF', 'NO', 'ONE')).toBe('OK');
  });

  it('a replica whose link is down refuses stale reads with -MASTERDOWN when replica-serve-stale-data is no', () => {
    const sim = replicated(4, { 'replica-serve-stale-data': 'no', 'repl-timeout': 2, 'repl-ping-replica-period': 1 });
    expect(sim.call('n2', 'GET', 'x')).toBeNull();
    sim.world.host('n1').kill();
    sim.runMs(3000);
    const refused = sim.call('n2', 'GET', 'x');
    expect((refused as RespError).message).toBe("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.");
    expect(String(sim.call('n2', 'INFO', 'replication'))).toContain('master_link_status:down');
  });
});
