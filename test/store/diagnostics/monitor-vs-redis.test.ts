import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import { RawConnection } from './support/raw-connection.js';

/** Every MONITOR line with its timestamp and client address masked (db and `lua` kept). */
function maskedLines(bytes: Buffer): string[] {
  return bytes
    .toString('latin1')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^\+\d+\.\d{6} \[(\d+) ([^\]]+)\]/, (_, db: string, who: string) => `+<time> [${db} ${who === 'lua' ? 'lua' : '<addr>'}]`));
}

const END_MARKER = 'end-of-script-marker';

/** Commands whose MONITOR lines (or their absence) must match Redis's. */
const commands: readonly (readonly (string | Buffer)[])[] = [
  ['SET', 'k', 'v'],
  ['GET', 'k'],
  ['SET', Buffer.from([0x61, 0x00, 0x62, 0xff, 0x0d, 0x0a, 0x09, 0x22, 0x5c, 0x07, 0x08, 0x7f, 0x20]), 'x'],
  ['MULTI'],
  ['INCR', 'n'],
  ['SET', 'x', 'y'],
  ['EXEC'],
  ['MULTI'],
  ['NOSUCHCOMMAND'],
  ['EXEC'],
  ['EVAL', "redis.call('set', KEYS[1], ARGV[1]); return redis.call('get', KEYS[1])", '1', 'key', 'val\u00e9'],
  ['SELECT', '3'],
  ['SET', 'k', 'v'],
  ['SELECT', '0'],
  ['AUTH', 'secret'],
  ['AUTH', 'user', 'secret'],
  ['HELLO', '2', 'AUTH', 'user', 'secret'],
  ['CONFIG', 'SET', 'maxmemory', '0'],
  ['CONFIG', 'GET', 'maxmemory'],
  ['SLOWLOG', 'LEN'],
  ['LATENCY', 'LATEST'],
  ['CLIENT', 'SETNAME', 'named'],
  ['GET'],
  ['PING'],
  ['DEL', 'k', 'x'],
  ['LOLWUT'],
  ['ECHO', END_MARKER],
];

describe('MONITOR against redis-server 7.0.15', () => {
  let server: RealRedisServer;

  beforeAll(async () => {
    server = await startRealRedis();
  });

  afterAll(async () => {
    await server.stop();
  });

  async function realLines(): Promise<string[]> {
    const monitor = await RawConnection.open(server.port);
    const client = await RawConnection.open(server.port);
    try {
      monitor.send(['MONITOR']);
      await monitor.waitFor('+OK\r\n');
      for (const argv of commands) client.send(argv);
      return maskedLines(await monitor.waitFor(END_MARKER));
    } finally {
      monitor.close();
      client.close();
    }
  }

  function ourLines(): string[] {
    const store = createStore();
    const monitor = store.client();
    expect(monitor.command(['MONITOR']).toString()).toBe('+OK\r\n');
    for (const argv of commands) store.command(argv);
    return maskedLines(monitor.takeReplies());
  }

  it('shows the same lines, in the same order, with the same quoting and redaction', async () => {
    const expected = await realLines();
    expect(expected.length).toBeGreaterThan(10);
    expect(ourLines()).toEqual(expected);
  });

  it('refuses keyspace commands from a monitor and still answers PING, as Redis does', async () => {
    const script: readonly (readonly string[])[] = [['MONITOR'], ['GET', 'k'], ['SET', 'k', 'v'], ['PING'], ['MONITOR'], ['ECHO', END_MARKER]];
    const real = await RawConnection.open(server.port);
    for (const argv of script) real.send(argv);
    const expected = maskedLines(await real.waitFor(`${END_MARKER}"`));
    real.close();
    const store = createStore();
    const ours = store.client();
    const replies = Buffer.concat(script.map((argv) => ours.command(argv)));
    expect(maskedLines(replies)).toEqual(expected);
  });

  it('ends monitor mode on RESET', async () => {
    const store = createStore();
    const monitor = store.client();
    monitor.command(['MONITOR']);
    expect(monitor.command(['RESET']).toString()).toBe('+RESET\r\n');
    store.command(['SET', 'k', 'v']);
    expect(monitor.takeReplies().length).toBe(0);
    expect(monitor.command(['GET', 'k']).toString()).toBe('$1\r\nv\r\n');
  });

  it('stops feeding a monitor that disconnected', () => {
    const store = createStore();
    const monitor = store.client();
    const other = store.client();
    monitor.command(['MONITOR']);
    other.command(['MONITOR']);
    monitor.close();
    store.command(['SET', 'k', 'v']);
    expect(maskedLines(other.takeReplies())).toEqual(['+<time> [0 <addr>] "SET" "k" "v"']);
  });

  it('stamps lines with the node clock in seconds and microseconds', () => {
    const store = createStore({ startEpochMs: 1_700_000_000_123 });
    const monitor = store.client();
    monitor.command(['MONITOR']);
    store.advance(5);
    store.command(['PING']);
    expect(monitor.takeReplies().toString()).toMatch(/^\+1700000000\.128000 \[0 127\.0\.0\.1:\d+\] "PING"\r\n$/);
  });
});
