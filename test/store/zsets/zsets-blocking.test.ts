import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

/** Records what the node propagates (the AOF / replication feed) as readable lines. */
function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_dbId, argv) => lines.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
  return lines;
}

const text = (bytes: Buffer): string => bytes.toString('latin1');

describe('blocking sorted set pops', () => {
  it('BZPOPMIN blocks on an empty key and is served by a later ZADD from another client, propagated as ZPOPMIN', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BZPOPMIN', 'nothing', 'z', '0')).toBeUndefined();
    expect(store.call('ZADD', 'z', '2', 'b', '1', 'a')).toBe(2);
    expect(text(waiter.takeReplies())).toBe('*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(store.call('ZRANGE', 'z', '0', '-1')).toEqual([Buffer.from('b')]);
    expect(propagated).toEqual(['ZADD z 2 b 1 a', 'ZPOPMIN z']);
  });

  it('serves blocked clients first come first served, one entry each, and leaves the rest blocked when the zset empties', () => {
    const store = createStore();
    const [first, second, third] = [store.client(), store.client(), store.client()];
    expect(first.call('BZPOPMAX', 'z', '0')).toBeUndefined();
    expect(second.call('BZPOPMIN', 'z', '0')).toBeUndefined();
    expect(third.call('BZPOPMIN', 'z', '0')).toBeUndefined();
    store.call('ZADD', 'z', '1', 'a', '2', 'b');
    expect(text(first.takeReplies())).toBe('*3\r\n$1\r\nz\r\n$1\r\nb\r\n$1\r\n2\r\n');
    expect(text(second.takeReplies())).toBe('*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(text(third.takeReplies())).toBe('');
    expect(store.call('EXISTS', 'z')).toBe(0);
    store.call('ZADD', 'z', '5', 'c');
    expect(text(third.takeReplies())).toBe('*3\r\n$1\r\nz\r\n$1\r\nc\r\n$1\r\n5\r\n');
  });

  it('times out with a null array after the timeout (seconds, fractional) on the virtual clock', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BZPOPMIN', 'z', '0.5')).toBeUndefined();
    store.advance(400);
    expect(text(waiter.takeReplies())).toBe('');
    store.advance(200);
    expect(text(waiter.takeReplies())).toBe('*-1\r\n');
    store.call('ZADD', 'z', '1', 'a');
    expect(text(waiter.takeReplies())).toBe('');
    expect(store.call('ZCARD', 'z')).toBe(1);
  });

  it('BZMPOP is served with the nested reply and propagated as ZPOPMIN/ZPOPMAX with the popped count', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BZMPOP', '0', '2', 'x', 'y', 'MAX', 'COUNT', '5')).toBeUndefined();
    store.call('ZADD', 'y', '1', 'a', '2', 'b');
    expect(text(waiter.takeReplies())).toBe('*2\r\n$1\r\ny\r\n*2\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    expect(propagated).toEqual(['ZADD y 1 a 2 b', 'ZPOPMAX y 2']);
  });

  it('stays blocked while the key holds another type, and is served once a zset appears there (ZUNIONSTORE included)', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BZPOPMIN', 'k', '0')).toBeUndefined();
    store.call('SADD', 'k', 'member');
    expect(text(waiter.takeReplies())).toBe('');
    store.call('DEL', 'k');
    store.call('ZADD', 'source', '3', 'm');
    store.call('ZUNIONSTORE', 'k', '1', 'source');
    expect(text(waiter.takeReplies())).toBe('*3\r\n$1\r\nk\r\n$1\r\nm\r\n$1\r\n3\r\n');
  });

  it('answers at once when a key already has entries, and with a null array inside MULTI', () => {
    const store = createStore();
    const propagated = recordPropagation(store);
    store.call('ZADD', 'z', '1', 'a', '2', 'b');
    expect(store.call('BZPOPMAX', 'z', '0')).toEqual([Buffer.from('z'), Buffer.from('b'), Buffer.from('2')]);
    store.call('MULTI');
    store.call('BZPOPMIN', 'empty', '0');
    expect(store.call('EXEC')).toEqual([null]);
    expect(propagated).toEqual(['ZADD z 1 a 2 b', 'ZPOPMAX z']);
  });
});
