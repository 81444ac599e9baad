import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import type { RespConnection } from '../../support/resp-connection.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';

/**
 * A fixed script of commands whose replies use every RESP3 type Redis 7.0
 * sends (maps, sets, doubles, nulls, verbatim strings, pushes, nested
 * WITHSCORES pairs), run after HELLO 3 and again in RESP2 on a real
 * redis-server 7.0.15 and on our store: the bytes must be the same. The
 * collections are small (listpack/intset encodings) and no reply lists
 * several keys or config names (hash-seed order), so every order is defined.
 */
const setup: string[][] = [
  ['RPUSH', 'list', 'a', 'b', 'c', 'd'],
  ['HSET', 'hash', 'f1', 'v1', 'f2', 'v2'],
  ['SADD', 'set', '3', '1', '2'],
  ['SADD', 'set2', '2', '3', '4'],
  ['ZADD', 'zset', '1', 'one', '2.5', 'two', '3', 'three'],
  ['SET', 'string', 'hello'],
];

const script: string[][] = [
  ['GET', 'string'], ['GET', 'missing'], ['MGET', 'string', 'missing'],
  ['LPOP', 'missing'], ['LPOP', 'missing', '2'], ['LPOP', 'list', '2'], ['RPOP', 'list'], ['LPOS', 'list', 'zz'],
  ['LMPOP', '1', 'missing', 'LEFT'], ['BLPOP', 'missing', '0.01'], ['BLMPOP', '0.01', '1', 'missing', 'LEFT'], ['BZPOPMIN', 'missing', '0.01'],
  ['HGETALL', 'hash'], ['HGETALL', 'missing'], ['HKEYS', 'hash'], ['HGET', 'hash', 'nope'], ['HMGET', 'hash', 'f1', 'nope'],
  ['HRANDFIELD', 'hash', '5', 'WITHVALUES'], ['HRANDFIELD', 'missing', '2'], ['HRANDFIELD', 'missing'],
  ['SMEMBERS', 'set'], ['SMEMBERS', 'missing'], ['SINTER', 'set', 'set2'], ['SINTER', 'set', 'missing'], ['SUNION', 'set', 'set2'],
  ['SDIFF', 'set', 'set2'], ['SPOP', 'missing', '2'], ['SRANDMEMBER', 'set', '5'], ['SRANDMEMBER', 'missing', '2'], ['SISMEMBER', 'set', '1'],
  ['SMISMEMBER', 'set', '1', '9'], ['SPOP', 'missing'],
  ['ZSCORE', 'zset', 'two'], ['ZSCORE', 'zset', 'nope'], ['ZMSCORE', 'zset', 'one', 'nope'], ['ZINCRBY', 'zset', '0.5', 'one'],
  ['ZADD', 'zset', 'INCR', '1', 'three'], ['ZADD', 'zset', 'NX', 'INCR', '1', 'three'], ['ZADD', 'zinf', '+inf', 'up', '-inf', 'down'],
  ['ZRANGE', 'zset', '0', '-1', 'WITHSCORES'], ['ZRANGE', 'zinf', '0', '-1', 'WITHSCORES'], ['ZRANGEBYSCORE', 'zset', '-inf', '+inf', 'WITHSCORES'],
  ['ZREVRANGE', 'zset', '0', '1'], ['ZRANGE', 'zset', '(1', '+inf', 'BYSCORE', 'WITHSCORES'], ['ZRANK', 'zset', 'nope'],
  ['ZRANDMEMBER', 'zset', '9', 'WITHSCORES'], ['ZRANDMEMBER', 'missing'],
  ['ZUNION', '2', 'zset', 'zinf', 'WITHSCORES'], ['ZINTER', '1', 'zset', 'WITHSCORES'], ['ZDIFF', '1', 'zset'],
  ['ZPOPMIN', 'zset'], ['ZPOPMIN', 'zset', '1'], ['ZPOPMAX', 'missing', '2'], ['ZMPOP', '1', 'zset', 'MIN', 'COUNT', '1'], ['ZMPOP', '1', 'missing', 'MIN'],
  ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'GET', 'nosuch*'], ['COMMAND', 'INFO', 'get', 'nosuch'], ['COMMAND', 'DOCS', 'get'],
  ['COMMAND', 'INFO', 'zadd', 'config|get', 'config|set'], ['COMMAND', 'DOCS', 'config|set'], ['LCS', 'string', 'string', 'IDX'],
  ['MULTI'], ['GET', 'missing'], ['ZSCORE', 'zinf', 'up'], ['EXEC'],
  ['SCAN', '0', 'COUNT', '100', 'MATCH', 'strin?'], ['HSCAN', 'hash', '0'], ['ZSCAN', 'zset', '0'], ['SSCAN', 'set', '0'], ['SORT', 'set'],
  ['TTL', 'string'], ['EXPIRETIME', 'missing'], ['COMMAND', 'GETKEYS', 'MSET', 'a', '1', 'b', '2'], ['PUBSUB', 'NUMSUB', 'ch'],
  ['PUBSUB', 'CHANNELS'], ['ROLE'], ['DBSIZE'], ['LRANGE', 'list', '0', '-1'], ['LPOS', 'list', 'c', 'COUNT', '0'],
  ['BLMOVE', 'missing', 'dst', 'LEFT', 'RIGHT', '0.01'], ['BRPOPLPUSH', 'missing', 'dst', '0.01'], ['BZMPOP', '0.01', '1', 'missing', 'MIN'],
  ['CLIENT', 'GETNAME'], ['MEMORY', 'USAGE', 'missing'], ['GETDEL', 'missing'], ['GETEX', 'missing'], ['SET', 'string', 'v', 'GET'],
  ['SET', 'fresh', 'v', 'NX', 'GET'], ['SINTERCARD', '2', 'set', 'set2'], ['ZINTERCARD', '1', 'zset'], ['ZADD', 'zset', 'GT', 'INCR', '-1', 'two'],
  ['ZRANGESTORE', 'zdst', 'zset', '0', '-1'], ['ZRANGE', 'zdst', '0', '-1', 'WITHSCORES'], ['ZREVRANGEBYSCORE', 'zset', '+inf', '-inf', 'WITHSCORES', 'LIMIT', '0', '1'],
  ['ZRANGEBYLEX', 'zset', '-', '+'], ['CONFIG', 'GET', 'hash-max-listpack-entries'], ['OBJECT', 'FREQ', 'string'],
  ['ECHO', 'x'], ['PING'], ['TYPE', 'missing'], ['OBJECT', 'ENCODING', 'missing'], ['INCRBYFLOAT', 'float', '1.5'], ['HINCRBYFLOAT', 'hash', 'f3', '2.5'],
];

