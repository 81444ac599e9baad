import { assert } from '../core/assert.js';
import type { TimerHandle, Timers } from '../env/timers.js';
import { kernelKinds } from './event-kind.js';
import type { HostClock } from './host-clock.js';
import type { ProcessClock } from './process-clock.js';
import type { ProcessSlot } from './process-slot.js';
import type { Scheduler } from './scheduler.js';
import type { SimEvent } from './sim-event.js';

class PendingTimer implements TimerHandle {
  done = false;
  event: SimEvent | null = null;

  constructor(
    readonly timerId: number,
    readonly callback: () => void,
    readonly deadlineMonotonicUs: number,
    readonly owner: SimTimers,
  ) {}
}

function fireTimer(timer: PendingTimer): void {
  timer.owner.fire(timer);
}

function runCallback(callback: () => void): void {
  callback();
}

/**
 * Timers of one incarnation, on its host's monotonic clock: `after(d)`
 * fires once the host's clock advanced `d` (so a fast-drifting host fires
 * sooner in true time). If a drift change made it come due early, it re-arms
 * for the rest.
 */
export class SimTimers implements Timers {
  private nextTimerId = 1;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly slot: ProcessSlot,
    private readonly incarnation: number,
    private readonly hostClock: HostClock,
    private readonly clock: ProcessClock,
  ) {}

  after(delayMs: number, callback: () => void): TimerHandle {
    assert(Number.isFinite(delayMs) && delayMs >= 0, 'a timer delay is a finite non-negative number of ms');
    const delayUs = Math.ceil(delayMs * 1000);
    const timer = new PendingTimer(this.nextTimerId++, callback, this.clock.monotonicUs() + delayUs, this);
    this.arm(timer, delayUs);
    return timer;
  }

  cancel(handle: TimerHandle): void {
    if (!(handle instanceof PendingTimer) || handle.owner !== this || handle.done) return;
    handle.done = true;
    if (handle.event !== null) this.scheduler.cancel(handle.event);
  }

  soon(callback: () => void): void {
    this.slot.scheduleFor(this.incarnation, this.slot.processNowUs(), kernelKinds.soon, 0, runCallback, callback);
  }

  /** @internal the timer's event came due. */
  fire(timer: PendingTimer): void {
    if (timer.done) return;
    const remainingUs = timer.deadlineMonotonicUs - this.clock.monotonicUs();
    if (remainingUs > 0) {
      this.arm(timer, remainingUs);
      return;
    }
    timer.done = true;
    timer.callback();
  }

  private arm(timer: PendingTimer, hostDelayUs: number): void {
    const dueUs = this.slot.processNowUs() + this.hostClock.trueDelayUs(hostDelayUs);
    timer.event = this.slot.scheduleFor(this.incarnation, dueUs, kernelKinds.timer, timer.timerId, fireTimer, timer);
  }
}
