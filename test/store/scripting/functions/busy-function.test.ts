import { describe, expect, it } from 'vitest';
import { createStore, type Store, type StoreClient } from '../../../../src/store/embedded.js';

const BUSY_FUNCTION = '-BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.\r\n';
const BUSY_EVAL = '-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n';
const ENDLESS_LIBRARY = "#!lua name=test\nredis.register_function('test', function(KEYS, ARGV)\n local a = 1 while true do a = a + 1 end \nend)";
/** What redis-server 7.0.15 replies to the caller of the endless function when FUNCTION KILL stops it. */
const KILLED = '-ERR Script killed by user with SCRIPT KILL... script: test, on @user_function:3.\r\n';

function text(client: StoreClient, ...argv: string[]): string {
  return client.command(argv).toString('latin1');
}

function busyStore(): { store: Store; admin: StoreClient } {
  const store = createStore({ config: { 'busy-reply-threshold': '10' } });
  const admin = store.client();
  expect(text(admin, 'FUNCTION', 'LOAD', ENDLESS_LIBRARY)).toBe('$4\r\ntest\r\n');
  return { store, admin };
}

describe('a function past busy-reply-threshold is busy like an EVAL script', () => {
  it('refuses others with the FUNCTION KILL -BUSY, reports itself in FUNCTION STATS and stops on FUNCTION KILL', () => {
    const { store, admin } = busyStore();
    expect(text(store, 'FCALL', 'test', '0')).toBe('');
    expect(text(admin, 'PING')).toBe(BUSY_FUNCTION);
    // GET and SET are what the embedded fast path serves: its guard check must refuse them too.
    expect(text(admin, 'GET', 'x')).toBe(BUSY_FUNCTION);
    expect(text(admin, 'SET', 'x', '1')).toBe(BUSY_FUNCTION);
    const stats = text(admin, 'FUNCTION', 'STATS');
    expect(stats).toMatch(/^\*4\r\n\$14\r\nrunning_script\r\n\*6\r\n\$4\r\nname\r\n\$4\r\ntest\r\n\$7\r\ncommand\r\n\*3\r\n\$5\r\nFCALL\r\n\$4\r\ntest\r\n\$1\r\n0\r\n\$11\r\nduration_ms\r\n:\d+\r\n/);
    expect(stats).toContain('$7\r\nengines\r\n*2\r\n$3\r\nLUA\r\n*4\r\n$15\r\nlibraries_count\r\n:1\r\n$15\r\nfunctions_count\r\n:1\r\n');
    expect(text(admin, 'SCRIPT', 'KILL')).toBe(BUSY_FUNCTION);
    store.advance(5);
    expect(store.takeReplies().toString('latin1')).toBe('');
    expect(text(admin, 'FUNCTION', 'KILL')).toBe('+OK\r\n');
    store.advance(1);
    expect(store.takeReplies().toString('latin1')).toBe(KILLED);
    expect(text(admin, 'PING')).toBe('+PONG\r\n');
    expect(text(admin, 'FUNCTION', 'KILL')).toBe('-NOTBUSY No scripts in execution right now.\r\n');
  });

  it('leaves a busy EVAL to SCRIPT KILL: FUNCTION KILL and FUNCTION STATS refuse with the SCRIPT KILL -BUSY', () => {
    const { store, admin } = busyStore();
    expect(text(store, 'EVAL', 'local a = 1 while true do a = a + 1 end', '0')).toBe('');
    expect(text(admin, 'PING')).toBe(BUSY_EVAL);
    expect(text(admin, 'FUNCTION', 'KILL')).toBe(BUSY_EVAL);
    expect(text(admin, 'FUNCTION', 'STATS')).toBe(BUSY_EVAL);
    expect(text(admin, 'SCRIPT', 'KILL')).toBe('+OK\r\n');
    store.advance(1);
    expect(store.takeReplies().toString('latin1')).toMatch(/^-ERR Script killed by user with SCRIPT KILL\.\.\. script: [0-9a-f]{40}, on @user_script:1\.\r\n$/);
    expect(text(admin, 'PING')).toBe('+PONG\r\n');
  });

  it('cannot be killed once it wrote, and its writes propagate as one unit when it ends', () => {
    const store = createStore({ config: { 'busy-reply-threshold': '10' } });
    const admin = store.client();
    const propagated: string[] = [];
    store.node.onPropagate((_db, argv) => propagated.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
    const library = "#!lua name=w\nredis.register_function('w', function(keys)\n redis.call('set', keys[1], '1') local i = 0 while i < 3000000 do i = i + 1 end redis.call('set', 'b', '2') return i \nend)";
    text(admin, 'FUNCTION', 'LOAD', library);
    expect(propagated).toEqual([`FUNCTION LOAD ${library}`]);
    expect(text(store, 'FCALL', 'w', '1', 'a')).toBe('');
    expect(text(admin, 'FUNCTION', 'KILL')).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
    for (let step = 0; step < 100 && store.takeReplies().length === 0; step++) store.advance(1);
    expect(propagated).toEqual([`FUNCTION LOAD ${library}`, 'MULTI', 'set a 1', 'set b 2', 'EXEC']);
    expect(text(admin, 'MGET', 'a', 'b')).toBe('*2\r\n$1\r\n1\r\n$1\r\n2\r\n');
  });
});
