import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { defaultEncodingConfig } from '../../../src/store/keyspace/encoding-config.js';
import { StoreConfig } from '../../../src/store/server/config.js';
import { rawReply } from './support/store-helpers.js';

/** Error texts were captured from a real redis-server 7.0.15. */
describe('CONFIG', () => {
  it('gets exact names as typed and glob patterns over names and aliases', () => {
    const store = createStore();
    expect(store.call('CONFIG', 'GET', 'HZ')).toEqual([Buffer.from('HZ'), Buffer.from('10')]);
    expect(store.call('CONFIG', 'GET', 'HASH-MAX-ZIPLIST-*')).toEqual([
      Buffer.from('hash-max-ziplist-entries'), Buffer.from('512'), Buffer.from('hash-max-ziplist-value'), Buffer.from('64'),
    ]);
    expect(store.call('CONFIG', 'GET', 'nosuch')).toEqual([]);
  });

  it('sets several parameters at once, all or nothing', () => {
    const store = createStore();
    expect(store.call('CONFIG', 'SET', 'hz', '20', 'maxmemory-policy', 'allkeys-lru')).toBe('OK');
    expect(store.call('CONFIG', 'GET', 'hz')).toEqual([Buffer.from('hz'), Buffer.from('20')]);
    expect(rawReply(store, 'CONFIG SET hz 11 maxmemory-policy bad\r\n')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction\r\n",
    );
    expect(store.node.config.integer('hz')).toBe(20);
  });

  it('refuses bad values with config.c error texts', () => {
    const store = createStore();
    expect(rawReply(store, 'config set hz abc\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer\r\n");
    expect(rawReply(store, 'config set hash-max-ziplist-entries -1\r\n')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'hash-max-ziplist-entries') - argument must be between 0 and 9223372036854775807 inclusive\r\n",
    );
    expect(rawReply(store, 'config set databases 3\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config\r\n");
    expect(rawReply(store, 'config set foo 1\r\n')).toBe("-ERR Unknown option or number of arguments for CONFIG SET - 'foo'\r\n");
    expect(rawReply(store, 'config set hz 5 hz 6\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'hz') - duplicate parameter\r\n");
    expect(rawReply(store, 'config set appendonly maybe\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'appendonly') - argument must be 'yes' or 'no'\r\n");
    expect(rawReply(store, 'config set maxmemory 1zb\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value\r\n");
  });

  it('updates the live encoding thresholds through either name', () => {
    const store = createStore({ config: { 'hash-max-ziplist-entries': 64 } });
    expect(store.node.config.encoding.hashMaxListpackEntries).toBe(64);
    store.call('CONFIG', 'SET', 'hash-max-listpack-entries', '32');
    expect(store.node.config.encoding.hashMaxListpackEntries).toBe(32);
  });

  it('defaults the encoding thresholds to the compiled-in 7.0.15 values', () => {
    const config = new StoreConfig();
    expect({ ...config.encoding }).toEqual({ ...defaultEncodingConfig });
    expect(config.encoding.hashMaxListpackEntries).toBe(512);
  });

  it('parses memory units like memtoull', () => {
    const config = new StoreConfig({ maxmemory: '1kb', 'proto-max-bulk-len': '2mb' });
    expect(config.get('maxmemory')).toBe('1024');
    expect(config.integer('proto-max-bulk-len')).toBe(2 * 1024 * 1024);
    expect(() => new StoreConfig({ hz: 'x' })).toThrow(/config option hz/);
  });

  it('resets statistics with CONFIG RESETSTAT', () => {
    const store = createStore();
    store.call('FOO');
    expect(store.node.stats.totalErrorReplies).toBe(1);
    store.call('CONFIG', 'RESETSTAT');
    expect(store.node.stats.totalErrorReplies).toBe(0);
  });
});

describe('CONFIG SET value errors', () => {
  it('name the parameter as typed, lowercased (captured from redis-server 7.0.15)', () => {
    const store = createStore();
    expect(rawReply(store, 'CONFIG SET ZSET-MAX-ZIPLIST-ENTRIES -1\r\n')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'zset-max-ziplist-entries') - argument must be between 0 and 9223372036854775807 inclusive\r\n",
    );
    expect(rawReply(store, 'CONFIG SET Hz abc\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'hz') - argument couldn't be parsed into an integer\r\n");
  });

  it('knows the parameters Redis has even when the store does not act on them', () => {
    const store = createStore();
    expect(store.call('CONFIG', 'GET', 'io-threads')).toEqual([Buffer.from('io-threads'), Buffer.from('1')]);
    expect(store.call('CONFIG', 'GET', 'latency-tracking-info-percentiles')).toEqual([Buffer.from('latency-tracking-info-percentiles'), Buffer.from('50 99 99.9')]);
    expect(rawReply(store, 'CONFIG SET io-threads 2\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'io-threads') - can't set immutable config\r\n");
  });
});

describe('CONFIG SET with a name and its alias', () => {
  it('treats them as two parameters, applied in order (as redis-server 7.0.15 does)', () => {
    const store = createStore();
    expect(store.call('CONFIG', 'SET', 'zset-max-listpack-entries', '9', 'zset-max-ziplist-entries', '3')).toBe('OK');
    expect(store.node.config.integer('zset-max-listpack-entries')).toBe(3);
    expect(rawReply(store, 'CONFIG SET zset-max-ziplist-entries -1 zset-max-listpack-entries 0\r\n')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'zset-max-ziplist-entries') - argument must be between 0 and 9223372036854775807 inclusive\r\n",
    );
    expect(rawReply(store, 'CONFIG SET hz 5 HZ 6\r\n')).toBe("-ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter\r\n");
  });
});
