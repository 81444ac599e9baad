import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { RawReplyConnection } from '../../support/raw-reply-connection.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import { formatReply } from '../../support/resp-format.js';

/**
 * The connection, server, pub/sub and transaction commands answer exactly
 * as a real redis-server 7.0.15 does, for scripts whose replies do not
 * depend on ids, addresses or time.
 */
const scripts: readonly (readonly string[][])[] = [
  [['PING'], ['PING', 'x'], ['PING', 'a', 'b'], ['ECHO', 'hi'], ['ECHO'], ['SELECT', '15'], ['SELECT', '16'], ['SELECT', 'x'], ['SELECT', '0']],
  [['MULTI'], ['MULTI'], ['PING'], ['NOPE', 'a'], ['EXEC'], ['EXEC'], ['DISCARD'], ['WATCH', 'k'], ['UNWATCH'], ['MULTI'], ['WATCH', 'x'], ['DISCARD']],
  [['EXEC', 'extra'], ['MULTI'], ['EXEC', 'x'], ['EXEC'], ['SUBSCRIBE', 'x'], ['EXEC'], ['RESET']],
  [['MULTI'], ['ECHO', 'a'], ['SELECT', '1'], ['DBSIZE'], ['EXEC'], ['DBSIZE'], ['SELECT', '0']],
  [['SUBSCRIBE', 'a', 'b'], ['PSUBSCRIBE', 'p*'], ['DBSIZE'], ['PING'], ['UNSUBSCRIBE', 'a'], ['PUNSUBSCRIBE'], ['UNSUBSCRIBE'], ['UNSUBSCRIBE'], ['PING']],
  [['SSUBSCRIBE', 'a', 'b'], ['SUBSCRIBE', 'c'], ['SUNSUBSCRIBE', 'a'], ['SPUBLISH', 'b', 'm'], ['PUBSUB', 'SHARDCHANNELS'], ['SUNSUBSCRIBE'], ['SUNSUBSCRIBE'], ['UNSUBSCRIBE'], ['PING']],
  [['MULTI'], ['SSUBSCRIBE', 'x'], ['PSUBSCRIBE', 'p'], ['EXEC'], ['RESET'], ['SPUBLISH', 'x', 'y'], ['PUBSUB', 'SHARDNUMSUB', 'x', 'y']],
  [['PUBLISH', 'nobody', 'x'], ['PUBSUB', 'NUMSUB', 'a', 'b'], ['PUBSUB', 'NUMPAT'], ['PUBSUB', 'CHANNELS'], ['PUBSUB', 'FOO'], ['PUBSUB', 'CHANNELS', 'a', 'b']],
  [['CONFIG', 'GET', 'hz'], ['CONFIG', 'GET', 'maxmemory-policy'], ['CONFIG', 'GET', 'list-max-ziplist-size'], ['CONFIG', 'SET', 'hz'], ['CONFIG', 'SET', 'hz', 'x'], ['CONFIG', 'SET', 'nope', '1'], ['CONFIG', 'SET', 'appendfsync', 'sometimes'], ['CONFIG', 'SET', 'hz', '10'], ['CONFIG', 'HELP']],
  [['CLIENT', 'SETNAME', 'a b'], ['CLIENT', 'SETNAME', 'ok'], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', ''], ['CLIENT', 'GETNAME'], ['CLIENT', 'NO-EVICT', 'on'], ['CLIENT', 'NO-EVICT', 'off'], ['CLIENT', 'KILL', '1.1.1.1:1'], ['CLIENT', 'LIST', 'TYPE', 'x'], ['CLIENT']],
  [['HELLO', '3', 'x'], ['HELLO', '4'], ['HELLO', 'x'], ['HELLO', '2', 'SETNAME', 'a b'], ['AUTH', 'x'], ['AUTH', 'a', 'b', 'c'], ['AUTH', 'other', 'x'], ['RESET']],
  [['FLUSHDB', 'x'], ['FLUSHDB', 'ASYNC'], ['FLUSHALL', 'SYNC'], ['SWAPDB', '0'], ['SWAPDB', 'a', '1'], ['SWAPDB', '0', 'b'], ['SWAPDB', '0', '77'], ['SWAPDB', '0', '1'], ['DBSIZE']],
  [['OBJECT', 'ENCODING', 'nokey'], ['OBJECT', 'FOO'], ['OBJECT', 'FREQ', 'nokey'], ['MEMORY', 'USAGE', 'nokey'], ['COMMAND', 'INFO', 'multi', 'exec', 'subscribe', 'publish', 'config|get', 'client|kill', 'watch', 'object|freq', 'memory|usage'], ['COMMAND', 'GETKEYS', 'ping', 'x'], ['COMMAND', 'GETKEYS', 'nope', 'x']],
  [['DEBUG', 'DIGEST'], ['DEBUG', 'DIGEST-VALUE', 'a'], ['DEBUG', 'NOPE'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '1']],
];

describe('server and connection commands against redis-server 7.0.15', () => {
  let server: RealRedisServer;
  let connection: RawReplyConnection;

  beforeAll(async () => {
    server = await startRealRedis({ extraArguments: ['--enable-debug-command', 'yes'] });
    connection = await RawReplyConnection.open(server.port);
  });

  afterAll(async () => {
    connection.close();
    await server.stop();
  });

  scripts.forEach((script, index) => {
    it(`replies identically to script ${index}: ${script.map((argv) => argv[0]).join(' ')}`, async () => {
      await connection.replyBytes(['RESET'], 1);
      await connection.replyBytes(['FLUSHALL'], 1);
      const store = createStore({ config: { 'enable-debug-command': 'yes' } });
      for (const argv of script) {
        const actual = decodeAllReplies(store.command(argv)).map(formatReply);
        const expected = decodeAllReplies(await connection.replyBytes(argv, Math.max(1, actual.length))).map(formatReply);
        expect({ argv, reply: actual }).toEqual({ argv, reply: expected });
      }
    });
  });
});
