import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeChild, type ServeChild } from '../serve/serve-child.js';

let server: ServeChild;

beforeAll(async () => {
  server = await startServeChild();
});

afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function ioredis(): Redis {
  return new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
}

describe('ioredis against redsim serve', () => {
  it('does strings, counters, hashes, lists, sets and sorted sets with their replies', async () => {
    const client = ioredis();
    try {
      expect(await client.set('io:name', 'redsim')).toBe('OK');
      expect(await client.get('io:name')).toBe('redsim');
      expect(await client.incrby('io:counter', 5)).toBe(5);
      expect(await client.incrbyfloat('io:float', '1.5')).toBe('1.5');
      expect(await client.hset('io:hash', { a: '1', b: '2' })).toBe(2);
      expect(await client.hgetall('io:hash')).toEqual({ a: '1', b: '2' });
      expect(await client.rpush('io:list', 'x', 'y', 'z')).toBe(3);
      expect(await client.lrange('io:list', 0, -1)).toEqual(['x', 'y', 'z']);
      expect(await client.sadd('io:set', 'm1', 'm2', 'm2')).toBe(2);
      expect((await client.smembers('io:set')).sort()).toEqual(['m1', 'm2']);
      expect(await client.zadd('io:zset', 2, 'two', 1, 'one')).toBe(2);
      expect(await client.zrange('io:zset', 0, -1, 'WITHSCORES')).toEqual(['one', '1', 'two', '2']);
      expect(await client.del('io:name', 'io:missing')).toBe(1);
      await expect(client.lpush('io:hash', 'v')).rejects.toThrow(/WRONGTYPE/);
    } finally {
      client.disconnect();
    }
  });

  it('keeps binary values byte for byte', async () => {
    const client = ioredis();
    try {
      const bytes = Buffer.from([0, 255, 13, 10, 42, 0, 128]);
      await client.set(Buffer.from('io:bin\0key'), bytes);
      expect(await client.getBuffer(Buffer.from('io:bin\0key'))).toEqual(bytes);
    } finally {
      client.disconnect();
    }
  });

  it('answers a 1000-command pipeline in order', async () => {
    const client = ioredis();
    try {
      const pipeline = client.pipeline();
      for (let index = 0; index < 500; index++) pipeline.set(`io:p:${index}`, String(index));
      for (let index = 0; index < 500; index++) pipeline.get(`io:p:${index}`);
      const results = (await pipeline.exec()) ?? [];
      expect(results).toHaveLength(1000);
      expect(results.slice(0, 500).every(([error, value]) => error === null && value === 'OK')).toBe(true);
      expect(results.slice(500).map(([, value]) => value)).toEqual(Array.from({ length: 500 }, (_, index) => String(index)));
    } finally {
      client.disconnect();
    }
  });

  it('runs MULTI/EXEC atomically and aborts a WATCHed transaction another client broke', async () => {
    const client = ioredis();
    const other = ioredis();
    try {
      const results = await client.multi().set('io:tx', '1').incr('io:tx').get('io:tx').exec();
      expect(results).toEqual([[null, 'OK'], [null, 2], [null, '2']]);
      await client.watch('io:tx');
      await other.set('io:tx', 'changed');
      expect(await client.multi().set('io:tx', 'mine').exec()).toBeNull();
      expect(await client.get('io:tx')).toBe('changed');
    } finally {
      client.disconnect();
      other.disconnect();
    }
  });

  it('delivers pub/sub messages to channel and pattern subscribers', async () => {
    const subscriber = ioredis();
    const publisher = ioredis();
    try {
      const received: string[] = [];
      subscriber.on('message', (channel: string, message: string) => received.push(`${channel}:${message}`));
      subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => received.push(`p ${channel}:${message}`));
      await subscriber.subscribe('io:news');
      await subscriber.psubscribe('io:ne*');
      expect(await publisher.publish('io:news', 'hello')).toBe(2);
      expect(await publisher.publish('io:nest', 'only-pattern')).toBe(1);
      for (let wait = 0; wait < 50 && received.length < 3; wait++) await sleep(20);
      expect(received.sort()).toEqual(['io:news:hello', 'p io:nest:only-pattern', 'p io:news:hello']);
    } finally {
      subscriber.disconnect();
      publisher.disconnect();
    }
  });

  it('wakes a blocked BLPOP when another client pushes, and times out with null', async () => {
    const blocked = ioredis();
    const pusher = ioredis();
    try {
      const popped = blocked.blpop('io:queue', 5);
      await sleep(100);
      await pusher.rpush('io:queue', 'job-1');
      expect(await popped).toEqual(['io:queue', 'job-1']);
      const started = Date.now();
      expect(await blocked.blpop('io:empty-queue', 0.2)).toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      blocked.disconnect();
      pusher.disconnect();
    }
  });

  it('expires keys on the wall clock (PX, EXPIRE, TTL, PERSIST)', async () => {
    const client = ioredis();
    try {
      await client.set('io:short', 'v', 'PX', 150);
      await client.set('io:long', 'v');
      expect(await client.expire('io:long', 100)).toBe(1);
      const ttl = await client.ttl('io:long');
      expect(ttl).toBeGreaterThan(98);
      expect(ttl).toBeLessThanOrEqual(100);
      expect(await client.persist('io:long')).toBe(1);
      expect(await client.ttl('io:long')).toBe(-1);
      expect(await client.get('io:short')).toBe('v');
      await sleep(300);
      expect(await client.get('io:short')).toBeNull();
      expect(await client.exists('io:short')).toBe(0);
    } finally {
      client.disconnect();
    }
  });

  it('iterates every key with SCAN', async () => {
    const client = ioredis();
    try {
      const pipeline = client.pipeline();
      for (let index = 0; index < 300; index++) pipeline.set(`io:scan:${index}`, 'v');
      await pipeline.exec();
      const seen = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', 'io:scan:*', 'COUNT', 50);
        keys.forEach((key) => seen.add(key));
        cursor = next;
      } while (cursor !== '0');
      expect(seen.size).toBe(300);
    } finally {
      client.disconnect();
    }
  });
});

