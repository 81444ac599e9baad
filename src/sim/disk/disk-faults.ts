import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';

/**
 * Disk faults, each switched on for an interval:
 * - `fsyncFails`: fsync returns EIO and drops the dirty pages (they never
 *   become durable; reads still see them until a power loss).
 * - `fsyncLies`: fsync returns success and persists nothing ("fsync loss").
 * - `writeFails`: append/pwrite return EIO and write nothing.
 * - `noSpace`: writes that would grow the disk's data past `quotaBytes`
 *   (default: what it holds when the fault starts) return ENOSPC.
 * - `readCorrupt`: reads return the data with one bit flipped.
 * `probability` (default 1) is the chance that each affected operation
 * fails while the fault is on.
 */
export type DiskFaultKind = 'fsyncFails' | 'fsyncLies' | 'writeFails' | 'noSpace' | 'readCorrupt';

export interface DiskFault {
  readonly kind: DiskFaultKind;
  readonly durationMs: number;
  readonly probability?: number;
  readonly quotaBytes?: number;
}

interface ActiveFault {
  readonly untilUs: number;
  readonly probability: number;
  readonly quotaBytes: number;
}

/** The faults switched on for one disk, by kind (a new one of a kind replaces the old). */
export class DiskFaults {
  private readonly active = new Map<DiskFaultKind, ActiveFault>();

  constructor(private readonly prng: Prng) {}

  inject(fault: DiskFault, nowUs: number, usedBytes: number): void {
    assert(Number.isFinite(fault.durationMs) && fault.durationMs >= 0, 'a disk fault lasts a finite non-negative time');
    const probability = fault.probability ?? 1;
    assert(probability >= 0 && probability <= 1, 'a disk fault probability is in [0, 1]');
    const quotaBytes = fault.quotaBytes ?? usedBytes;
    assert(Number.isSafeInteger(quotaBytes) && quotaBytes >= 0, 'a disk quota is a non-negative integer of bytes');
    this.active.set(fault.kind, { untilUs: nowUs + Math.round(fault.durationMs * 1000), probability, quotaBytes });
  }

  clear(kind?: DiskFaultKind): void {
    if (kind === undefined) this.active.clear();
    else this.active.delete(kind);
  }

  isActive(kind: DiskFaultKind, nowUs: number): boolean {
    return this.current(kind, nowUs) !== undefined;
  }

  /** The quota in force, or undefined when no `noSpace` fault is on. */
  quotaBytes(nowUs: number): number | undefined {
    return this.current('noSpace', nowUs)?.quotaBytes;
  }

  /** Whether this operation fails: the fault is on and its probability draw says so. */
  strikes(kind: DiskFaultKind, nowUs: number): boolean {
    const fault = this.current(kind, nowUs);
    if (fault === undefined) return false;
    return fault.probability >= 1 || this.prng.chance(fault.probability);
  }

  private current(kind: DiskFaultKind, nowUs: number): ActiveFault | undefined {
    const fault = this.active.get(kind);
    if (fault === undefined) return undefined;
    if (fault.untilUs > nowUs) return fault;
    this.active.delete(kind);
    return undefined;
  }
}
