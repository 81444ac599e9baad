import { describe, expect, it } from 'vitest';
import { useRealRedisRawConnection } from '../../support/use-real-redis.js';
import { createStore } from '../../../src/store/embedded.js';

/** FAILOVER and PSYNC FAILOVER on a master without replicas: every parse and state error of failoverCommand / syncCommand. */
const commands: readonly (readonly string[])[] = [
  ['FAILOVER'],
  ['FAILOVER', 'ABORT'],
  ['FAILOVER', 'abort', 'x'],
  ['FAILOVER', 'TIMEOUT'],
  ['FAILOVER', 'TIMEOUT', '0'],
  ['FAILOVER', 'TIMEOUT', '-5'],
  ['FAILOVER', 'TIMEOUT', 'x'],
  ['FAILOVER', 'TIMEOUT', '10', 'TIMEOUT', '20'],
  ['FAILOVER', 'TIMEOUT', '10'],
  ['FAILOVER', 'TO', 'h'],
  ['FAILOVER', 'TO', 'h', 'x'],
  ['FAILOVER', 'TO', '127.0.0.1', '6379'],
  ['FAILOVER', 'TO', 'a', '1', 'TO', 'b', '2'],
  ['FAILOVER', 'FORCE'],
  ['FAILOVER', 'FORCE', 'FORCE'],
  ['FAILOVER', 'TO', 'h', '1', 'FORCE', 'TIMEOUT', '5'],
  ['FAILOVER', 'NOPE'],
  ['PSYNC', '?', '-1', 'FAILOVER'],
  ['PSYNC', 'abc', '5', 'failover'],
  ['REPLICAOF', 'NO', 'ONE'],
  ['COMMAND', 'INFO', 'failover', 'client|pause', 'client|unpause'],
  ['COMMAND', 'DOCS', 'failover'],
];

describe('FAILOVER without replicas against redis-server 7.0.15 (byte for byte)', () => {
  const connection = useRealRedisRawConnection();

  it('replies identically to every command, in order, and reports no-failover afterwards', async () => {
    const store = createStore();
    for (const argv of commands) {
      const actual = store.command(argv).toString('latin1');
      const expected = await connection().reply(argv);
      expect({ argv, reply: actual }).toEqual({ argv, reply: expected });
    }
    const info = await connection().reply(['INFO', 'replication']);
    expect(info).toContain('master_failover_state:no-failover\r\n');
    expect(store.command(['INFO', 'replication']).toString('latin1')).toContain('master_failover_state:no-failover\r\n');
  });
});
