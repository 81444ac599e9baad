import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { keyspaceEventFlags, keyspaceEventFlagsText } from '../../../src/store/server/keyspace-events.js';
import { pmessages, realNotifications, storeNotifications } from '../../support/keyspace-notifications.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';

/** Commands touching every notifying code path (each family's events, `del` of emptied keys, STORE variants). */
const SCRIPT: readonly (readonly string[])[] = [
  ['SET', 's', 'v'],
  ['SET', 's', 'v', 'EX', '100'],
  ['SETEX', 'se', '100', 'v'],
  ['SETNX', 's', 'w'],
  ['APPEND', 's', 'x'],
  ['SETRANGE', 's', '0', 'y'],
  ['INCR', 'n'],
  ['DECRBY', 'n', '3'],
  ['INCRBYFLOAT', 'n', '1.5'],
  ['GETSET', 's', 'z'],
  ['MSET', 'a', '1', 'b', '2'],
  ['GETDEL', 'a'],
  ['GETEX', 'b', 'PX', '100000'],
  ['GETEX', 'b', 'PERSIST'],
  ['SETBIT', 'bits', '3', '1'],
  ['SETBIT', 'bits', '3', '1'],
  ['BITFIELD', 'bf', 'SET', 'u8', '0', '5'],
  ['BITOP', 'OR', 'dest', 'bits', 'bf'],
  ['BITOP', 'OR', 'dest', 'missing'],
  ['EXPIRE', 's', '100'],
  ['PERSIST', 's'],
  ['EXPIRE', 's', '-1'],
  ['DEL', 'b', 'missing'],
  ['RENAME', 'n', 'n2'],
  ['MOVE', 'n2', '1'],
  ['COPY', 'bits', 'bits2'],
  ['COPY', 'bits', 'bits3', 'DB', '2'],
  ['LPUSH', 'l', 'a', 'b', 'c'],
  ['RPUSHX', 'l', 'd'],
  ['LINSERT', 'l', 'BEFORE', 'a', 'z'],
  ['LSET', 'l', '0', 'q'],
  ['LPOP', 'l'],
  ['RPOP', 'l', '1'],
  ['LMOVE', 'l', 'l2', 'LEFT', 'RIGHT'],
  ['LREM', 'l', '1', 'a'],
  ['LTRIM', 'l', '5', '10'],
  ['RPUSH', 'l3', 'x'],
  ['RPOPLPUSH', 'l3', 'l2'],
  ['LMPOP', '1', 'l2', 'LEFT', 'COUNT', '10'],
  ['RPUSH', 'l4', 'x'],
  ['BLPOP', 'l4', '0'],
  ['SADD', 'st', 'a', 'b', 'c'],
  ['SREM', 'st', 'a'],
  ['SMOVE', 'st', 'st2', 'b'],
  ['SPOP', 'st'],
  ['SADD', 'st3', '1', '2', '3'],
  ['SINTERSTORE', 'dst', 'st2', 'st3'],
  ['SUNIONSTORE', 'dst2', 'st2', 'st3'],
  ['SDIFFSTORE', 'dst2', 'missing', 'st3'],
  ['SPOP', 'st3', '5'],
  ['HSET', 'h', 'f', 'v'],
  ['HSETNX', 'h', 'g', 'v'],
  ['HINCRBY', 'h', 'n', '1'],
  ['HINCRBYFLOAT', 'h', 'fl', '1.5'],
  ['HDEL', 'h', 'f', 'g', 'n', 'fl'],
  ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'],
  ['ZADD', 'z', 'NX', '1', 'a'],
  ['ZINCRBY', 'z', '1', 'a'],
  ['ZADD', 'z', 'INCR', '1', 'b'],
  ['ZREM', 'z', 'a'],
  ['ZPOPMIN', 'z'],
  ['ZPOPMAX', 'z', '5'],
  ['ZADD', 'z2', '1', 'a', '2', 'b', '3', 'c', '4', 'd'],
  ['ZREMRANGEBYSCORE', 'z2', '1', '1'],
  ['ZREMRANGEBYRANK', 'z2', '0', '0'],
  ['ZREMRANGEBYLEX', 'z2', '-', '+'],
  ['ZADD', 'z3', '1', 'a'],
  ['ZUNIONSTORE', 'z4', '1', 'z3'],
  ['ZRANGESTORE', 'z5', 'z3', '0', '-1'],
  ['ZINTERSTORE', 'z5', '2', 'z3', 'missing'],
  ['ZMPOP', '1', 'z4', 'MIN'],
  ['RPUSH', 'srt', '3', '1', '2'],
  ['SORT', 'srt', 'STORE', 'srt2'],
  ['SORT', 'missing', 'STORE', 'srt2'],
  // Reads of missing keys (keymiss events, class m).
  ['GET', 'missing'],
  ['MGET', 'missing', 'srt'],
  ['EXISTS', 'missing'],
  ['TYPE', 'missing'],
  ['TTL', 'missing'],
  ['STRLEN', 'missing'],
  ['GETRANGE', 'missing', '0', '1'],
  ['LRANGE', 'missing', '0', '-1'],
  ['LLEN', 'missing'],
  ['HGET', 'missing', 'f'],
  ['HGETALL', 'missing'],
  ['SMEMBERS', 'missing'],
  ['SISMEMBER', 'missing', 'a'],
  ['ZRANGE', 'missing', '0', '-1'],
  ['ZSCORE', 'missing', 'a'],
  ['OBJECT', 'ENCODING', 'missing'],
  ['DUMP', 'missing'],
];

