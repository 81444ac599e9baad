import { assert } from '../../core/assert.js';

/** LATENCY_HISTOGRAM_MIN_VALUE / MAX_VALUE: durations are tracked in ns between 1 ns and 1 s. */
export const HISTOGRAM_VALUE_MIN_NS = 1;
export const HISTOGRAM_VALUE_MAX_NS = 1_000_000_000;
/** LATENCY HISTOGRAM's first reporting level (hdr_iter_log_init(..., 1024, 2)). */
const FIRST_REPORTING_LEVEL_NS = 1024;
const REPORTING_LEVELS_MAX = 32;

/**
 * hdr_histogram's bucketing for 2 significant digits from 1 ns (sub-bucket
 * count 256, unit magnitude 0): a value's bucket index and its equivalent
 * range, so reported values match Redis's to the nanosecond.
 */
function bucketIndexOf(valueNs: number): number {
  return Math.floor(Math.log2(valueNs | 255)) + 1 - 8;
}

export function lowestEquivalentNs(valueNs: number): number {
  const bucket = bucketIndexOf(valueNs);
  return Math.floor(valueNs / 2 ** bucket) * 2 ** bucket;
}

export function highestEquivalentNs(valueNs: number): number {
  return lowestEquivalentNs(valueNs) + 2 ** bucketIndexOf(valueNs) - 1;
}

/** updateCommandLatencyHistogram's clamp: a duration in µs as the ns value recorded. */
export function recordedValueNs(durationUs: number): number {
  return Math.min(HISTOGRAM_VALUE_MAX_NS, Math.max(HISTOGRAM_VALUE_MIN_NS, durationUs * 1000));
}

/**
 * One command's latency histogram. Samples of 0 µs (every simulated
 * command: virtual time stands still while a command runs) are not stored:
 * they are the command's calls minus the stored (and skipped) samples, so
 * recording them costs nothing. Others are counted by their lowest equivalent value.
 */
/** Durations below this many µs are counted per µs (an array slot, no hashing); their buckets are worked out when read. */
const DIRECT_DURATIONS_US = 1024;

export class LatencyHistogram {
  private readonly countsByLowestNs = new Map<number, number>();
  private readonly countsByShortDurationUs = new Uint32Array(DIRECT_DURATIONS_US);
  private storedCount = 0;
  /** Calls not recorded at all (made while latency-tracking was off). */
  private skippedCount = 0;

  skipCall(): void {
    this.skippedCount++;
  }

  /** Records a duration of at least 1 µs. */
  recordUs(durationUs: number): void {
    assert(durationUs > 0, 'zero durations are implied by the call count');
    this.storedCount++;
    if (durationUs < DIRECT_DURATIONS_US) {
      this.countsByShortDurationUs[durationUs] = (this.countsByShortDurationUs[durationUs] ?? 0) + 1;
      return;
    }
    const lowest = lowestEquivalentNs(recordedValueNs(durationUs));
    this.countsByLowestNs.set(lowest, (this.countsByLowestNs.get(lowest) ?? 0) + 1);
  }

  /** (lowest equivalent ns, count) ascending, the 1 ns bucket holding `totalCalls` minus the stored samples. */
  buckets(totalCalls: number): [number, number][] {
    const counts = new Map(this.countsByLowestNs);
    this.countsByShortDurationUs.forEach((count, durationUs) => {
      if (count === 0) return;
      const lowest = lowestEquivalentNs(recordedValueNs(durationUs));
      counts.set(lowest, (counts.get(lowest) ?? 0) + count);
    });
    const stored = Array.from(counts).sort((left, right) => left[0] - right[0]);
    const minimal = Math.max(0, totalCalls - this.storedCount - this.skippedCount);
    return minimal > 0 ? [[HISTOGRAM_VALUE_MIN_NS, minimal], ...stored] : stored;
  }
}

/** The buckets of a command that never took measurable time. */
export function bucketsOf(histogram: LatencyHistogram | undefined, totalCalls: number): [number, number][] {
  if (histogram !== undefined) return histogram.buckets(totalCalls);
  return totalCalls > 0 ? [[HISTOGRAM_VALUE_MIN_NS, totalCalls]] : [];
}

/** hdr_value_at_percentile over the buckets: the highest equivalent value (ns) of the bucket the percentile falls in. */
export function valueAtPercentileNs(buckets: readonly (readonly [number, number])[], percentile: number): number {
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  const requested = Math.min(percentile, 100);
  const countAtPercentile = Math.max(1, Math.floor((requested / 100) * total + 0.5));
  let cumulative = 0;
  for (const [lowestNs, count] of buckets) {
    cumulative += count;
    if (cumulative >= countAtPercentile) return percentile === 0 ? lowestNs : highestEquivalentNs(lowestNs);
  }
  return 0;
}

/**
 * fillCommandCDF's histogram_usec: at each reporting level 1024·2^k ns the
 * cumulative count of samples up to that level's bucket, listed (as the
 * level's highest equivalent value in µs) only when it grew.
 */
export function cumulativeDistributionUs(buckets: readonly (readonly [number, number])[]): [number, number][] {
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  const result: [number, number][] = [];
  let cumulative = 0;
  let bucketIndex = 0;
  let level = FIRST_REPORTING_LEVEL_NS;
  for (let step = 0; step < REPORTING_LEVELS_MAX && cumulative < total; step++) {
    const levelLowest = lowestEquivalentNs(Math.min(level, HISTOGRAM_VALUE_MAX_NS));
    const before = cumulative;
    while (bucketIndex < buckets.length && (buckets[bucketIndex] as [number, number])[0] <= levelLowest) {
      cumulative += (buckets[bucketIndex] as [number, number])[1];
      bucketIndex++;
    }
    if (cumulative > before) result.push([Math.floor(highestEquivalentNs(level) / 1000), cumulative]);
    level *= 2;
  }
  return result;
}
