import { describe, expect, it } from 'vitest';
import { checkAvailability } from '../../src/checker/availability.js';
import type { Op } from '../../src/history/op.js';

/** One operation every 100 ms for 10 s; those invoked in [3 s, 6 s) time out. */
function outageHistory(): Op[] {
  const ops: Op[] = [];
  for (let step = 0; step < 100; step++) {
    const invokeUs = step * 100_000;
    const down = invokeUs >= 3_000_000 && invokeUs < 6_000_000;
    ops.push({ index: ops.length, process: 0, type: 'invoke', f: 'write', value: step, time: invokeUs });
    ops.push({ index: ops.length, process: 0, type: down ? 'info' : 'ok', f: 'write', value: step, time: invokeUs + (down ? 90_000 : 1_000) });
  }
  return ops;
}

const partition = { startUs: 3_000_000, endUs: 6_000_000, kind: 'partition' };

describe('availability checker', () => {
  it('measures the ok fraction overall, during faults and after the heal', () => {
    const result = checkAvailability(outageHistory(), [partition]);
    expect(result.overall).toEqual({ operations: 100, okFraction: 0.7 });
    expect(result.duringFaults).toEqual({ operations: 30, okFraction: 0 });
    expect(result.afterHeal).toEqual({ operations: 40, okFraction: 1 });
  });

  it('finds the longest stretch without success and the time to recover after the heal', () => {
    const result = checkAvailability(outageHistory(), [partition]);
    expect(result.longestUnavailable).toEqual({ startUs: 2_901_000, endUs: 6_001_000, durationMs: 3100 });
    expect(result.recoveries).toEqual([{ kind: 'partition', healUs: 6_000_000, recoveryMs: 1 }]);
  });

  it('fails given bounds, and is unknown without operations', () => {
    expect(checkAvailability(outageHistory(), [partition], { okFractionMin: 0.9 }).valid).toBe(false);
    expect(checkAvailability(outageHistory(), [partition], { recoveryMsMax: 0.5 }).valid).toBe(false);
    expect(checkAvailability(outageHistory(), [partition], { okFractionMin: 0.5, recoveryMsMax: 5 }).valid).toBe(true);
    expect(checkAvailability([], [partition]).valid).toBe('unknown');
  });

  it('reports a fault that never recovered', () => {
    const neverBack = outageHistory().filter((op) => op.time < 5_000_000);
    expect(checkAvailability(neverBack, [{ startUs: 3_000_000, endUs: 4_000_000, kind: 'kill' }]).recoveries[0]?.recoveryMs).toBeNull();
  });
});