describe('keyspace notifications against redis-server 7.0.15', () => {
  let server: RealRedisServer;
  beforeAll(async () => {
    server = await startRealRedis();
  });
  afterAll(async () => {
    await server.stop();
  });

  for (const flags of ['KEA', 'KEAn', 'Kl', 'Eg$', 'Em', 'KEAmn']) {
    it(`publishes the same keyspace/keyevent messages in the same order with notify-keyspace-events ${flags}`, async () => {
      const expected = await realNotifications(server, flags, SCRIPT);
      expect(expected.length).toBeGreaterThan(0);
      expect(storeNotifications(createStore(), flags, SCRIPT)).toEqual(expected);
    });
  }
});

describe('keyspace notifications', () => {
  it('publishes nothing while notify-keyspace-events is empty (the default)', () => {
    const store = createStore();
    const subscriber = store.client();
    subscriber.command(['PSUBSCRIBE', '*']);
    subscriber.takeReplies();
    store.call('SET', 'k', 'v');
    store.call('LPUSH', 'l', 'x');
    expect(subscriber.takeReplies().length).toBe(0);
  });

  it('publishes expired when a key with a TTL is found expired, and evicted when maxmemory evicts', () => {
    const store = createStore();
    const subscriber = store.client();
    subscriber.command(['PSUBSCRIBE', '*']);
    store.call('CONFIG', 'SET', 'notify-keyspace-events', 'Exe');
    store.call('SET', 'foo', 'bar', 'PX', '100');
    store.advance(200);
    store.call('GET', 'foo');
    store.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    store.call('SET', 'victim', 'v');
    store.call('CONFIG', 'SET', 'maxmemory', '1');
    store.call('CONFIG', 'SET', 'maxmemory', '0');
    expect(pmessages(subscriber.takeReplies())).toEqual(['__keyevent@0__:expired foo', '__keyevent@0__:evicted victim']);
  });

  it('serves a blocked BLPOP with lpop and del events after the push that woke it', () => {
    const store = createStore();
    const subscriber = store.client();
    subscriber.command(['PSUBSCRIBE', '*']);
    store.call('CONFIG', 'SET', 'notify-keyspace-events', 'El');
    const blocked = store.client();
    blocked.sendRaw(Buffer.from('BLPOP q 0\r\n'));
    store.call('RPUSH', 'q', 'x');
    expect(pmessages(subscriber.takeReplies())).toEqual(['__keyevent@0__:rpush q', '__keyevent@0__:lpop q']);
  });
});

describe('notify-keyspace-events flags', () => {
  it('prints the canonical class text CONFIG GET shows (A for every class, K E m last)', () => {
    const canonical = (text: string): string => keyspaceEventFlagsText(keyspaceEventFlags(text) as number);
    expect(canonical('KA')).toBe('AK');
    expect(canonical('EA')).toBe('AE');
    expect(canonical('gKE')).toBe('gKE');
    expect(canonical('$lshzxeKE')).toBe('$lshzxeKE');
    expect(canonical('mnK')).toBe('nKm');
    expect(canonical('')).toBe('');
  });

  it('refuses an unknown class character with config.c error and keeps the old value', () => {
    const store = createStore();
    store.call('CONFIG', 'SET', 'notify-keyspace-events', 'KA');
    expect(store.command(['CONFIG', 'SET', 'notify-keyspace-events', 'KQ']).toString('latin1')).toBe(
      "-ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.\r\n",
    );
    expect(store.call('CONFIG', 'GET', 'notify-keyspace-events')).toEqual([Buffer.from('notify-keyspace-events'), Buffer.from('AK')]);
  });
});
