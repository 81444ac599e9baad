import type { Prng } from '../../core/prng.js';

/**
 * The 24-bit `lru` field of Redis objects (evict.c). Under an LRU (or no)
 * policy it holds the LRU clock in seconds; under an LFU policy the high 16
 * bits are the last decrement time in minutes and the low 8 bits a
 * logarithmic access counter.
 */
export const LRU_CLOCK_MAX = (1 << 24) - 1;
const LRU_CLOCK_RESOLUTION_MS = 1000;
export const LFU_INIT_VAL = 5;

export function lruClock(nowMs: number): number {
  return Math.floor(nowMs / LRU_CLOCK_RESOLUTION_MS) & LRU_CLOCK_MAX;
}

/** estimateObjectIdleTime in ms. */
export function estimateIdleTimeMs(lru: number, nowMs: number): number {
  const clock = lruClock(nowMs);
  if (clock >= lru) return (clock - lru) * LRU_CLOCK_RESOLUTION_MS;
  return (clock + (LRU_CLOCK_MAX - lru)) * LRU_CLOCK_RESOLUTION_MS;
}

function lfuTimeInMinutes(nowMs: number): number {
  return Math.floor(nowMs / 1000 / 60) & 65535;
}

function lfuTimeElapsed(lastMinutes: number, nowMs: number): number {
  const now = lfuTimeInMinutes(nowMs);
  if (now >= lastMinutes) return now - lastMinutes;
  return 65535 - lastMinutes + now;
}

/** LFUDecrAndReturn: the counter after decay by lfu-decay-time. */
export function lfuDecayedCounter(lru: number, nowMs: number, decayTimeMinutes: number): number {
  const lastMinutes = lru >>> 8;
  const counter = lru & 255;
  const periods = decayTimeMinutes > 0 ? Math.floor(lfuTimeElapsed(lastMinutes, nowMs) / decayTimeMinutes) : 0;
  if (periods === 0) return counter;
  return periods > counter ? 0 : counter - periods;
}

/** LFULogIncr: increments with probability 1/((counter - LFU_INIT_VAL) * factor + 1). */
function lfuLogIncrement(counter: number, rng: Prng, logFactor: number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  const probability = 1 / (base * logFactor + 1);
  return rng.float() < probability ? counter + 1 : counter;
}

export interface AccessPolicy {
  readonly lfu: boolean;
  readonly logFactor: number;
  readonly decayTimeMinutes: number;
}

export function accessOnCreate(policy: AccessPolicy, nowMs: number): number {
  if (policy.lfu) return (lfuTimeInMinutes(nowMs) << 8) | LFU_INIT_VAL;
  return lruClock(nowMs);
}

/** updateLFU or the LRU clock, as lookupKey does on an access. */
export function accessOnTouch(policy: AccessPolicy, previous: number, nowMs: number, rng: Prng): number {
  if (!policy.lfu) return lruClock(nowMs);
  const decayed = lfuDecayedCounter(previous, nowMs, policy.decayTimeMinutes);
  const counter = lfuLogIncrement(decayed, rng, policy.logFactor);
  return (lfuTimeInMinutes(nowMs) << 8) | counter;
}
