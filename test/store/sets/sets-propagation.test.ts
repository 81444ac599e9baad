import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_dbId, argv) => lines.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
  return lines;
}

const members = (count: number): string[] => Array.from({ length: count }, (_, index) => String(index));

describe('what set and zset writes propagate (Redis 7.0.15 rules)', () => {
  it('SPOP without count propagates SREM of the popped member', () => {
    const store = createStore();
    store.call('SADD', 's', 'a', 'b', 'c');
    const propagated = recordPropagation(store);
    const popped = store.call('SPOP', 's') as Buffer;
    expect(propagated).toEqual([`SREM s ${popped.toString()}`]);
    expect(store.call('SISMEMBER', 's', popped)).toBe(0);
  });

  it('SPOP with a small count propagates one SREM per popped member, in reply order (wrapped in MULTI/EXEC)', () => {
    const store = createStore();
    store.call('SADD', 's', ...members(20));
    const propagated = recordPropagation(store);
    const popped = (store.call('SPOP', 's', '3') as Buffer[]).map((member) => member.toString());
    expect(popped).toHaveLength(3);
    expect(new Set(popped).size).toBe(3);
    expect(propagated).toEqual(['MULTI', ...popped.map((member) => `SREM s ${member}`), 'EXEC']);
    expect(store.call('SCARD', 's')).toBe(17);
  });

  it('SPOP with a count close to the size keeps random members and propagates SREMs for the rest', () => {
    const store = createStore();
    store.call('SADD', 's', ...members(10));
    const propagated = recordPropagation(store);
    const popped = (store.call('SPOP', 's', '9') as Buffer[]).map((member) => member.toString());
    const left = (store.call('SMEMBERS', 's') as Buffer[]).map((member) => member.toString());
    expect(popped).toHaveLength(9);
    expect(left).toHaveLength(1);
    expect([...popped, ...left].sort()).toEqual(members(10).sort());
    expect(propagated.filter((line) => line.startsWith('SREM'))).toEqual(popped.map((member) => `SREM s ${member}`));
    expect(store.call('OBJECT', 'ENCODING', 's')).toEqual(Buffer.from('intset'));
  });

  it('SPOP with a count covering the set replies it whole and propagates DEL', () => {
    const store = createStore();
    store.call('SADD', 's', '3', '1', '2');
    const propagated = recordPropagation(store);
    expect(store.call('SPOP', 's', '5')).toEqual(['1', '2', '3'].map((member) => Buffer.from(member)));
    expect(propagated).toEqual(['DEL s']);
    expect(store.call('EXISTS', 's')).toBe(0);
  });

  it('ZMPOP propagates as ZPOPMIN/ZPOPMAX with the number popped; ZPOPMIN as itself; no-op writes nothing', () => {
    const store = createStore();
    store.call('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    const propagated = recordPropagation(store);
    store.call('ZMPOP', '2', 'missing', 'z', 'MIN', 'COUNT', '2');
    store.call('ZPOPMAX', 'z', '10');
    store.call('ZPOPMIN', 'z');
    store.call('SREM', 'missing', 'x');
    store.call('ZADD', 'y', 'XX', '1', 'a');
    expect(propagated).toEqual(['ZPOPMIN z 2', 'ZPOPMAX z 10']);
  });

  it('counts skiplist and listpack work as steps for the complexity report', () => {
    const store = createStore({ config: { 'zset-max-listpack-entries': '0' } });
    const steps = new Map<string, number>();
    const original = store.node.countSteps.bind(store.node);
    store.node.countSteps = (name: string, count: number): void => {
      steps.set(name, (steps.get(name) ?? 0) + count);
      original(name, count);
    };
    for (let index = 0; index < 200; index++) store.call('ZADD', 'z', String(index), `m${index}`);
    store.call('ZRANGE', 'z', '0', '9');
    expect(steps.get('zadd') ?? 0).toBeGreaterThan(200);
    expect(steps.get('zrange') ?? 0).toBeGreaterThanOrEqual(10);
    expect(steps.get('zrange') ?? 0).toBeLessThan(100);
  });
});
