import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostClock } from '../../src/sim/host-clock.js';

const EPOCH_US = 1_700_000_000_000_000;

function clockAt(offsetMs: number, driftPpm: number): { clock: HostClock; setNow: (nowUs: number) => void } {
  let nowUs = 0;
  const clock = new HostClock(() => nowUs, EPOCH_US, offsetMs, driftPpm);
  return { clock, setNow: (value) => (nowUs = value) };
}

describe('HostClock', () => {
  it('reads epoch + true time + offset, scaled by drift, as integers', () => {
    const { clock } = clockAt(250, 100);
    expect(clock.wallUsAt(0)).toBe(EPOCH_US + 250_000);
    expect(clock.wallUsAt(1_000_000)).toBe(EPOCH_US + 250_000 + 1_000_100);
    expect(clock.monotonicUsAt(2_000_000)).toBe(2_000_200);
    expect(Number.isInteger(clock.wallUsAt(333))).toBe(true);
  });

  it('jumps the wall clock forward and back, and sets skew, while the monotonic clock does not move', () => {
    const { clock, setNow } = clockAt(0, 0);
    setNow(1_000_000);
    const monotonicBefore = clock.monotonicUsAt(1_000_000);
    clock.jumpMs(5000);
    expect(clock.wallUsAt(1_000_000)).toBe(EPOCH_US + 6_000_000);
    clock.jumpMs(-8000);
    expect(clock.wallUsAt(1_000_000)).toBe(EPOCH_US - 2_000_000);
    clock.setOffsetMs(40);
    expect(clock.offsetMs()).toBe(40);
    expect(clock.monotonicUsAt(1_000_000)).toBe(monotonicBefore);
  });

  it('changes drift without a jump in either clock', () => {
    const { clock, setNow } = clockAt(0, 0);
    setNow(5_000_000);
    const wallBefore = clock.wallUsAt(5_000_000);
    const monotonicBefore = clock.monotonicUsAt(5_000_000);
    clock.setDriftPpm(200_000);
    expect(clock.wallUsAt(5_000_000)).toBe(wallBefore);
    expect(clock.monotonicUsAt(5_000_000)).toBe(monotonicBefore);
    expect(clock.monotonicUsAt(6_000_000) - monotonicBefore).toBe(1_200_000);
    expect(clock.trueDelayUs(1_200_000)).toBe(1_000_000);
  });

  it('keeps the monotonic clock non-decreasing through any sequence of faults', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: -400_000, max: 400_000 })), { maxLength: 40 }),
        (steps) => {
          const { clock, setNow } = clockAt(0, 0);
          let nowUs = 0;
          let lastMonotonicUs = clock.monotonicUsAt(0);
          for (const [advanceUs, fault, amount] of steps) {
            nowUs += advanceUs;
            setNow(nowUs);
            if (fault === 0) clock.jumpMs(amount / 100);
            else if (fault === 1) clock.setOffsetMs(amount / 100);
            else clock.setDriftPpm(amount);
            const monotonicUs = clock.monotonicUsAt(nowUs);
            expect(monotonicUs).toBeGreaterThanOrEqual(lastMonotonicUs);
            lastMonotonicUs = monotonicUs;
          }
        },
      ),
    );
  });
});
