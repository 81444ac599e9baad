import { assert } from '../core/assert.js';
import type { Prng } from '../core/prng.js';

/**
 * A latency distribution in milliseconds (fractions allowed; draws are
 * rounded to whole microseconds). `jitterMs` adds a uniform [0, jitterMs).
 */
export type LatencyDistribution =
  | { readonly kind: 'constant'; readonly ms: number; readonly jitterMs?: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number; readonly jitterMs?: number }
  | { readonly kind: 'exponential'; readonly meanMs: number; readonly minMs?: number; readonly jitterMs?: number };

/** Upper bound of one draw, so a heavy tail cannot stall a run. */
const LATENCY_MS_MAX = 60_000;

function drawMs(distribution: LatencyDistribution, prng: Prng): number {
  switch (distribution.kind) {
    case 'constant':
      return distribution.ms;
    case 'uniform':
      return distribution.minMs + prng.float() * (distribution.maxMs - distribution.minMs);
    case 'exponential':
      return (distribution.minMs ?? 0) + prng.exponential(distribution.meanMs);
  }
}

/** Draws one latency in integer microseconds, in [0, 60 s]. */
export function drawLatencyUs(distribution: LatencyDistribution, prng: Prng): number {
  let latencyMs = drawMs(distribution, prng);
  const jitterMs = distribution.jitterMs ?? 0;
  if (jitterMs > 0) latencyMs += prng.float() * jitterMs;
  return Math.round(Math.min(Math.max(latencyMs, 0), LATENCY_MS_MAX) * 1000);
}

/** Checks a distribution's parameters (a usage error is a bug in the caller: assert). */
export function assertValidLatency(distribution: LatencyDistribution): void {
  const jitterMs = distribution.jitterMs ?? 0;
  assert(Number.isFinite(jitterMs) && jitterMs >= 0, 'latency jitterMs is a finite non-negative number');
  switch (distribution.kind) {
    case 'constant':
      assert(Number.isFinite(distribution.ms) && distribution.ms >= 0, 'constant latency ms >= 0');
      return;
    case 'uniform':
      assert(Number.isFinite(distribution.minMs) && distribution.minMs >= 0, 'uniform latency minMs >= 0');
      assert(Number.isFinite(distribution.maxMs) && distribution.maxMs >= distribution.minMs, 'uniform latency maxMs >= minMs');
      return;
    case 'exponential':
      assert(Number.isFinite(distribution.meanMs) && distribution.meanMs > 0, 'exponential latency meanMs > 0');
      assert((distribution.minMs ?? 0) >= 0, 'exponential latency minMs >= 0');
      return;
  }
}
