import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../src/checker/linearizability/check-linearizability.js';
import { atomic, history } from '../../support/history-rows.js';

const set = { model: 'set' } as const;

describe('set model', () => {
  it('reads the whole set in any element order, a missing key as empty', () => {
    const adds = [...atomic(0, 'add', 1), ...atomic(1, 'add', 2)];
    expect(checkLinearizability(history(...adds, ...atomic(2, 'read', [2, 1])), set).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(2, 'read', null), ...adds), set).valid).toBe(true);
  });

  it('rejects a read that misses an acknowledged add', () => {
    const adds = [...atomic(0, 'add', 1), ...atomic(1, 'add', 2)];
    expect(checkLinearizability(history(...adds, ...atomic(2, 'read', [1])), set).valid).toBe(false);
  });

  it('lets a read concurrent with an add see it or not', () => {
    const concurrent = (seen: number[]) => history([0, 'invoke', 'add', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', seen], [0, 'ok', 'add', 1]);
    expect(checkLinearizability(concurrent([]), set).valid).toBe(true);
    expect(checkLinearizability(concurrent([1]), set).valid).toBe(true);
    expect(checkLinearizability(concurrent([1, 9]), set).valid).toBe(false);
  });

  it('lets an info add appear late or never, and ignores a failed add', () => {
    const info = [...atomic(0, 'add', 3, 'info')];
    expect(checkLinearizability(history(...info, ...atomic(1, 'read', []), ...atomic(1, 'read', [3])), set).valid).toBe(true);
    expect(checkLinearizability(history(...info, ...atomic(1, 'read', [3]), ...atomic(1, 'read', [])), set).valid).toBe(false);
    expect(checkLinearizability(history(...atomic(0, 'add', 3, 'fail'), ...atomic(1, 'read', [3])), set).valid).toBe(false);
  });
});
