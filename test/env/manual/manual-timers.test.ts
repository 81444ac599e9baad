import { describe, expect, it } from 'vitest';
import { isInvariantError } from '../../../src/core/assert.js';
import { ManualClock } from '../../../src/env/manual/manual-clock.js';
import { ManualTimers } from '../../../src/env/manual/manual-timers.js';

function timersWith(firingsPerInstantMax: number): { readonly clock: ManualClock; readonly timers: ManualTimers } {
  const clock = new ManualClock(1_700_000_000_000);
  return { clock, timers: new ManualTimers(clock, { firingsPerInstantMax }) };
}

/** Catches what `run` throws (undefined if it returns). */
function thrownBy(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('ManualTimers', () => {
  it('fire due timers in (due time, creation order) and move the clock to the target', () => {
    const { clock, timers } = timersWith(100);
    const fired: string[] = [];
    timers.after(20, () => fired.push(`b@${clock.elapsedMicroseconds()}`));
    timers.after(10, () => fired.push(`a@${clock.elapsedMicroseconds()}`));
    timers.after(20, () => fired.push(`c@${clock.elapsedMicroseconds()}`));
    timers.after(40, () => fired.push('late'));
    timers.advanceBy(30);
    expect(fired).toEqual(['a@10000', 'b@20000', 'c@20000']);
    expect(clock.elapsedMicroseconds()).toBe(30_000);
    expect(timers.pendingTimers()).toBe(1);
  });

  it('stop a planted timer that re-arms itself with 0 ms with an invariant error, not a spin', () => {
    const { timers } = timersWith(1_000);
    let firings = 0;
    const rearm = (): void => {
      firings++;
      timers.after(0, rearm);
    };
    timers.after(5, rearm);
    const error = thrownBy(() => timers.advanceBy(10));
    expect(isInvariantError(error)).toBe(true);
    expect(String(error)).toContain('zero-delay loop');
    expect(firings).toBe(1_000);
  });

  it('trip the bound with the default limit too (from core/limits), on advanceBy(0)', () => {
    const clock = new ManualClock(0);
    const timers = new ManualTimers(clock);
    let firings = 0;
    const rearm = (): void => {
      firings++;
      timers.after(0, rearm);
    };
    timers.after(0, rearm);
    expect(isInvariantError(thrownBy(() => timers.advanceBy(0)))).toBe(true);
    expect(firings).toBeGreaterThan(1_000);
  });

  it('let many timers fire at distinct instants without tripping the per-instant bound', () => {
    const { clock, timers } = timersWith(3);
    let firings = 0;
    const rearm = (): void => {
      firings++;
      if (firings < 50) timers.after(1, rearm);
    };
    timers.after(1, rearm);
    timers.advanceBy(100);
    expect(firings).toBe(50);
    expect(clock.elapsedMicroseconds()).toBe(100_000);
  });
});
