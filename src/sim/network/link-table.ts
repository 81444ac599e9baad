import { assert } from '../../core/assert.js';
import { limits } from '../../core/limits.js';
import type { Prng } from '../../core/prng.js';
import { type LatencyDistribution, assertValidLatency, drawLatencyUs } from '../latency.js';

/**
 * What a blocked link does with traffic: `clog` holds it and delivers it in
 * order after the heal; `drop` loses it, and the connection is reset (both
 * ends see onClose('reset')) after the network's drop reset timeout.
 */
export type PartitionMode = 'clog' | 'drop';

interface SlowLink {
  readonly extraUs: number;
  readonly untilUs: number;
}

/** Per directed link: blocked or not (and how), latency, slow-link faults. */
export class LinkTable {
  private readonly blocked = new Map<number, PartitionMode>();
  private readonly latencyOverrides = new Map<number, LatencyDistribution>();
  private readonly slowLinks = new Map<number, SlowLink>();

  constructor(
    private defaultLatency: LatencyDistribution,
    private readonly latencyPrng: Prng,
  ) {
    assertValidLatency(defaultLatency);
  }

  private key(from: number, to: number): number {
    return from * limits.hostsMax + to;
  }

  /** How the link from→to is blocked, or undefined if traffic flows. A host's link to itself never blocks. */
  blockMode(from: number, to: number): PartitionMode | undefined {
    if (this.blocked.size === 0 || from === to) return undefined;
    return this.blocked.get(this.key(from, to));
  }

  get blockedCount(): number {
    return this.blocked.size;
  }

  block(from: number, to: number, mode: PartitionMode): void {
    if (from !== to) this.blocked.set(this.key(from, to), mode);
  }

  unblockAll(): void {
    this.blocked.clear();
  }

  /** The blocked links as index pairs with their mode, in key order (deterministic). */
  blockedLinks(): { readonly from: number; readonly to: number; readonly mode: PartitionMode }[] {
    return [...this.blocked.entries()]
      .sort(([left], [right]) => left - right)
      .map(([key, mode]) => ({ from: Math.floor(key / limits.hostsMax), to: key % limits.hostsMax, mode }));
  }

  setDefaultLatency(distribution: LatencyDistribution): void {
    assertValidLatency(distribution);
    this.defaultLatency = distribution;
  }

  /** Overrides the latency of one directed link; null restores the world default. */
  setLatency(from: number, to: number, distribution: LatencyDistribution | null): void {
    if (distribution === null) {
      this.latencyOverrides.delete(this.key(from, to));
      return;
    }
    assertValidLatency(distribution);
    this.latencyOverrides.set(this.key(from, to), distribution);
  }

  /** Adds `extraUs` to every send on from→to until `untilUs`. */
  slow(from: number, to: number, extraUs: number, untilUs: number): void {
    assert(Number.isSafeInteger(extraUs) && extraUs >= 0, 'slow-link extra latency is a non-negative integer of µs');
    this.slowLinks.set(this.key(from, to), { extraUs, untilUs });
  }

  /** One latency draw for a send on from→to at `nowUs`, including slow-link faults. */
  latencyUs(from: number, to: number, nowUs: number): number {
    const key = this.key(from, to);
    const distribution = this.latencyOverrides.get(key) ?? this.defaultLatency;
    const latencyUs = drawLatencyUs(distribution, this.latencyPrng);
    if (this.slowLinks.size === 0) return latencyUs;
    const slowLink = this.slowLinks.get(key);
    if (slowLink === undefined) return latencyUs;
    if (slowLink.untilUs <= nowUs) {
      this.slowLinks.delete(key);
      return latencyUs;
    }
    return latencyUs + slowLink.extraUs;
  }
}
