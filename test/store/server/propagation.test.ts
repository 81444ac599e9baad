import { describe, expect, it } from 'vitest';
import { PROPAGATE_REPLICATION_ONLY, Propagator } from '../../../src/store/server/propagation.js';
import { rawReply, recordPropagation, testStore } from './support/store-helpers.js';

describe('propagation', () => {
  it('propagates writes as given and reads not at all', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    store.call('xset', 'a', '1');
    store.call('xget', 'a');
    store.call('SELECT', '2');
    store.call('xdelkeys', 'missing');
    store.call('xset', 'b', '2');
    expect(propagated).toEqual(['0:xset a 1', '2:xset b 2']);
  });

  it('propagates the form a handler sets with propagateAs', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    store.call('xset', 'a', '1');
    store.call('xpexpire', 'a', '1000');
    expect(propagated).toEqual(['0:xset a 1', `0:PEXPIREAT a ${store.env.clock.nowMs() + 1000}`]);
  });

  it('propagates a lazy expiry from a read as a bare DEL', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    const propagated = recordPropagation(store);
    store.advance(20);
    expect(store.call('xget', 'k')).toBeNull();
    expect(propagated).toEqual(['0:DEL k']);
    expect(store.node.stats.expiredKeys).toBe(1);
  });

  it('wraps a lazy expiry DEL and the write that caused it in MULTI/EXEC', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    const propagated = recordPropagation(store);
    store.advance(20);
    store.call('xset', 'k', 'w');
    expect(propagated).toEqual(['0:MULTI', '0:DEL k', '0:xset k w', '0:EXEC']);
  });

  it('propagates UNLINK for lazy expiry under lazyfree-lazy-expire', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes', 'lazyfree-lazy-expire': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    const propagated = recordPropagation(store);
    store.advance(20);
    store.call('xget', 'k');
    expect(propagated).toEqual(['0:UNLINK k']);
  });

  it('propagates active expiry DELs one by one without MULTI', () => {
    const store = testStore();
    for (let index = 0; index < 5; index++) store.call('xset', `k${index}`, 'v', 'PX', '10');
    const propagated = recordPropagation(store);
    store.advance(1000);
    expect(propagated.slice().sort()).toEqual(['0:DEL k0', '0:DEL k1', '0:DEL k2', '0:DEL k3', '0:DEL k4']);
  });

  it('propagates FLUSHDB and FLUSHALL even on empty databases', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    store.call('FLUSHDB');
    store.call('FLUSHALL', 'ASYNC');
    expect(propagated).toEqual(['0:FLUSHDB', '0:FLUSHALL ASYNC']);
  });

  it('propagates nothing for a transaction without writes', () => {
    const store = testStore();
    const propagated = recordPropagation(store);
    rawReply(store, 'MULTI\r\nxget a\r\nPING\r\nEXEC\r\n');
    expect(propagated).toEqual([]);
  });

  it('hides expired keys on a replica without deleting or propagating', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    store.node.replicaOf = { host: 'master', port: 6379 };
    const propagated = recordPropagation(store);
    store.advance(20);
    expect(store.call('xget', 'k')).toBeNull();
    expect(store.node.database(0).size()).toBe(1);
    expect(propagated).toEqual([]);
  });

  it('flushes units in order, MULTI-wrapped when several, and keeps what a listener propagates during a flush for the next one', () => {
    const propagator = new Propagator();
    const seen: string[] = [];
    propagator.addListener((dbId, argv, target) => {
      const line = argv.map((argument) => argument.toString('latin1')).join(' ');
      seen.push(`${dbId}:${line}${target.aof ? '' : ' (replication only)'}`);
      if (line === 'SET a 1') propagator.alsoPropagate(dbId, ['PUBLISH', 'c', 'm'], PROPAGATE_REPLICATION_ONLY);
    });
    propagator.alsoPropagateArgv(0, [Buffer.from('SET'), Buffer.from('a'), Buffer.from('1')]);
    propagator.alsoPropagate(1, ['DEL', Buffer.from('b')]);
    propagator.flush();
    expect(seen).toEqual(['0:MULTI', '0:SET a 1', '1:DEL b', '1:EXEC']);
    expect(propagator.hasPending()).toBe(true);
    propagator.flush();
    propagator.flush();
    expect(seen.slice(4)).toEqual(['0:PUBLISH c m (replication only)']);
    expect(propagator.hasPending()).toBe(false);
    expect(propagator.propagatedCount).toBe(5);
  });
});
