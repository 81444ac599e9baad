import { assert } from '../../core/assert.js';
import type { Clock } from '../clock.js';

/** A clock that moves only when told: wall time = start + elapsed (+ an adjustable skew). */
export class ManualClock implements Clock {
  private elapsedUs = 0;
  private skewUs = 0;

  constructor(private readonly startEpochMs: number) {
    assert(Number.isSafeInteger(startEpochMs), 'the start time is an integer of ms');
  }

  nowMs(): number {
    return Math.floor(this.nowUs() / 1000);
  }

  nowUs(): number {
    return this.startEpochMs * 1000 + this.elapsedUs + this.skewUs;
  }

  monotonicUs(): number {
    return this.elapsedUs;
  }

  /** Microseconds elapsed since the start (true time of this manual world). */
  elapsedMicroseconds(): number {
    return this.elapsedUs;
  }

  /** Moves true time forward to `elapsedUs` (never backwards). */
  moveTo(elapsedUs: number): void {
    assert(elapsedUs >= this.elapsedUs, 'manual time never goes back');
    this.elapsedUs = elapsedUs;
  }

  /** Skews the wall clock (not the monotonic one) by `deltaMs`, e.g. a clock jump. */
  skewBy(deltaMs: number): void {
    this.skewUs += Math.round(deltaMs * 1000);
  }
}
