import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../src/checker/linearizability/check-linearizability.js';
import { history } from '../../support/history-rows.js';

const multi = { model: 'multi-register', initialValue: 0 } as const;

describe('multi-register model (Knossos :txn over registers)', () => {
  const write = [
    [0, 'invoke', 'txn', [['write', 'x', 1], ['write', 'y', 2]]],
    [0, 'ok', 'txn', [['write', 'x', 1], ['write', 'y', 2]]],
  ] as const;

  it('reads registers written by an earlier transaction, others at the initial value', () => {
    const read = [
      [1, 'invoke', 'txn', [['read', 'x', null], ['read', 'y', null], ['read', 'z', null]]],
      [1, 'ok', 'txn', [['read', 'x', 1], ['read', 'y', 2], ['read', 'z', 0]]],
    ] as const;
    expect(checkLinearizability(history(...write, ...read), multi).valid).toBe(true);
  });

  it('applies a transaction atomically: a concurrent read sees all of it or none', () => {
    const concurrentRead = (x: number, y: number) =>
      history(
        [0, 'invoke', 'txn', [['write', 'x', 1], ['write', 'y', 2]]],
        [1, 'invoke', 'txn', [['read', 'x', null], ['read', 'y', null]]],
        [1, 'ok', 'txn', [['read', 'x', x], ['read', 'y', y]]],
        [0, 'ok', 'txn', [['write', 'x', 1], ['write', 'y', 2]]],
      );
    expect(checkLinearizability(concurrentRead(0, 0), multi).valid).toBe(true);
    expect(checkLinearizability(concurrentRead(1, 2), multi).valid).toBe(true);
    expect(checkLinearizability(concurrentRead(1, 0), multi).valid).toBe(false);
  });

  it('does not constrain reads of nil (unknown) and ignores failed transactions', () => {
    const failed = [
      [0, 'invoke', 'txn', [['write', 'x', 5]]],
      [0, 'fail', 'txn', [['write', 'x', 5]]],
    ] as const;
    const read = (x: number | null) => [[1, 'invoke', 'txn', [['read', 'x', null]]], [1, 'ok', 'txn', [['read', 'x', x]]]] as const;
    expect(checkLinearizability(history(...failed, ...read(null)), multi).valid).toBe(true);
    expect(checkLinearizability(history(...failed, ...read(5)), multi).valid).toBe(false);
  });
});
