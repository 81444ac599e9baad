import { assert } from '../../core/assert.js';

/** LATENCY_TS_LEN: samples kept per event. */
export const LATENCY_SAMPLES_PER_EVENT = 160;

export interface LatencySample {
  readonly timeSeconds: number;
  latencyMs: number;
}

/** One event's time series (latencyTimeSeries): a ring of samples, one per second at most. */
export class LatencyTimeSeries {
  /** The ring, in slot order; `nextSlot` is where the next second's sample goes. */
  readonly samples: (LatencySample | undefined)[] = new Array<LatencySample | undefined>(LATENCY_SAMPLES_PER_EVENT).fill(undefined);
  nextSlot = 0;
  maxMs = 0;

  /** Samples oldest first (the ring read from `nextSlot`). */
  chronological(): LatencySample[] {
    const result: LatencySample[] = [];
    for (let offset = 0; offset < LATENCY_SAMPLES_PER_EVENT; offset++) {
      const sample = this.samples[(this.nextSlot + offset) % LATENCY_SAMPLES_PER_EVENT];
      if (sample !== undefined) result.push(sample);
    }
    return result;
  }

  latest(): LatencySample | undefined {
    return this.samples[(this.nextSlot + LATENCY_SAMPLES_PER_EVENT - 1) % LATENCY_SAMPLES_PER_EVENT];
  }
}

/** analyzeLatencyForEvent's figures, for LATENCY DOCTOR. */
export interface LatencyAnalysis {
  readonly samples: number;
  readonly averageMs: number;
  readonly meanDeviationMs: number;
  readonly periodSeconds: number;
  readonly allTimeHighMs: number;
}

/**
 * The latency monitor (latency.c): per event, the worst latency of each
 * second, the last 160 of them, and the all-time high. Events keep the order
 * they first appeared in (Redis's dict order is its hash's).
 */
export class LatencyEvents {
  private readonly series = new Map<string, LatencyTimeSeries>();

  /** latencyAddSample: the caller checked latency-monitor-threshold. */
  addSample(event: string, latencyMs: number, nowSeconds: number): void {
    assert(Number.isSafeInteger(latencyMs) && latencyMs >= 0, 'a latency sample is whole milliseconds');
    let series = this.series.get(event);
    if (series === undefined) {
      series = new LatencyTimeSeries();
      this.series.set(event, series);
    }
    if (latencyMs > series.maxMs) series.maxMs = latencyMs;
    const previous = series.latest();
    if (previous !== undefined && previous.timeSeconds === nowSeconds) {
      if (latencyMs > previous.latencyMs) previous.latencyMs = latencyMs;
      return;
    }
    series.samples[series.nextSlot] = { timeSeconds: nowSeconds, latencyMs };
    series.nextSlot = (series.nextSlot + 1) % LATENCY_SAMPLES_PER_EVENT;
  }

  get(event: string): LatencyTimeSeries | undefined {
    return this.series.get(event);
  }

  entries(): IterableIterator<[string, LatencyTimeSeries]> {
    return this.series.entries();
  }

  get size(): number {
    return this.series.size;
  }

  /** latencyResetEvent: the named event (compared case-insensitively) or, without a name, all; returns how many went. */
  reset(event?: string): number {
    let resets = 0;
    for (const name of Array.from(this.series.keys())) {
      if (event === undefined || name.toLowerCase() === event.toLowerCase()) {
        this.series.delete(name);
        resets++;
      }
    }
    return resets;
  }

  /** analyzeLatencyForEvent */
  analyze(event: string, nowSeconds: number): LatencyAnalysis {
    const series = this.series.get(event);
    const samples = series?.chronological() ?? [];
    if (series === undefined || samples.length === 0) return { samples: 0, averageMs: 0, meanDeviationMs: 0, periodSeconds: 0, allTimeHighMs: series?.maxMs ?? 0 };
    let sum = 0;
    let oldestSeconds = Number.POSITIVE_INFINITY;
    for (const sample of samples) {
      sum += sample.latencyMs;
      oldestSeconds = Math.min(oldestSeconds, sample.timeSeconds);
    }
    const averageMs = Math.floor(sum / samples.length);
    let deviationSum = 0;
    for (const sample of samples) deviationSum += Math.abs(averageMs - sample.latencyMs);
    const period = nowSeconds - oldestSeconds;
    return { samples: samples.length, averageMs, meanDeviationMs: Math.floor(deviationSum / samples.length), periodSeconds: period === 0 ? 1 : period, allTimeHighMs: series.maxMs };
  }
}
