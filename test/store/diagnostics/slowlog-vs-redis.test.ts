import { describe, expect, it } from 'vitest';
import { useRealRedisConnection } from '../../support/use-real-redis.js';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import { formatReply } from '../../support/resp-format.js';
import type { RespReply } from '../../support/resp-reply.js';

/**
 * A SLOWLOG GET reply with what depends on the run masked: each entry's
 * id, timestamp, duration and client address (argv and name are kept).
 */
function maskedSlowlog(reply: RespReply): string {
  if (reply.kind !== 'array' || reply.items === null) return formatReply(reply);
  const entries = reply.items.map((entry) => {
    if (entry.kind !== 'array' || entry.items === null || entry.items.length !== 6) return `bad entry ${formatReply(entry)}`;
    const [, , , argv, , name] = entry.items as [RespReply, RespReply, RespReply, RespReply, RespReply, RespReply];
    return `[<id>, <time>, <duration>, ${formatReply(argv)}, <addr>, ${formatReply(name)}]`;
  });
  return `[${entries.join(', ')}]`;
}

function isSlowlogGet(argv: readonly string[]): boolean {
  return argv[0]?.toLowerCase() === 'slowlog' && argv[1]?.toLowerCase() === 'get';
}

const longArgument = 'A'.repeat(129);
const manyArguments = Array.from({ length: 31 }, (_, index) => String(index + 3));

/** Scripts run on both servers after SLOWLOG RESET with slowlog-log-slower-than 0. */
const scripts: readonly (readonly (readonly string[])[])[] = [
  [['SLOWLOG', 'LEN'], ['SET', 'a', 'b'], ['GET', 'a'], ['SLOWLOG', 'LEN'], ['SLOWLOG', 'GET'], ['SLOWLOG', 'GET', '1'], ['SLOWLOG', 'GET', '0'], ['SLOWLOG', 'GET', '-1']],
  [['SADD', 'set', ...manyArguments], ['SADD', 'set', 'foo', longArgument], ['SLOWLOG', 'GET', '2']],
  [['CLIENT', 'SETNAME', 'foobar'], ['PING'], ['SLOWLOG', 'GET', '2'], ['CLIENT', 'SETNAME', '']],
  [['AUTH', 'secret'], ['AUTH', 'user', 'secret'], ['AUTH', 'a', 'b', 'c'], ['HELLO', '2', 'AUTH', 'user', 'secret'], ['CONFIG', 'SET', 'requirepass', '', 'masterauth', 'x'], ['SLOWLOG', 'GET']],
  [['MULTI'], ['INCR', 'n'], ['SET', 'x', 'y'], ['EXEC'], ['SLOWLOG', 'GET', '3']],
  [['EVAL', "return redis.call('set', 'k', 'v')", '0'], ['SLOWLOG', 'GET', '2']],
  [['NOSUCH'], ['GET'], ['SLOWLOG', 'LEN']],
  [['SLOWLOG', 'GET', '-2'], ['SLOWLOG', 'GET', '-222'], ['SLOWLOG', 'GET', 'x'], ['SLOWLOG', 'GET', '1', '2'], ['SLOWLOG', 'LEN', 'x'], ['SLOWLOG', 'RESET', 'x'], ['SLOWLOG', 'FOO'], ['SLOWLOG'], ['SLOWLOG', 'HELP'], ['SLOWLOG', 'help', 'x']],
  [['CONFIG', 'SET', 'slowlog-max-len', '3'], ['SET', 'key', 'test'], ['SADD', 'set', 'a', 'b', 'c'], ['INCR', 'num'], ['LPUSH', 'list', 'a'], ['SLOWLOG', 'LEN'], ['SLOWLOG', 'GET', '-1'], ['CONFIG', 'SET', 'slowlog-max-len', '128']],
  [['CONFIG', 'SET', 'slowlog-log-slower-than', '-1'], ['SET', 'a', 'b'], ['SLOWLOG', 'LEN'], ['CONFIG', 'SET', 'slowlog-log-slower-than', '0'], ['SLOWLOG', 'LEN']],
  [['CONFIG', 'SET', 'slowlog-log-slower-than', '-2'], ['CONFIG', 'SET', 'slowlog-max-len', '-1'], ['CONFIG', 'GET', 'slowlog-max-len'], ['CONFIG', 'GET', 'slowlog-log-slower-than']],
];

describe('SLOWLOG against redis-server 7.0.15 (threshold 0, timing masked)', () => {
  let store: Store;
  const real = useRealRedisConnection();

  async function bothRun(argv: readonly string[]): Promise<{ readonly ours: string; readonly expected: string }> {
    const expectedReply = await real().command(argv);
    const [oursReply] = decodeAllReplies(store.command(argv));
    expect(oursReply, `${argv.join(' ')}: a reply`).toBeDefined();
    const format = isSlowlogGet(argv) ? maskedSlowlog : formatReply;
    return { ours: format(oursReply as RespReply), expected: format(expectedReply) };
  }

  scripts.forEach((script, index) => {
    it(`logs and answers as Redis does, script ${index}: ${script.map((argv) => argv.slice(0, 2).join(' ')).join(', ')}`, async () => {
      store = createStore();
      for (const setup of [['FLUSHALL'], ['CONFIG', 'SET', 'slowlog-log-slower-than', '0'], ['SLOWLOG', 'RESET']]) await bothRun(setup);
      for (const argv of script) {
        const { ours, expected } = await bothRun(argv);
        expect({ argv, reply: ours }).toEqual({ argv, reply: expected });
      }
    });
  });
});
