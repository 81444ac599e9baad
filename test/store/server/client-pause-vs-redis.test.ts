import { describe, expect, it } from 'vitest';
import { useRealRedisRawConnection } from '../../support/use-real-redis.js';
import { createStore } from '../../../src/store/embedded.js';

/** Each script ends without a pause in force (an open ALL pause would hold the next script). */
const scripts: readonly (readonly string[][])[] = [
  [['CLIENT', 'PAUSE'], ['CLIENT', 'PAUSE', 'x'], ['CLIENT', 'PAUSE', '-1'], ['CLIENT', 'PAUSE', '1.5'], ['CLIENT', 'PAUSE', '99999999999999999999']],
  [['CLIENT', 'PAUSE', '10', 'READ'], ['CLIENT', 'PAUSE', 'x', 'READ'], ['CLIENT', 'PAUSE', '10', 'WRITE', 'extra'], ['CLIENT', 'UNPAUSE', 'extra']],
  [['CLIENT', 'PAUSE', '0'], ['SET', 'k', 'v'], ['CLIENT', 'PAUSE', '0', 'ALL'], ['GET', 'k'], ['CLIENT', 'UNPAUSE'], ['CLIENT', 'UNPAUSE']],
  [['CLIENT', 'PAUSE', '100000', 'write'], ['GET', 'k'], ['PING'], ['SET', 'k'], ['CLIENT', 'UNPAUSE'], ['SET', 'k', 'v']],
  [['CLIENT', 'PAUSE', '100000', 'WRITE'], ['MULTI'], ['GET', 'k'], ['PING'], ['EXEC'], ['CLIENT', 'UNPAUSE']],
  [['MULTI'], ['SET', 'a', '1'], ['CLIENT', 'PAUSE', '100000', 'WRITE'], ['SET', 'b', '2'], ['EXEC'], ['CLIENT', 'UNPAUSE'], ['MGET', 'a', 'b']],
  [['CLIENT', 'PAUSE', '100000', 'WRITE'], ['EVAL', '#!lua flags=no-writes\nreturn 1', '0'], ['EVAL_RO', 'return 2', '0'], ['CLIENT', 'UNPAUSE']],
  [['EVAL_RO', "return redis.call('publish','ch','msg')", '0'], ['EVAL', "return redis.call('publish','ch','msg')", '0']],
];

describe('CLIENT PAUSE / UNPAUSE against redis-server 7.0.15 (one server, byte for byte)', () => {
  const connection = useRealRedisRawConnection();

  scripts.forEach((script, index) => {
    it(`replies identically to script ${index}: ${script.map((argv) => argv.slice(0, 3).join(' ')).join(', ')}`, async () => {
      await connection().reply(['FLUSHALL']);
      const store = createStore();
      for (const argv of script) {
        const actual = store.command(argv).toString('latin1');
        const expected = await connection().reply(argv);
        expect({ argv, reply: actual.replace(/script: \w+, on @user_script:\d+\./, 'script') }).toEqual({ argv, reply: expected.replace(/script: \w+, on @user_script:\d+\./, 'script') });
      }
    });
  });
});
