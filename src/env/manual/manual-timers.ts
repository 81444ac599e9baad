import { assert } from '../../core/assert.js';
import { limits } from '../../core/limits.js';
import type { TimerHandle, Timers } from '../timers.js';
import type { ManualClock } from './manual-clock.js';

interface PendingTimer {
  readonly timerId: number;
  readonly dueUs: number;
  readonly callback: () => void;
}

/** Callbacks run in one drain of the soon queue before it is declared runaway. */
const SOON_CALLBACKS_PER_DRAIN_MAX = 10_000_000;

/**
 * Timers on a manual clock. Nothing runs by itself: `runPending` runs the
 * `soon` callbacks, `advanceBy` moves time and runs every timer that falls
 * due, in (due time, creation order), each followed by the soon callbacks it
 * caused.
 */
export interface ManualTimersOptions {
  /**
   * Timers fired at one instant before advanceBy calls it a zero-delay loop
   * (a timer that re-arms itself with 0 ms would keep time from moving).
   */
  readonly firingsPerInstantMax?: number;
}

export class ManualTimers implements Timers {
  private readonly timers = new Map<number, PendingTimer>();
  private soonQueue: (() => void)[] = [];
  private nextTimerId = 1;
  private readonly firingsPerInstantMax: number;

  constructor(
    private readonly clock: ManualClock,
    options: ManualTimersOptions = {},
  ) {
    this.firingsPerInstantMax = options.firingsPerInstantMax ?? limits.schedulerEventsPerInstantMax;
    assert(Number.isSafeInteger(this.firingsPerInstantMax) && this.firingsPerInstantMax > 0, 'firingsPerInstantMax is a positive integer');
  }

  after(delayMs: number, callback: () => void): TimerHandle {
    assert(delayMs >= 0 && Number.isFinite(delayMs), 'a timer delay is a finite non-negative number');
    const timer: PendingTimer = { timerId: this.nextTimerId++, dueUs: this.clock.elapsedMicroseconds() + Math.round(delayMs * 1000), callback };
    this.timers.set(timer.timerId, timer);
    return { timerId: timer.timerId };
  }

  cancel(handle: TimerHandle): void {
    this.timers.delete(handle.timerId);
  }

  soon(callback: () => void): void {
    this.soonQueue.push(callback);
  }

  pendingTimers(): number {
    return this.timers.size;
  }

  /** Runs the soon callbacks (and those they schedule) until none is left. */
  runPending(): void {
    let ran = 0;
    while (this.soonQueue.length > 0) {
      const queue = this.soonQueue;
      this.soonQueue = [];
      for (const callback of queue) {
        callback();
        ran++;
      }
      assert(ran < SOON_CALLBACKS_PER_DRAIN_MAX, 'soon callbacks do not loop forever');
    }
  }

  /** Moves time forward by `deltaMs`, firing due timers in order. */
  advanceBy(deltaMs: number): void {
    assert(deltaMs >= 0, 'time only moves forward');
    this.runPending();
    const targetUs = this.clock.elapsedMicroseconds() + Math.round(deltaMs * 1000);
    let instantUs = this.clock.elapsedMicroseconds();
    let firingsAtInstant = 0;
    for (;;) {
      const next = this.nextDue(targetUs);
      if (next === undefined) break;
      this.timers.delete(next.timerId);
      this.clock.moveTo(Math.max(next.dueUs, this.clock.elapsedMicroseconds()));
      if (this.clock.elapsedMicroseconds() !== instantUs) {
        instantUs = this.clock.elapsedMicroseconds();
        firingsAtInstant = 0;
      }
      firingsAtInstant++;
      assert(firingsAtInstant <= this.firingsPerInstantMax, `timers at one instant stay under ${this.firingsPerInstantMax} firings (a timer re-arming itself with 0 ms is a zero-delay loop)`);
      next.callback();
      this.runPending();
    }
    this.clock.moveTo(targetUs);
  }

  private nextDue(limitUs: number): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.dueUs > limitUs) continue;
      if (best === undefined || timer.dueUs < best.dueUs || (timer.dueUs === best.dueUs && timer.timerId < best.timerId)) best = timer;
    }
    return best;
  }
}
