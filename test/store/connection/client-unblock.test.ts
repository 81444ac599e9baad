import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

const text = (bytes: Buffer): string => bytes.toString('latin1');

describe('CLIENT UNBLOCK', () => {
  it('answers a blocked BLPOP as on timeout (a null array, `_` in RESP3) and returns 1', () => {
    const store = createStore();
    const blocked = store.client();
    expect(text(blocked.command(['BLPOP', 'list', '0']))).toBe('');
    expect(store.call('CLIENT', 'UNBLOCK', String(blocked.id))).toBe(1);
    expect(text(blocked.takeReplies())).toBe('*-1\r\n');
    blocked.command(['HELLO', '3']);
    blocked.command(['BZPOPMIN', 'zset', '0']);
    expect(store.call('CLIENT', 'UNBLOCK', String(blocked.id), 'TIMEOUT')).toBe(1);
    expect(text(blocked.takeReplies())).toBe('_\r\n');
  });

  it('with ERROR the blocked client gets -UNBLOCKED, and it may block again afterwards', () => {
    const store = createStore();
    const blocked = store.client();
    blocked.command(['BLMOVE', 'a', 'b', 'LEFT', 'RIGHT', '0']);
    expect(store.call('CLIENT', 'UNBLOCK', String(blocked.id), 'error')).toBe(1);
    expect(text(blocked.takeReplies())).toBe('-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n');
    blocked.command(['BLPOP', 'list', '0']);
    store.call('RPUSH', 'list', 'x');
    expect(text(blocked.takeReplies())).toBe('*2\r\n$4\r\nlist\r\n$1\r\nx\r\n');
  });

  it('returns 0 for a client that is not blocked or does not exist, and refuses bad arguments', () => {
    const store = createStore();
    const idle = store.client();
    expect(store.call('CLIENT', 'UNBLOCK', String(idle.id))).toBe(0);
    expect(store.call('CLIENT', 'UNBLOCK', '999999')).toBe(0);
    expect(text(store.command(['CLIENT', 'UNBLOCK', String(idle.id), 'maybe']))).toBe('-ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR\r\n');
    expect(text(store.command(['CLIENT', 'UNBLOCK', 'x']))).toBe('-ERR value is not an integer or out of range\r\n');
  });
});
