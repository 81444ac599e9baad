import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

/** What the node propagates (AOF / replication feed), one readable line per command. */
function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_dbId, argv) => lines.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
  return lines;
}

const text = (bytes: Buffer): string => bytes.toString('latin1');
const pair = (key: string, element: string): string => `*2\r\n$${key.length}\r\n${key}\r\n$${element.length}\r\n${element}\r\n`;

describe('blocking list pops', () => {
  it('BLPOP blocks on missing keys and is served by a later LPUSH from another client, propagated as LPOP', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BLPOP', 'a', 'b', '0')).toBeUndefined();
    expect(text(waiter.takeReplies())).toBe('');
    expect(store.call('LPUSH', 'b', 'x', 'y')).toBe(2);
    expect(text(waiter.takeReplies())).toBe(pair('b', 'y'));
    expect(store.call('LRANGE', 'b', '0', '-1')).toEqual([Buffer.from('x')]);
    expect(propagated).toEqual(['LPUSH b x y', 'LPOP b']);
  });

  it('serves blocked clients in the order they blocked, one element each, and deletes the emptied list', () => {
    const store = createStore();
    const [first, second, third] = [store.client(), store.client(), store.client()];
    expect(first.call('BRPOP', 'k', '0')).toBeUndefined();
    expect(second.call('BLPOP', 'k', '0')).toBeUndefined();
    expect(third.call('BLPOP', 'k', '0')).toBeUndefined();
    store.call('RPUSH', 'k', 'a', 'b');
    expect(text(first.takeReplies())).toBe(pair('k', 'b'));
    expect(text(second.takeReplies())).toBe(pair('k', 'a'));
    expect(text(third.takeReplies())).toBe('');
    expect(store.call('EXISTS', 'k')).toBe(0);
    store.call('RPUSH', 'k', 'c');
    expect(text(third.takeReplies())).toBe(pair('k', 'c'));
  });

  it('times out with a null array once the deadline (fractional seconds, rounded up to ms) has passed on the virtual clock', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BLPOP', 'k', '0.0015')).toBeUndefined();
    store.advance(1);
    expect(text(waiter.takeReplies())).toBe('');
    store.advance(2);
    expect(text(waiter.takeReplies())).toBe('*-1\r\n');
    store.call('RPUSH', 'k', 'a');
    expect(text(waiter.takeReplies())).toBe('');
    expect(store.call('LLEN', 'k')).toBe(1);
  });

  it('BLMOVE and BRPOPLPUSH time out with a null array too (a blocked list client, whatever its command)', () => {
    const store = createStore();
    const [mover, rotator] = [store.client(), store.client()];
    expect(mover.call('BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0.01')).toBeUndefined();
    expect(rotator.call('BRPOPLPUSH', 'src', 'dst', '0.02')).toBeUndefined();
    store.advance(11);
    expect(text(mover.takeReplies())).toBe('*-1\r\n');
    expect(text(rotator.takeReplies())).toBe('');
    store.advance(10);
    expect(text(rotator.takeReplies())).toBe('*-1\r\n');
  });

  it('blocks forever with timeout 0 until served', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BLMPOP', '0', '1', 'k', 'LEFT')).toBeUndefined();
    store.advance(3_600_000);
    expect(text(waiter.takeReplies())).toBe('');
    store.call('RPUSH', 'k', 'a');
    expect(text(waiter.takeReplies())).toBe('*2\r\n$1\r\nk\r\n*1\r\n$1\r\na\r\n');
  });

  it('inside MULTI the blocking commands answer at once as a timeout: null array, or nil for BLMOVE/BRPOPLPUSH', () => {
    const store = createStore();
    for (const argv of [['MULTI'], ['BLPOP', 'k', '0'], ['BRPOP', 'k', '0'], ['BLMPOP', '0', '1', 'k', 'LEFT'], ['BLMOVE', 'k', 'd', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'k', 'd', '0']]) {
      store.call(...argv);
    }
    expect(text(store.command(['EXEC']))).toBe('*5\r\n*-1\r\n*-1\r\n*-1\r\n$-1\r\n$-1\r\n');
  });

  it('a push inside MULTI serves blocked clients after EXEC, and a list created and deleted in it serves nobody', () => {
    const store = createStore();
    const [first, second] = [store.client(), store.client()];
    expect(first.call('BLPOP', 'k', '0')).toBeUndefined();
    expect(second.call('BLPOP', 'gone', '0')).toBeUndefined();
    store.call('MULTI');
    store.call('RPUSH', 'k', 'a', 'b');
    store.call('RPUSH', 'gone', 'x');
    store.call('DEL', 'gone');
    expect(text(store.command(['EXEC']))).toBe('*3\r\n:2\r\n:1\r\n:1\r\n');
    expect(text(first.takeReplies())).toBe(pair('k', 'a'));
    expect(text(second.takeReplies())).toBe('');
  });

  it('a client blocked on several keys is served once, by the first key to get data', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BLPOP', 'a', 'b', '0')).toBeUndefined();
    store.call('RPUSH', 'b', '1');
    store.call('RPUSH', 'a', '2');
    expect(text(waiter.takeReplies())).toBe(pair('b', '1'));
    expect(store.call('LRANGE', 'a', '0', '-1')).toEqual([Buffer.from('2')]);
  });

  it('a key that became a string does not serve list waiters; a later list under it does', () => {
    const store = createStore();
    const waiter = store.client();
    expect(waiter.call('BLPOP', 'k', '0')).toBeUndefined();
    store.call('SET', 'k', 'x');
    expect(text(waiter.takeReplies())).toBe('');
    store.call('DEL', 'k');
    store.call('LPUSH', 'k', 'v');
    expect(text(waiter.takeReplies())).toBe(pair('k', 'v'));
  });

  it('BLMPOP is served with [key, [elements]] up to COUNT and propagated as LPOP/RPOP key popped', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BLMPOP', '0', '2', 'x', 'y', 'RIGHT', 'COUNT', '5')).toBeUndefined();
    store.call('RPUSH', 'y', 'a', 'b');
    expect(text(waiter.takeReplies())).toBe('*2\r\n$1\r\ny\r\n*2\r\n$1\r\nb\r\n$1\r\na\r\n');
    expect(propagated).toEqual(['RPUSH y a b', 'RPOP y 2']);
  });
});

