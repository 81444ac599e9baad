import type { LatencyDistribution } from '../latency.js';
import type { PowerLossPolicy } from './power-loss-policy.js';

/** Simulated latency of each kind of disk operation. */
export interface DiskLatency {
  /** fsync, fdatasync, fsyncDirectory, and a background fsync's completion. */
  readonly fsync: LatencyDistribution;
  /** append, pwrite, truncate (page-cache writes: usually 0). */
  readonly write: LatencyDistribution;
  readonly read: LatencyDistribution;
  /** open, rename, unlink, mkdir, readdir, stat. */
  readonly metadata: LatencyDistribution;
}

export const defaultDiskLatency: DiskLatency = {
  fsync: { kind: 'uniform', minMs: 0.5, maxMs: 3 },
  write: { kind: 'constant', ms: 0 },
  read: { kind: 'constant', ms: 0 },
  metadata: { kind: 'constant', ms: 0 },
};

export interface DiskOptions {
  readonly powerLoss?: Partial<PowerLossPolicy>;
  readonly latency?: Partial<DiskLatency>;
  /** Writes that would grow the disk's data past this return ENOSPC. */
  readonly capacityBytes?: number;
}
