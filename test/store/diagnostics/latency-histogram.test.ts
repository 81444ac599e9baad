import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsOf, cumulativeDistributionUs, highestEquivalentNs, LatencyHistogram, lowestEquivalentNs, valueAtPercentileNs } from '../../../src/store/server/latency-histogram.js';

describe('latency histogram (hdr_histogram, 2 significant digits from 1 ns)', () => {
  it('groups values as hdr_histogram does: exact below 256 ns, then ranges of 2 significant digits', () => {
    expect([lowestEquivalentNs(255), highestEquivalentNs(255)]).toEqual([255, 255]);
    expect([lowestEquivalentNs(1000), highestEquivalentNs(1000)]).toEqual([1000, 1003]);
    expect(highestEquivalentNs(10_000)).toBe(10_047);
    expect(highestEquivalentNs(1024)).toBe(1031);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (value) => {
        const lowest = lowestEquivalentNs(value);
        const highest = highestEquivalentNs(value);
        expect(lowest).toBeLessThanOrEqual(value);
        expect(highest).toBeGreaterThanOrEqual(value);
        if (value < 256) expect(highest).toBe(lowest);
        else expect((highest - lowest + 1) / lowest).toBeLessThan(1 / 100);
        expect(lowestEquivalentNs(highest)).toBe(lowest);
      }),
    );
  });

  it('reports cumulative counts at 1024·2^k ns levels only where they grow, ending at the total', () => {
    const histogram = new LatencyHistogram();
    for (const durationUs of [1, 3, 3, 1500]) histogram.recordUs(durationUs);
    const buckets = histogram.buckets(6);
    expect(cumulativeDistributionUs(buckets)).toEqual([[1, 3], [4, 5], [2113, 6]]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { maxLength: 40 }), fc.nat(5), (durations, zeros) => {
        const recorded = new LatencyHistogram();
        for (const durationUs of durations) recorded.recordUs(durationUs);
        const distribution = cumulativeDistributionUs(bucketsOf(recorded, durations.length + zeros));
        const counts = distribution.map(([, count]) => count);
        expect(counts).toEqual([...counts].sort((left, right) => left - right));
        expect(new Set(counts).size).toBe(counts.length);
        expect(counts.at(-1) ?? 0).toBe(durations.length + zeros);
      }),
    );
  });

  it('answers percentiles with the highest equivalent value of the bucket reached', () => {
    const buckets = bucketsOf(undefined, 3);
    expect(valueAtPercentileNs(buckets, 50)).toBe(1);
    const histogram = new LatencyHistogram();
    histogram.recordUs(10);
    const mixed = histogram.buckets(4);
    expect(valueAtPercentileNs(mixed, 50)).toBe(1);
    expect(valueAtPercentileNs(mixed, 99)).toBe(10_047);
    expect(valueAtPercentileNs(mixed, 0)).toBe(1);
  });
});
