import type { Clock } from '../clock.js';

/** The machine's clocks: wall time (may be stepped by NTP) and a monotonic clock from process start. */
export class RealClock implements Clock {
  private readonly startNs = process.hrtime.bigint();

  nowMs(): number {
    return Date.now();
  }

  nowUs(): number {
    return Math.floor((performance.timeOrigin + performance.now()) * 1000);
  }

  monotonicUs(): number {
    return Number((process.hrtime.bigint() - this.startNs) / 1000n);
  }
}
