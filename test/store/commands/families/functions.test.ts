import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';

describe('FUNCTION FLUSH [SYNC|ASYNC] (the rest of FUNCTION and FCALL: test/store/scripting/functions)', () => {
  it('answers as redis-server 7.0.15 does, with and without SYNC|ASYNC', () => {
    const store = createStore();
    expect(store.command(['FUNCTION', 'FLUSH']).toString()).toBe('+OK\r\n');
    expect(store.command(['function', 'flush', 'ASYNC']).toString()).toBe('+OK\r\n');
    expect(store.command(['FUNCTION', 'FLUSH', 'bogus']).toString()).toBe('-ERR FUNCTION FLUSH only supports SYNC|ASYNC option\r\n');
  });

  it('deletes the libraries, leaves the keyspace alone and is propagated as a write, as Redis does', () => {
    const store = createStore();
    const propagated: string[] = [];
    store.call('FUNCTION', 'LOAD', "#!lua name=lib\nredis.register_function('f', function() return 1 end)");
    store.node.onPropagate((_db, argv) => propagated.push(argv.map((part) => part.toString()).join(' ')));
    store.call('SET', 'k', 'v');
    store.call('FUNCTION', 'FLUSH');
    expect(store.call('DBSIZE')).toBe(1);
    expect(store.call('FUNCTION', 'LIST')).toEqual([]);
    expect(propagated).toEqual(['SET k v', 'FUNCTION FLUSH']);
  });
});
