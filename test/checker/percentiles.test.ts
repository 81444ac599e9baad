import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, summarizeLatenciesMs } from '../../src/checker/percentiles.js';

describe('percentiles', () => {
  it('uses the nearest rank: 1..100 gives p50 = 50, p95 = 95, p99 = 99', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(summarizeLatenciesMs(values)).toMatchObject({ p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100, count: 100 });
  });

  it('returns a value of the list with at least that fraction at or below it, monotonic in the fraction', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, fraction) => {
        const sorted = [...values].sort((a, b) => a - b);
        const value = nearestRank(sorted, fraction);
        expect(sorted).toContain(value);
        expect(sorted.filter((item) => item <= value).length / sorted.length).toBeGreaterThanOrEqual(fraction - 1e-9);
        expect(nearestRank(sorted, Math.min(1, fraction + 0.1))).toBeGreaterThanOrEqual(value);
      }),
    );
  });

  it('has nothing to summarize without values', () => {
    expect(summarizeLatenciesMs([])).toBeNull();
  });
});
