import { describe, expect, it } from 'vitest';
import { recordPropagation, testStore } from './support/store-helpers.js';

describe('blocking commands', () => {
  it('blocks until another client pushes, then replies and propagates the pop', () => {
    const store = testStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.command(['xbpop', 'q', '0']).length).toBe(0);
    expect(store.node.blocking.count()).toBe(1);
    store.call('xpush', 'q', 'job');
    expect(waiter.takeReplies().toString('latin1')).toBe('*2\r\n$1\r\nq\r\n$3\r\njob\r\n');
    expect(propagated).toEqual(['0:xpush q job', '0:XPOPNOW q']);
    expect(store.node.blocking.count()).toBe(0);
  });

  it('replies a null array when the timeout passes', () => {
    const store = testStore();
    const waiter = store.client();
    waiter.command(['xbpop', 'q', '1000']);
    store.advance(999);
    expect(waiter.takeReplies().length).toBe(0);
    store.advance(2);
    expect(waiter.takeReplies().toString('latin1')).toBe('*-1\r\n');
    expect(store.node.blocking.count()).toBe(0);
  });

  it('serves blocked clients first-blocked first, one element each', () => {
    const store = testStore();
    const first = store.client();
    const second = store.client();
    first.command(['xbpop', 'q', '0']);
    second.command(['xbpop', 'q', '0']);
    store.call('xpush', 'q', 'a', 'b', 'c');
    expect(first.takeReplies().toString('latin1')).toContain('$1\r\na\r\n');
    expect(second.takeReplies().toString('latin1')).toContain('$1\r\nb\r\n');
    expect(store.call('xbpop', 'q', '0')).toEqual([Buffer.from('q'), Buffer.from('c')]);
  });

  it('keeps a client blocked when the key is consumed before it is served', () => {
    const store = testStore();
    const waiter = store.client();
    waiter.command(['xbpop', 'q', '0']);
    store.command(['MULTI']);
    store.command(['xpush', 'q', 'a']);
    store.command(['xdelkeys', 'q']);
    store.command(['EXEC']);
    expect(waiter.takeReplies().length).toBe(0);
    expect(store.node.blocking.count()).toBe(1);
  });

  it('forgets a blocked client that disconnects', () => {
    const store = testStore();
    const waiter = store.client();
    waiter.command(['xbpop', 'q', '0']);
    waiter.close();
    expect(store.node.blocking.count()).toBe(0);
    store.call('xpush', 'q', 'a');
    expect(store.call('xbpop', 'q', '0')).toEqual([Buffer.from('q'), Buffer.from('a')]);
  });

  it('processes pipelined commands that arrived while blocked once served', () => {
    const store = testStore();
    const waiter = store.client();
    expect(waiter.sendRaw('xbpop q 0\r\nPING\r\n').length).toBe(0);
    store.call('xpush', 'q', 'a');
    expect(waiter.takeReplies().toString('latin1')).toBe('*2\r\n$1\r\nq\r\n$1\r\na\r\n+PONG\r\n');
  });
});
