import { describe, expect, it } from 'vitest';
import { createStore, type Store, type StoreClient } from '../../../src/store/embedded.js';

const BUSY = '-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n';
const ENDLESS = 'local i = 0\nwhile true do i = i + 1 end';
/** What redis-server 7.0.15 replies to the caller of ENDLESS when it is killed (its SHA, the loop's line). */
const KILLED = '-ERR Script killed by user with SCRIPT KILL... script: 5485ac7b11abac6760734f4b4ec80041904408bc, on @user_script:2.\r\n';

function text(client: StoreClient, ...argv: string[]): string {
  return client.command(argv).toString('latin1');
}

function busyStore(): { store: Store; other: StoreClient; admin: StoreClient } {
  const store = createStore({ config: { 'lua-time-limit': '10' } });
  return { store, other: store.client(), admin: store.client() };
}

describe('a script past busy-reply-threshold is busy', () => {
  it('runs atomically under the threshold: a short loop replies at once', () => {
    const { store } = busyStore();
    expect(text(store, 'EVAL', 'local x = 0 for i = 1, 50000 do x = x + i end return x', '0')).toBe(':1250025000\r\n');
  });

  it('defers the caller\'s reply, refuses other clients with -BUSY, and SCRIPT KILL ends it with the kill error', () => {
    const { store, other, admin } = busyStore();
    expect(text(store, 'SET', 'xx', '1')).toBe('+OK\r\n');
    expect(text(store, 'EVAL', ENDLESS, '0')).toBe('');
    expect(text(other, 'INCR', 'xx')).toBe(BUSY);
    expect(text(other, 'PING')).toBe(BUSY);
    store.advance(5);
    expect(store.takeReplies().toString('latin1')).toBe('');
    expect(text(admin, 'SCRIPT', 'KILL')).toBe('+OK\r\n');
    store.advance(1);
    expect(store.takeReplies().toString('latin1')).toBe(KILLED);
    expect(text(admin, 'SCRIPT', 'KILL')).toBe('-NOTBUSY No scripts in execution right now.\r\n');
    expect(text(other, 'GET', 'xx')).toBe('$1\r\n1\r\n');
    expect(text(store, 'PING')).toBe('+PONG\r\n');
  });

  it('skips the maxmemory check while busy: a write over maxmemory gets -BUSY, not -OOM, as redis-server 7.0.15 answers', () => {
    const { store, other, admin } = busyStore();
    text(store, 'SET', 'a', '1');
    text(store, 'CONFIG', 'SET', 'maxmemory-policy', 'volatile-lru');
    text(store, 'CONFIG', 'SET', 'maxmemory', '1');
    expect(text(other, 'SET', 'x', 'y')).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
    expect(text(store, 'EVAL', ENDLESS, '0')).toBe('');
    expect(text(other, 'SET', 'x', 'y')).toBe(BUSY);
    text(admin, 'SCRIPT', 'KILL');
    store.advance(1);
    expect(text(other, 'SET', 'x', 'y')).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
  });

  it('flags a transaction whose command was refused (EXECABORT previous errors) and aborts an EXEC refused while busy', () => {
    const { store, other, admin } = busyStore();
    const queued = store.client();
    text(store, 'SET', 'xx', '1');
    expect(text(queued, 'MULTI')).toBe('+OK\r\n');
    expect(text(queued, 'INCR', 'xx')).toBe('+QUEUED\r\n');
    text(store, 'EVAL', ENDLESS, '0');
    expect(text(other, 'MULTI')).toBe('+OK\r\n');
    expect(text(other, 'INCR', 'xx')).toBe(BUSY);
    expect(text(queued, 'EXEC')).toBe(`-EXECABORT Transaction discarded because of: ${BUSY.slice(1)}`);
    text(admin, 'SCRIPT', 'KILL');
    store.advance(1);
    expect(text(other, 'INCR', 'xx')).toBe('+QUEUED\r\n');
    expect(text(other, 'EXEC')).toBe('-EXECABORT Transaction discarded because of previous errors.\r\n');
    expect(text(queued, 'PING', 'asdf')).toBe('$4\r\nasdf\r\n');
    expect(text(other, 'PING', 'asdf')).toBe('$4\r\nasdf\r\n');
    expect(text(store, 'GET', 'xx')).toBe('$1\r\n1\r\n');
  });

  it('cannot be killed once it wrote; it still ends by itself and its writes propagate as one unit', () => {
    const { store, admin } = busyStore();
    const propagated: string[] = [];
    store.node.onPropagate((_db, argv) => propagated.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
    const script = "redis.call('set', 'a', '1') local i = 0 while i < 3000000 do i = i + 1 end redis.call('set', 'b', '2') return i";
    expect(text(store, 'EVAL', script, '0')).toBe('');
    expect(text(admin, 'SCRIPT', 'KILL')).toMatch(/^-UNKILLABLE Sorry the script already executed write commands/);
    expect(propagated).toEqual([]);
    for (let step = 0; step < 100 && store.node.isReplica === false; step++) store.advance(1);
    expect(store.takeReplies().toString('latin1')).toBe(':3000000\r\n');
    expect(propagated).toEqual(['MULTI', 'set a 1', 'set b 2', 'EXEC']);
    expect(text(admin, 'MGET', 'a', 'b')).toBe('*2\r\n$1\r\n1\r\n$1\r\n2\r\n');
  });

  it('keeps the caller\'s pipelined commands until the script ends, then runs them in order', () => {
    const { store, admin } = busyStore();
    const request = (argv: string[]): string => `*${argv.length}\r\n${argv.map((argument) => `$${Buffer.byteLength(argument)}\r\n${argument}\r\n`).join('')}`;
    store.sendRaw(request(['EVAL', ENDLESS, '0']) + request(['SET', 'after', 'yes']) + request(['GET', 'after']));
    expect(text(admin, 'GET', 'after')).toBe(BUSY);
    text(admin, 'SCRIPT', 'KILL');
    store.advance(1);
    expect(store.takeReplies().toString('latin1')).toBe(`${KILLED}+OK\r\n$3\r\nyes\r\n`);
  });

  it('allows allow-busy commands (MULTI, WATCH, SCRIPT KILL) and refuses the others, SCRIPT FLUSH and EVAL included', () => {
    const { store, other } = busyStore();
    text(store, 'EVAL', ENDLESS, '0');
    expect(text(other, 'WATCH', 'k')).toBe('+OK\r\n');
    expect(text(other, 'UNWATCH')).toBe('+OK\r\n');
    expect(text(other, 'SCRIPT', 'FLUSH')).toBe(BUSY);
    expect(text(other, 'EVAL', 'return 1', '0')).toBe(BUSY);
    expect(text(other, 'CLIENT', 'UNBLOCK', String(store.id))).toBe(BUSY);
    expect(text(other, 'SCRIPT', 'KILL')).toBe('+OK\r\n');
    store.advance(1);
    expect(text(other, 'EVAL', 'return 1', '0')).toBe(':1\r\n');
  });

  it('pauses active expiry while busy: a key expiring meanwhile is still there for the script', () => {
    const { store, admin } = busyStore();
    text(store, 'SET', 'k', 'v', 'PX', '5');
    const script = "local i = 0 while i < 2000000 do i = i + 1 end return redis.call('get', 'k')";
    text(store, 'EVAL', script, '0');
    for (let step = 0; step < 50; step++) store.advance(1);
    // The script's time snapshot is its start: the key had not expired then.
    expect(store.takeReplies().toString('latin1')).toBe('$1\r\nv\r\n');
    expect(text(admin, 'GET', 'k')).toBe('$-1\r\n');
  });

  it('runs to its end inside EXEC (no yield): the whole transaction replies at once', () => {
    const store = createStore({ config: { 'lua-time-limit': '1' } });
    text(store, 'MULTI');
    text(store, 'EVAL', 'local i = 0 while i < 500000 do i = i + 1 end return i', '0');
    expect(text(store, 'EXEC')).toBe('*1\r\n:500000\r\n');
  });

  it('is deterministic: the same seed gives the same replies and timing', () => {
    const run = (): string[] => {
      const store = createStore({ config: { 'lua-time-limit': '1' } });
      const [other, admin] = [store.client(), store.client()];
      const seen: string[] = [];
      text(store, 'EVAL', 'local n = 0 for i = 1, 200000 do n = n + math.random(10) end return n', '0');
      seen.push(text(other, 'PING'));
      for (let step = 0; step < 20; step++) {
        store.advance(1);
        seen.push(`${step}:${store.takeReplies().toString('latin1')}`);
      }
      seen.push(text(admin, 'PING'));
      return seen;
    };
    const first = run();
    expect(first.some((entry) => /:\d+\r\n$/.test(entry))).toBe(true);
    expect(run()).toEqual(first);
  });

  it('refuses SHUTDOWN without NOSAVE while busy; SHUTDOWN NOSAVE stops the server', () => {
    const { store, other } = busyStore();
    text(store, 'EVAL', ENDLESS, '0');
    expect(text(other, 'SHUTDOWN')).toBe(BUSY);
    expect(text(other, 'SHUTDOWN', 'SAVE')).toBe(BUSY);
    expect(other.isClosed()).toBe(false);
    text(other, 'SHUTDOWN', 'NOSAVE');
    expect(other.isClosed()).toBe(true);
    store.advance(5);
  });
});
