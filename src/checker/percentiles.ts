import { assert } from '../core/assert.js';

export interface LatencySummaryMs {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/** Nearest-rank percentile of sorted values (the smallest value with at least `fraction` of values at or below it). */
export function nearestRank(sortedValues: readonly number[], fraction: number): number {
  assert(sortedValues.length > 0, 'a percentile needs values');
  assert(fraction > 0 && fraction <= 1, 'a percentile fraction is in (0, 1]');
  const rank = Math.ceil(fraction * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length, rank) - 1] ?? 0;
}

export function summarizeLatenciesMs(valuesMs: readonly number[]): LatencySummaryMs | null {
  if (valuesMs.length === 0) return null;
  const sorted = [...valuesMs].sort((left, right) => left - right);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50Ms: nearestRank(sorted, 0.5),
    p95Ms: nearestRank(sorted, 0.95),
    p99Ms: nearestRank(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? 0,
    meanMs: total / sorted.length,
  };
}
