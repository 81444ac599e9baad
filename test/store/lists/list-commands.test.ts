import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

const stepsOf = (store: Store, command: string): number => store.node.steps().get(command)?.steps ?? 0;
const numbers = (count: number, from = 0): string[] => Array.from({ length: count }, (_, index) => String(from + index));

describe('list command costs (step counters)', () => {
  it('pushes and pops cost one step per element whatever the list length; LINDEX one step; LRANGE one per element returned', () => {
    const store = createStore();
    for (let batch = 0; batch < 20; batch++) store.call('RPUSH', 'l', ...numbers(5000, batch * 5000));
    expect(stepsOf(store, 'rpush')).toBe(100_000);
    for (let pop = 0; pop < 100; pop++) {
      store.call('LPOP', 'l');
      store.call('RPOP', 'l');
    }
    expect(stepsOf(store, 'lpop')).toBe(100);
    expect(stepsOf(store, 'rpop')).toBe(100);
    expect(store.call('LINDEX', 'l', '50000')).toEqual(Buffer.from('50100'));
    expect(stepsOf(store, 'lindex')).toBe(1);
    expect(store.call('LRANGE', 'l', '40000', '40009')).toEqual(numbers(10, 40100).map((item) => Buffer.from(item)));
    expect(stepsOf(store, 'lrange')).toBe(10);
    expect(store.call('LLEN', 'l')).toBe(99_800);
    expect(store.call('OBJECT', 'ENCODING', 'l')).toEqual(Buffer.from('quicklist'));
  });

  it('LPOP with COUNT pops from the head in order, RPOP with COUNT from the tail in reverse order', () => {
    const store = createStore();
    store.call('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e');
    expect(store.call('LPOP', 'l', '2')).toEqual([Buffer.from('a'), Buffer.from('b')]);
    expect(store.call('RPOP', 'l', '2')).toEqual([Buffer.from('e'), Buffer.from('d')]);
    expect(store.call('RPOP', 'l', '9')).toEqual([Buffer.from('c')]);
    expect(store.call('EXISTS', 'l')).toBe(0);
  });
});

describe('list writes and WATCH', () => {
  it('a pop that empties a list deletes the key and invalidates a WATCH on it', () => {
    const store = createStore();
    const other = store.client();
    store.call('RPUSH', 'l', 'only');
    store.call('WATCH', 'l');
    expect(other.call('LPOP', 'l')).toEqual(Buffer.from('only'));
    expect(other.call('EXISTS', 'l')).toBe(0);
    store.call('MULTI');
    store.call('PING');
    expect(store.call('EXEC')).toBeNull();
  });

  it('LREM that removes nothing leaves a WATCH intact; one that removes does not', () => {
    const store = createStore();
    const other = store.client();
    store.call('RPUSH', 'l', 'a', 'b');
    store.call('WATCH', 'l');
    expect(other.call('LREM', 'l', '0', 'zzz')).toBe(0);
    store.call('MULTI');
    store.call('PING');
    expect(store.call('EXEC')).toEqual(['PONG']);
    store.call('WATCH', 'l');
    expect(other.call('LREM', 'l', '0', 'a')).toBe(1);
    store.call('MULTI');
    store.call('PING');
    expect(store.call('EXEC')).toBeNull();
  });

  it('LMOVE within one list rotates it, and moving the last element to another list deletes the source', () => {
    const store = createStore();
    store.call('RPUSH', 'l', 'a', 'b', 'c');
    expect(store.call('LMOVE', 'l', 'l', 'LEFT', 'RIGHT')).toEqual(Buffer.from('a'));
    expect(store.call('LRANGE', 'l', '0', '-1')).toEqual(['b', 'c', 'a'].map((item) => Buffer.from(item)));
    store.call('RPUSH', 'single', 'x');
    expect(store.call('RPOPLPUSH', 'single', 'other')).toEqual(Buffer.from('x'));
    expect(store.call('EXISTS', 'single')).toBe(0);
    expect(store.call('LRANGE', 'other', '0', '-1')).toEqual([Buffer.from('x')]);
  });

  it('LMPOP is propagated as LPOP/RPOP with the number of elements actually popped', () => {
    const store = createStore();
    const propagated: string[] = [];
    store.node.onPropagate((_dbId, argv) => propagated.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
    store.call('RPUSH', 'b', '1', '2', '3');
    expect(store.call('LMPOP', '2', 'a', 'b', 'RIGHT', 'COUNT', '10')).toEqual([Buffer.from('b'), ['3', '2', '1'].map((item) => Buffer.from(item))]);
    expect(store.call('LMPOP', '2', 'a', 'b', 'RIGHT')).toBeNull();
    expect(propagated).toEqual(['RPUSH b 1 2 3', 'RPOP b 3']);
  });
});
