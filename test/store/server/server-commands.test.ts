import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply, testStore } from './support/store-helpers.js';

/** Expected bytes were captured from a real redis-server 7.0.15. */
describe('COMMAND', () => {
  it('describes commands in the 7.0 COMMAND INFO shape, with tips and key specs', () => {
    const store = createStore();
    expect(rawReply(store, 'COMMAND INFO ping config|get nosuch\r\n')).toBe(
      '*3\r\n*10\r\n$4\r\nping\r\n:-1\r\n*1\r\n+fast\r\n:0\r\n:0\r\n:0\r\n*2\r\n+@fast\r\n+@connection\r\n*2\r\n$25\r\nrequest_policy:all_shards\r\n$29\r\nresponse_policy:all_succeeded\r\n*0\r\n*0\r\n' +
        '*10\r\n$10\r\nconfig|get\r\n:-3\r\n*4\r\n+admin\r\n+noscript\r\n+loading\r\n+stale\r\n:0\r\n:0\r\n:0\r\n*3\r\n+@admin\r\n+@slow\r\n+@dangerous\r\n*0\r\n*0\r\n*0\r\n$-1\r\n',
    );
    expect(rawReply(store, 'COMMAND INFO watch\r\n')).toBe(
      '*1\r\n*10\r\n$5\r\nwatch\r\n:-2\r\n*5\r\n+noscript\r\n+loading\r\n+stale\r\n+fast\r\n+allow_busy\r\n:1\r\n:-1\r\n:1\r\n*2\r\n+@fast\r\n+@transaction\r\n*0\r\n' +
        '*1\r\n*6\r\n$5\r\nflags\r\n*1\r\n+RO\r\n$12\r\nbegin_search\r\n*4\r\n$4\r\ntype\r\n$5\r\nindex\r\n$4\r\nspec\r\n*2\r\n$5\r\nindex\r\n:1\r\n$9\r\nfind_keys\r\n*4\r\n$4\r\ntype\r\n$5\r\nrange\r\n$4\r\nspec\r\n*6\r\n$7\r\nlastkey\r\n:-1\r\n$7\r\nkeystep\r\n:1\r\n$5\r\nlimit\r\n:0\r\n*0\r\n',
    );
  });

  it('counts, lists and extracts keys', () => {
    const store = createStore();
    expect(store.call('COMMAND', 'COUNT')).toBe(store.node.commandTable.size);
    expect(store.call('COMMAND', 'LIST')).toContainEqual(Buffer.from('client|list'));
    expect(store.call('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'client|l*')).toEqual([Buffer.from('client|list')]);
    expect(rawReply(store, 'COMMAND GETKEYS watch a b\r\nCOMMAND GETKEYS ping\r\n')).toBe("*2\r\n$1\r\na\r\n$1\r\nb\r\n-ERR wrong number of arguments for 'command|getkeys' command\r\n");
  });
});

describe('OBJECT and MEMORY', () => {
  it('prints OBJECT HELP like Redis', () => {
    expect(rawReply(createStore(), 'OBJECT HELP\r\n')).toBe(
      '*15\r\n+OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+ENCODING <key>\r\n+    Return the kind of internal representation used in order to store the value\r\n+    associated with a <key>.\r\n+FREQ <key>\r\n+    Return the access frequency index of the <key>. The returned integer is\r\n+    proportional to the logarithm of the recent access frequency of the key.\r\n+IDLETIME <key>\r\n+    Return the idle time of the <key>, that is the approximated number of\r\n+    seconds elapsed since the last access to the key.\r\n+REFCOUNT <key>\r\n+    Return the number of references of the value associated with the specified\r\n+    <key>.\r\n+HELP\r\n+    Prints this help.\r\n',
    );
  });

  it('reports idle time from the LRU clock, and FREQ only under an LFU policy', () => {
    const store = testStore();
    store.call('xset', 'k', 'v');
    store.advance(10_000);
    expect(store.call('OBJECT', 'IDLETIME', 'k')).toBe(10);
    store.call('xget', 'k');
    expect(store.call('OBJECT', 'IDLETIME', 'k')).toBe(0);
    expect(rawReply(store, 'OBJECT FREQ k\r\n')).toBe(
      '-ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.\r\n',
    );
    store.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    store.call('xset', 'f', 'v');
    expect(store.call('OBJECT', 'FREQ', 'f')).toBe(5);
    expect(rawReply(store, 'OBJECT FREQ nokey\r\n')).toBe('$-1\r\n');
  });

  it('estimates MEMORY USAGE like Redis 7.0 for strings', () => {
    const store = testStore();
    store.call('xset', 'a', 'hello');
    store.call('xset', 'n', '12345');
    store.call('xset', 'big', 'x'.repeat(100));
    expect([store.call('MEMORY', 'USAGE', 'a'), store.call('MEMORY', 'USAGE', 'n'), store.call('MEMORY', 'USAGE', 'big')]).toEqual([64, 48, 160]);
    store.call('xpush', 'l', 'a', 'b', 'c');
    expect(store.call('MEMORY', 'USAGE', 'l')).toBe(144);
    expect(store.call('MEMORY', 'USAGE', 'missing')).toBeNull();
  });
});

describe('keyspace server commands', () => {
  it('counts keys, flushes, swaps and tells time', () => {
    const store = testStore();
    store.call('xset', 'a', '1');
    expect(store.call('DBSIZE')).toBe(1);
    expect(store.call('SWAPDB', '0', '1')).toBe('OK');
    expect(store.call('DBSIZE')).toBe(0);
    store.call('SELECT', '1');
    expect(store.call('DBSIZE')).toBe(1);
    expect(rawReply(store, 'SWAPDB x 1\r\nSWAPDB 0 99\r\nFLUSHDB FOO\r\n')).toBe('-ERR invalid first DB index\r\n-ERR DB index is out of range\r\n-ERR syntax error\r\n');
    expect(store.call('FLUSHALL')).toBe('OK');
    expect(store.call('DBSIZE')).toBe(0);
    const [seconds, micros] = store.call('TIME') as Buffer[];
    expect(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)).toBe(store.env.clock.nowMs());
    expect(store.call('ROLE')).toEqual([Buffer.from('master'), 0, []]);
  });

  it('serves clients blocked on a key that SWAPDB brings in', () => {
    const store = testStore();
    const waiter = store.client();
    waiter.command(['xbpop', 'q', '0']);
    store.call('SELECT', '1');
    store.call('xpush', 'q', 'job');
    store.call('SWAPDB', '0', '1');
    expect(waiter.takeReplies().toString('latin1')).toBe('*2\r\n$1\r\nq\r\n$3\r\njob\r\n');
  });
});
