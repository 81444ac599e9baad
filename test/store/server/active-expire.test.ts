import { describe, expect, it } from 'vitest';
import { testStore } from './support/store-helpers.js';

function infoField(text: string, name: string): string | undefined {
  return text.split('\r\n').find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
}

describe('active expiry', () => {
  it('removes keys whose TTL passed without any access and counts expired_keys', () => {
    const store = testStore();
    for (let index = 0; index < 100; index++) store.call('xset', `k${index}`, 'v', 'PX', '50');
    store.call('xset', 'keep', 'v');
    store.advance(2000);
    expect(store.node.database(0).size()).toBe(1);
    const info = (store.call('INFO', 'stats') as Buffer).toString();
    expect(infoField(info, 'expired_keys')).toBe('100');
  });

  it('leaves keys alone while DEBUG SET-ACTIVE-EXPIRE is 0', () => {
    const store = testStore({ config: { 'enable-debug-command': 'yes' } });
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '0');
    store.call('xset', 'k', 'v', 'PX', '10');
    store.advance(1000);
    expect(store.node.database(0).size()).toBe(1);
    store.call('DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    store.advance(1000);
    expect(store.node.database(0).size()).toBe(0);
  });

  it('does not expire keys actively on a replica', () => {
    const store = testStore();
    store.call('xset', 'k', 'v', 'PX', '10');
    store.node.replicaOf = { host: 'master', port: 6379 };
    store.advance(1000);
    expect(store.node.database(0).size()).toBe(1);
  });

  it('reports keys, expires and avg_ttl in INFO keyspace', () => {
    const store = testStore();
    store.call('xset', 'a', 'v', 'PX', '100000');
    store.call('xset', 'b', 'v');
    store.advance(100);
    const info = (store.call('INFO', 'keyspace') as Buffer).toString();
    expect(info).toMatch(/^# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=\d+\r\n$/);
    expect(Number(/avg_ttl=(\d+)/.exec(info)?.[1])).toBeGreaterThan(90000);
  });

  it('samples deterministically: the same seed expires the same keys in the same order', () => {
    const order = (seed: number): string[] => {
      const store = testStore({ seed });
      for (let index = 0; index < 300; index++) store.call('xset', `k${index}`, 'v', 'PX', String(10 + (index % 7)));
      const deleted: string[] = [];
      store.node.onPropagate((_db, argv) => deleted.push(argv.map((argument) => argument.toString()).join(' ')));
      store.advance(150);
      return deleted;
    };
    expect(order(7)).toEqual(order(7));
    expect(order(7).length).toBeGreaterThan(0);
  });
});
