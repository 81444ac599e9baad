import { assert } from '../../core/assert.js';
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
export class ManualTimers implements Timers {
  private readonly timers = new Map<number, PendingTimer>();
  private soonQueue: (() => void)[] = [];
  private nextTimerId = 1;

  constructor(private readonly clock: ManualClock) {}

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
    for (;;) {
      const next = this.nextDue(targetUs);
      if (next === undefined) break;
      this.timers.delete(next.timerId);
      this.clock.moveTo(Math.max(next.dueUs, this.clock.elapsedMicroseconds()));
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
