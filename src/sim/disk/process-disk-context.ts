import type { ProcessSlot } from '../process-slot.js';
import type { Scheduler } from '../scheduler.js';
import type { DiskLatency } from './disk-options.js';
import type { SimDisk } from './sim-disk.js';

/** One incarnation's view of its host's disk: who pays the latency, whose callbacks. */
export class ProcessDiskContext {
  constructor(
    readonly disk: SimDisk,
    readonly slot: ProcessSlot,
    readonly incarnation: number,
    readonly scheduler: Scheduler,
  ) {}

  get isCurrent(): boolean {
    return this.slot.isCurrent(this.incarnation);
  }

  /** Charges one operation's latency to the process (its next events wait for it). */
  charge(kind: keyof DiskLatency): void {
    const latencyUs = this.disk.latencyUs(kind);
    if (latencyUs > 0) this.slot.chargeBusyUs(latencyUs);
  }
}
