import type { Clock } from '../env/clock.js';
import type { HostClock } from './host-clock.js';
import type { ProcessSlot } from './process-slot.js';

/**
 * The clock one incarnation reads: its host's wall clock (which faults may
 * skew, jump or drift) at the process's own now, and a monotonic clock that
 * starts at 0 with the incarnation and never goes back.
 */
export class ProcessClock implements Clock {
  private readonly monotonicBaseUs: number;
  private lastMonotonicUs = 0;

  constructor(
    private readonly slot: ProcessSlot,
    private readonly hostClock: HostClock,
  ) {
    this.monotonicBaseUs = hostClock.monotonicUsAt(slot.processNowUs());
  }

  nowUs(): number {
    return this.hostClock.wallUsAt(this.slot.processNowUs());
  }

  nowMs(): number {
    return Math.floor(this.nowUs() / 1000);
  }

  monotonicUs(): number {
    // A drift change while the process is busy past true time could make a
    // later read extrapolate lower: never let that show.
    const readUs = this.hostClock.monotonicUsAt(this.slot.processNowUs()) - this.monotonicBaseUs;
    if (readUs > this.lastMonotonicUs) this.lastMonotonicUs = readUs;
    return this.lastMonotonicUs;
  }
}