describe('blocking moves', () => {
  it('BLMOVE is served by a push, replies the element, and is propagated as LMOVE with lowercase ends', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0')).toBeUndefined();
    store.call('RPUSH', 'src', 'a', 'b');
    expect(text(waiter.takeReplies())).toBe('$1\r\nb\r\n');
    expect(store.call('LRANGE', 'dst', '0', '-1')).toEqual([Buffer.from('b')]);
    expect(store.call('LRANGE', 'src', '0', '-1')).toEqual([Buffer.from('a')]);
    expect(propagated).toEqual(['RPUSH src a b', 'LMOVE src dst right left']);
  });

  it('BRPOPLPUSH is served and propagated as RPOPLPUSH; its push serves a client blocked on the destination', () => {
    const store = createStore();
    const [mover, popper] = [store.client(), store.client()];
    const propagated = recordPropagation(store);
    expect(mover.call('BRPOPLPUSH', 'src', 'dst', '0')).toBeUndefined();
    expect(popper.call('BLPOP', 'dst', '0')).toBeUndefined();
    store.call('LPUSH', 'src', 'v');
    expect(text(mover.takeReplies())).toBe('$1\r\nv\r\n');
    expect(text(popper.takeReplies())).toBe(pair('dst', 'v'));
    expect(store.call('EXISTS', 'src', 'dst')).toBe(0);
    expect(propagated).toEqual(['LPUSH src v', 'RPOPLPUSH src dst', 'LPOP dst']);
  });

  it('a served BLMOVE whose destination now holds another type answers WRONGTYPE and leaves the source alone', () => {
    const store = createStore();
    const waiter = store.client();
    const propagated = recordPropagation(store);
    expect(waiter.call('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0')).toBeUndefined();
    store.call('SET', 'dst', 'x');
    store.call('RPUSH', 'src', 'a');
    expect(text(waiter.takeReplies())).toBe('-WRONGTYPE Operation against a key holding the wrong kind of value\r\n');
    expect(store.call('LRANGE', 'src', '0', '-1')).toEqual([Buffer.from('a')]);
    expect(propagated).toEqual(['SET dst x', 'RPUSH src a']);
  });

  it('with data at hand the blocking commands act at once and propagate their non-blocking forms', () => {
    const store = createStore();
    const propagated = recordPropagation(store);
    store.call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e');
    expect(store.call('BLPOP', 'missing', 'l', '0')).toEqual([Buffer.from('l'), Buffer.from('a')]);
    expect(store.call('BRPOP', 'l', '0')).toEqual([Buffer.from('l'), Buffer.from('e')]);
    expect(store.call('BLMOVE', 'l', 'm', 'Left', 'rIGHT', '0')).toEqual(Buffer.from('b'));
    expect(store.call('BRPOPLPUSH', 'l', 'm', '0')).toEqual(Buffer.from('d'));
    expect(store.call('BLMPOP', '0', '1', 'l', 'LEFT', 'COUNT', '9')).toEqual([Buffer.from('l'), [Buffer.from('c')]]);
    expect(propagated).toEqual(['RPUSH l a b c d e', 'LPOP l', 'RPOP l', 'LMOVE l m Left rIGHT', 'RPOPLPUSH l m', 'LPOP l 1']);
  });
});
