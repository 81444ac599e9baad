import seedrandom from 'seedrandom';
import { assert } from './assert.js';

/**
 * The one source of randomness. Generator: seedrandom's `xor4096` (Brent's
 * xorgens, 4096-bit state): fast, with a long period, and its `int32()` gives
 * 32 raw bits per call. Each stream is seeded from its full path
 * (`seed/net/latency`), so forking a new stream or drawing more from one
 * subsystem never reshuffles another.
 */
export class Prng {
  private readonly generator: seedrandom.PRNG;

  private constructor(
    readonly seed: number,
    readonly path: string,
  ) {
    this.generator = seedrandom.xor4096(`${seed}/${path}`);
  }

  static root(seed: number): Prng {
    assert(Number.isSafeInteger(seed), 'a seed is a safe integer');
    return new Prng(seed, 'root');
  }

  /** An independent stream named `name` below this one. */
  fork(name: string): Prng {
    assert(name.length > 0, 'a PRNG stream has a name');
    return new Prng(this.seed, `${this.path}/${name}`);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.generator.double();
  }

  /** Uniform 32-bit unsigned integer. */
  uint32(): number {
    return this.generator.int32() >>> 0;
  }

  /** Uniform integer in [0, bound). */
  int(bound: number): number {
    assert(Number.isInteger(bound) && bound > 0, 'int(bound) needs a positive integer bound');
    return Math.floor(this.float() * bound);
  }

  /** Uniform integer in [low, high]. */
  intBetween(low: number, high: number): number {
    assert(high >= low, 'intBetween needs low <= high');
    return low + this.int(high - low + 1);
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    assert(probability >= 0 && probability <= 1, 'a probability is in [0, 1]');
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    assert(items.length > 0, 'pick needs a non-empty list');
    return items[this.int(items.length)] as T;
  }

  /** Picks an index with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) {
      assert(weight >= 0, 'weights are non-negative');
      total += weight;
    }
    assert(total > 0, 'weightedIndex needs a positive total weight');
    let point = this.float() * total;
    for (let index = 0; index < weights.length; index++) {
      point -= weights[index] as number;
      if (point < 0) return index;
    }
    return weights.length - 1;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Fisher-Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index--) {
      const other = this.int(index + 1);
      const held = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = held;
    }
    return copy;
  }
}