describe('node-redis against redsim serve', () => {
  it('does a realistic mix: strings, hashes, lists, auto-pipelined batches, MULTI and scanIterator', async () => {
    const client = createClient({ socket: { host: '127.0.0.1', port: server.port } });
    await client.connect();
    try {
      expect(await client.set('nr:key', 'value', { EX: 100 })).toBe('OK');
      expect(await client.get('nr:key')).toBe('value');
      expect(await client.ttl('nr:key')).toBeGreaterThan(90);
      expect(await client.hSet('nr:hash', { field: 'v1', other: 'v2' })).toBe(2);
      expect(await client.hGetAll('nr:hash')).toEqual({ field: 'v1', other: 'v2' });
      const batch = await Promise.all(Array.from({ length: 200 }, (_, index) => client.incr('nr:counter').then(() => index)));
      expect(batch).toHaveLength(200);
      expect(await client.get('nr:counter')).toBe('200');
      const results = await client.multi().rPush('nr:list', ['a', 'b']).lRange('nr:list', 0, -1).exec();
      expect(results).toEqual([2, ['a', 'b']]);
      const keys: string[] = [];
      for await (const key of client.scanIterator({ MATCH: 'nr:*', COUNT: 10 })) keys.push(key);
      expect(keys.sort()).toEqual(['nr:counter', 'nr:hash', 'nr:key', 'nr:list']);
      expect(await client.zAdd('nr:zset', [{ score: 1.5, value: 'a' }, { score: -2, value: 'b' }])).toBe(2);
      expect(await client.zRangeWithScores('nr:zset', 0, -1)).toEqual([{ value: 'b', score: -2 }, { value: 'a', score: 1.5 }]);
    } finally {
      await client.quit();
    }
  });

  it('subscribes on a duplicate connection and pops with blPop', async () => {
    const client = createClient({ socket: { host: '127.0.0.1', port: server.port } });
    await client.connect();
    const subscriber = client.duplicate();
    await subscriber.connect();
    try {
      const messages: string[] = [];
      await subscriber.subscribe('nr:channel', (message) => messages.push(message));
      expect(await client.publish('nr:channel', 'first')).toBe(1);
      for (let wait = 0; wait < 50 && messages.length < 1; wait++) await sleep(20);
      expect(messages).toEqual(['first']);
      const blocker = client.duplicate();
      await blocker.connect();
      const popped = blocker.blPop('nr:jobs', 5);
      await sleep(100);
      await client.lPush('nr:jobs', 'job');
      expect(await popped).toEqual({ key: 'nr:jobs', element: 'job' });
      await blocker.quit();
    } finally {
      await subscriber.quit();
      await client.quit();
    }
  });
});
