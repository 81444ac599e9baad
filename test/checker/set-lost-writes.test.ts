import { describe, expect, it } from 'vitest';
import { checkSetLostWrites } from '../../src/checker/set-lost-writes.js';
import { atomic, history, type Row } from './support/history-rows.js';

const add = (process: number, element: number, outcome: 'ok' | 'fail' | 'info' = 'ok', key = 's'): Row[] => atomic(process, 'add', element, outcome, key);
const finalRead = (elements: number[], key = 's'): Row[] => atomic(99, 'read', elements, 'ok', key);

describe('set lost-writes checker', () => {
  it('accepts a final read with every acknowledged add', () => {
    const result = checkSetLostWrites(history(...add(0, 1), ...add(1, 2), ...finalRead([2, 1])));
    expect(result).toMatchObject({ valid: true, acknowledged: 2, lostCount: 0, lostFraction: 0 });
  });

  it('counts acknowledged adds missing from the final read as lost, with the fraction lost', () => {
    const result = checkSetLostWrites(history(...add(0, 1), ...add(1, 2), ...add(0, 3), ...add(1, 4), ...finalRead([1, 4])));
    expect(result).toMatchObject({ valid: false, acknowledged: 4, lostCount: 2, lostFraction: 0.5 });
    expect(result.keys[0]?.lost).toEqual([2, 3]);
  });

  it('counts info adds that are present as recovered, and absent ones as nothing', () => {
    const result = checkSetLostWrites(history(...add(0, 1, 'info'), ...add(1, 2, 'info'), ...finalRead([1])));
    expect(result).toMatchObject({ valid: true, acknowledged: 0, recoveredCount: 1, lostCount: 0 });
  });

  it('flags phantoms (never added) and failed adds that are present', () => {
    expect(checkSetLostWrites(history(...add(0, 1), ...finalRead([1, 9])))).toMatchObject({ valid: false, phantomCount: 1 });
    expect(checkSetLostWrites(history(...add(0, 1, 'fail'), ...finalRead([1])))).toMatchObject({ valid: false, failedButPresentCount: 1 });
  });

  it('does not call lost an add acknowledged while the final read ran', () => {
    const rows: Row[] = [[99, 'invoke', 'read', null, 's'], [0, 'invoke', 'add', 5, 's'], [0, 'ok', 'add', 5, 's'], [99, 'ok', 'read', [], 's']];
    const result = checkSetLostWrites(history(...rows));
    expect(result).toMatchObject({ valid: true, lostCount: 0 });
    expect(result.keys[0]?.unconfirmed).toBe(1);
  });

  it("is 'unknown' without a final read of a key that had acknowledged adds", () => {
    expect(checkSetLostWrites(history(...add(0, 1))).valid).toBe('unknown');
  });

  it('checks keys apart', () => {
    const result = checkSetLostWrites(history(...add(0, 1, 'ok', 'a'), ...add(0, 1, 'ok', 'b'), ...finalRead([1], 'a'), ...finalRead([], 'b')));
    expect(result).toMatchObject({ valid: false, lostCount: 1 });
    expect(result.keys.map((key) => [key.key, key.valid])).toEqual([['a', true], ['b', false]]);
  });
});
