import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from './support/store-helpers.js';

const OOM = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";

describe('maxmemory', () => {
  it('refuses commands that may grow memory under noeviction, not reads or DISCARD', () => {
    const store = createStore();
    store.call('SET', 'k', 'v');
    store.call('CONFIG', 'SET', 'maxmemory', '1');
    expect(rawReply(store, 'SET x 1\r\n')).toBe(OOM);
    expect(store.call('GET', 'k')).toEqual(Buffer.from('v'));
    expect(store.call('MULTI')).toBe('OK');
    expect(rawReply(store, 'GET k\r\n')).toBe(OOM);
    expect(store.call('DISCARD')).toBe('OK');
    store.call('CONFIG', 'SET', 'maxmemory', '0');
    expect(store.call('SET', 'x', '1')).toBe('OK');
  });

  it('evicts keys by an allkeys policy until under the limit, and counts them', () => {
    const store = createStore({ config: { 'maxmemory-policy': 'allkeys-lru' } });
    for (let index = 0; index < 200; index++) store.call('SET', `key:${index}`, 'x'.repeat(100));
    const used = store.node.estimatedMemoryBytes();
    store.call('CONFIG', 'SET', 'maxmemory', String(used - 5000));
    expect(store.call('SET', 'fresh', 'v')).toBe('OK');
    const evicted = Number(/evicted_keys:(\d+)/.exec(String(store.call('INFO', 'stats')))?.[1]);
    expect(evicted).toBeGreaterThan(0);
    expect(store.call('DBSIZE')).toBe(201 - evicted);
    expect(store.node.estimatedMemoryBytes()).toBeLessThanOrEqual(used - 5000 + 200);
  });

  it('fails when a volatile policy finds nothing to evict', () => {
    const store = createStore({ config: { 'maxmemory-policy': 'volatile-lru' } });
    store.call('SET', 'k', 'v');
    store.call('CONFIG', 'SET', 'maxmemory', '1');
    expect(rawReply(store, 'SET x 1\r\n')).toBe(OOM);
    expect(store.call('EXISTS', 'k')).toBe(1);
  });
});
