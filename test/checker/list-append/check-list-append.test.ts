import { describe, expect, it } from 'vitest';
import { checkListAppend } from '../../../src/checker/list-append/check-list-append.js';
import { atomic, history, type Row } from '../support/history-rows.js';

const append = (process: number, element: number, outcome: 'ok' | 'fail' | 'info' = 'ok'): Row[] => atomic(process, 'append', element, outcome, 'L');
const read = (process: number, elements: number[] | null): Row[] => atomic(process, 'read', elements, 'ok', 'L');

function countsOf(rows: Row[]) {
  const result = checkListAppend(history(...rows));
  if (result.valid === 'unknown') throw new Error(result.detail);
  return { valid: result.valid, counts: result.anomalyCounts, anomalies: result.anomalies };
}

describe('list-append checker: valid histories', () => {
  it('accepts reads that are prefixes of one order, growing over time', () => {
    const result = countsOf([...read(9, null), ...append(0, 1), ...read(9, [1]), ...append(1, 2), ...read(9, [1, 2])]);
    expect(result).toMatchObject({ valid: true, counts: {} });
  });

  it('accepts concurrent appends in either order, and reads concurrent with an append with or without it', () => {
    const rows: Row[] = [
      [0, 'invoke', 'append', 1, 'L'],
      [1, 'invoke', 'append', 2, 'L'],
      ...read(9, []),
      ...read(8, [2]),
      [0, 'ok', 'append', 1, 'L'],
      [1, 'ok', 'append', 2, 'L'],
      ...read(9, [2, 1]),
    ];
    expect(countsOf(rows).valid).toBe(true);
  });

  it('accepts info appends that become visible late, or never', () => {
    expect(countsOf([...append(0, 1, 'info'), ...read(9, []), ...read(9, [1])]).valid).toBe(true);
    expect(countsOf([...append(0, 1, 'info'), ...read(9, [])]).valid).toBe(true);
  });
});

describe('list-append checker: each anomaly it names', () => {
  const cases: readonly { name: string; rows: Row[] }[] = [
    { name: 'duplicate-elements', rows: [...append(0, 1), ...append(0, 2), ...read(9, [1, 1, 2])] },
    { name: 'phantom-element', rows: [...read(9, [7])] },
    { name: 'failed-append-visible', rows: [...append(0, 3, 'fail'), ...read(9, [3])] },
    { name: 'incompatible-order', rows: [[0, 'invoke', 'append', 1, 'L'], [1, 'invoke', 'append', 2, 'L'], ...read(9, [1]), ...read(8, [2, 1]), [0, 'info', 'append', 1, 'L'], [1, 'info', 'append', 2, 'L']] },
    { name: 'stale-read', rows: [...append(0, 1), ...append(0, 2), ...read(9, [1]), ...read(8, [1, 2])] },
    { name: 'lost-append', rows: [...append(0, 1), ...read(9, [])] },
    { name: 'non-monotonic-read', rows: [...append(0, 1, 'info'), ...append(1, 2, 'info'), ...read(9, [1, 2]), ...read(9, [1])] },
    { name: 'real-time-order', rows: [...append(0, 1), ...append(1, 2), ...read(9, [2, 1])] },
    { name: 'future-read', rows: [...read(9, [5]), ...append(0, 5)] },
  ];
  for (const { name, rows } of cases) {
    it(`finds ${name}, and only that`, () => {
      const result = countsOf(rows);
      expect(result.valid).toBe(false);
      expect(result.counts).toEqual({ [name]: 1 });
      expect(result.anomalies[0]?.key).toBe('L');
      expect(result.anomalies[0]?.ops.length).toBeGreaterThan(0);
    });
  }

  it('reports real-time order when an earlier acknowledged append is never visible but a later one is', () => {
    const result = countsOf([...append(0, 1), ...append(1, 2), ...read(9, [2])]);
    expect(result.counts).toEqual({ 'real-time-order': 1, 'lost-append': 1 });
  });

  it('checks keys apart', () => {
    const rows: Row[] = [...atomic(0, 'append', 1, 'ok', 'a'), ...atomic(0, 'append', 1, 'ok', 'b'), ...atomic(9, 'read', [1], 'ok', 'a'), ...atomic(9, 'read', [1], 'ok', 'b')];
    expect(checkListAppend(history(...rows))).toMatchObject({ valid: true, keysChecked: 2, appends: 2, reads: 2 });
  });

  it("answers 'unknown' when a value is appended twice (reads would be ambiguous)", () => {
    expect(checkListAppend(history(...append(0, 1), ...append(1, 1), ...read(9, [1, 1])))).toMatchObject({ valid: 'unknown', reason: 'duplicate-appends' });
  });

  it('runs in time linear in the history (25k appends, reads of up to 25k elements) in well under a few seconds', () => {
    const rows: Row[] = [];
    for (let element = 0; element < 25_000; element++) {
      rows.push(...append(0, element));
      if (element % 1000 === 999) rows.push(...read(1, Array.from({ length: element + 1 }, (_, index) => index)));
    }
    const startMs = performance.now();
    const result = checkListAppend(history(...rows));
    expect(performance.now() - startMs).toBeLessThan(5000);
    expect(result).toMatchObject({ valid: true, appends: 25_000, reads: 25 });
  });
});
