import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../src/checker/linearizability/check-linearizability.js';
import { atomic, history } from '../../support/history-rows.js';

const counter = { model: 'counter', initialValue: 0 } as const;

describe('counter model', () => {
  it('sums adds, and rejects a read of any other sum', () => {
    const adds = [...atomic(0, 'add', 1), ...atomic(1, 'add', 2)];
    expect(checkLinearizability(history(...adds, ...atomic(2, 'read', 3)), counter).valid).toBe(true);
    expect(checkLinearizability(history(...adds, ...atomic(2, 'read', 4)), counter).valid).toBe(false);
  });

  it('lets an info add count or not, but never twice', () => {
    const adds = [...atomic(0, 'add', 1), ...atomic(1, 'add', 2, 'info')];
    for (const seen of [1, 3]) expect(checkLinearizability(history(...adds, ...atomic(2, 'read', seen)), counter).valid).toBe(true);
    expect(checkLinearizability(history(...adds, ...atomic(2, 'read', 5)), counter).valid).toBe(false);
  });

  it('ignores failed adds', () => {
    expect(checkLinearizability(history(...atomic(0, 'add', 5, 'fail'), ...atomic(1, 'read', 0)), counter).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'add', 5, 'fail'), ...atomic(1, 'read', 5)), counter).valid).toBe(false);
  });

  it('checks the new count INCRBY replied, starting a missing key at 0', () => {
    const incr = (reply: number) => history([0, 'invoke', 'incrby', 5, 'c'], [0, 'ok', 'incrby', reply, 'c']);
    expect(checkLinearizability(incr(10), { model: 'counter' }).valid).toBe(false);
    expect(checkLinearizability(history([0, 'invoke', 'incr', null, 'c'], [0, 'ok', 'incr', 1, 'c'], ...atomic(1, 'read', '1', 'ok', 'c')), { model: 'counter' }).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(1, 'read', null, 'ok', 'c')), { model: 'counter' }).valid).toBe(true);
  });

  it('reads integer text as Redis replies it', () => {
    expect(checkLinearizability(history(...atomic(0, 'incrby', 7), ...atomic(1, 'read', '7')), counter).valid).toBe(true);
  });
});
