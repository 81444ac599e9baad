import type { TimerHandle, Timers } from '../timers.js';

class RealTimer implements TimerHandle {
  constructor(
    readonly timerId: number,
    readonly timeout: ReturnType<typeof setTimeout>,
  ) {}
}

/** Timers over the Node event loop: setTimeout for `after`, setImmediate for `soon`. */
export class RealTimers implements Timers {
  private nextTimerId = 1;

  after(delayMs: number, callback: () => void): TimerHandle {
    return new RealTimer(this.nextTimerId++, setTimeout(callback, Math.max(0, delayMs)));
  }

  cancel(handle: TimerHandle): void {
    if (handle instanceof RealTimer) clearTimeout(handle.timeout);
  }

  soon(callback: () => void): void {
    setImmediate(callback);
  }
}