let server: RealRedisServer;
let real: RespConnection;

beforeAll(async () => {
  server = await startRealRedis();
  real = await server.connect();
});

afterAll(async () => {
  real?.close();
  await server?.stop();
});

async function realReplies(protocol: 2 | 3): Promise<string[]> {
  await real.pipeline([['FLUSHALL'], ['HELLO', String(protocol)]]);
  const replies = await real.pipeline([...setup, ...script]);
  return replies.slice(setup.length).map((reply) => reply.raw.toString('latin1'));
}

function ourReplies(protocol: 2 | 3): string[] {
  const store = createStore();
  store.command(['HELLO', String(protocol)]);
  for (const command of setup) store.command(command);
  const replies = script.map((command) => {
    const bytes = store.command(command);
    // A blocking command with a timeout answers when the virtual clock passes it.
    if (bytes.length > 0) return bytes.toString('latin1');
    store.advance(20);
    return store.takeReplies().toString('latin1');
  });
  store.close();
  return replies;
}

describe('RESP3 and RESP2 replies are byte for byte those of redis-server 7.0.15', () => {
  it.each([3, 2] as const)('in RESP%i', async (protocol) => {
    const expected = await realReplies(protocol);
    const actual = ourReplies(protocol);
    const differences = script.flatMap((command, index) =>
      actual[index] === expected[index] ? [] : [`${command.join(' ')}\n  redis: ${JSON.stringify(expected[index])}\n  ours:  ${JSON.stringify(actual[index])}`],
    );
    expect(differences).toEqual([]);
  });
});
