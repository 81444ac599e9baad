import { describe, expect, it } from 'vitest';
import { EnvError, InputError } from '../../../src/core/errors.js';
import { loadRdb } from '../../../src/store/persistence/rdb/rdb-loader.js';
import { encodeSnapshot, loadSnapshot } from '../../../src/store/replication/rdb-snapshot.js';
import { replicationSaveInfo, restoreReplicationPosition } from '../../../src/store/replication/rdb-position.js';
import { replicationOf } from '../../../src/store/replication/replication.js';
import { StoreNode } from '../../../src/store/server/node.js';
import { PORT, ReplicationWorld } from './replication-world.js';

describe('the replication position saved in an RDB', () => {
  it('a replica restarted from an RDB holding its position continues with PSYNC instead of a full sync', () => {
    const sim = new ReplicationWorld({ seed: 12, hosts: 2, config: { 'repl-ping-replica-period': 1 } });
    sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
    sim.runMs(300);
    sim.call('n1', 'SELECT', '2');
    for (let index = 0; index < 20; index++) sim.call('n1', 'SET', `k${index}`, 'v');
    sim.runMs(100);
    const replica = sim.node('n2');
    const position = replicationSaveInfo(replica);
    expect(position).toBeDefined();
    const saved = encodeSnapshot(replica, position ?? { replicationId: '', offset: 0, streamDb: 0 });
    const host = sim.world.host('n2');
    host.kill();
    sim.call('n1', 'SET', 'while-down', '1');
    host.start((env) => {
      const node = new StoreNode({ env, config: { port: PORT, save: '', replicaof: `n1 ${PORT}` } });
      sim.nodes.set('n2', node);
      expect(loadSnapshot(node, saved)).not.toBeInstanceOf(InputError);
      replicationOf(node);
      const aux = loadRdb(saved, { file: 'dump', databaseCount: 16, skipExpiredBeforeMs: undefined, encodingConfig: node.config.encoding, rng: node.rng });
      if (aux instanceof InputError) throw aux;
      expect(restoreReplicationPosition(node, aux.aux)).toBe(true);
      if (node.start() instanceof EnvError) throw new Error('listen');
    });
    sim.runMs(3000);
    expect(sim.info('n1', 'stats').get('sync_partial_ok')).toBe('1');
    expect(sim.info('n1', 'stats').get('sync_full')).toBe('1');
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });

  it('a node that never replicated saves no position, and malformed aux fields are refused', () => {
    const sim = new ReplicationWorld({ seed: 13, hosts: 1 });
    expect(replicationSaveInfo(sim.node('n1'))).toBeUndefined();
    expect(restoreReplicationPosition(sim.node('n1'), new Map([['repl-id', Buffer.from('short')], ['repl-offset', Buffer.from('10')]]))).toBe(false);
  });

  it('a master restarted from an RDB holding its position lets its replicas continue with PSYNC', () => {
    const sim = new ReplicationWorld({ seed: 14, hosts: 2, config: { 'repl-ping-replica-period': 1, 'repl-timeout': 3 } });
    sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
    sim.runMs(300);
    for (let index = 0; index < 20; index++) sim.call('n1', 'SET', `k${index}`, 'v');
    sim.runMs(100);
    const master = sim.node('n1');
    const saved = encodeSnapshot(master, replicationSaveInfo(master) ?? { replicationId: '', offset: 0, streamDb: 0 });
    const host = sim.world.host('n1');
    host.kill();
    host.start((env) => {
      const node = new StoreNode({ env, config: { port: PORT, save: '', 'repl-ping-replica-period': 1, 'repl-timeout': 3 } });
      sim.nodes.set('n1', node);
      expect(loadSnapshot(node, saved)).not.toBeInstanceOf(InputError);
      const loaded = loadRdb(saved, { file: 'dump', databaseCount: 16, skipExpiredBeforeMs: undefined, encodingConfig: node.config.encoding, rng: node.rng });
      if (loaded instanceof InputError) throw loaded;
      expect(restoreReplicationPosition(node, loaded.aux)).toBe(true);
      if (node.start() instanceof EnvError) throw new Error('listen');
    });
    sim.runMs(6000);
    expect(sim.info('n1', 'stats').get('sync_partial_ok')).toBe('1');
    expect(sim.info('n1', 'stats').get('sync_full')).toBe('0');
    sim.call('n1', 'SET', 'after', '1');
    sim.runMs(100);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });
});
