import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { BucketTable } from '../../../src/store/types/set-hashtable.js';

/** Pearson's chi-square of observed counts against a uniform expectation (the suite's chi_square_value). */
function chiSquare(counts: readonly number[], draws: number): number {
  const expected = draws / counts.length;
  return counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}

function tableOf(keys: readonly string[]): BucketTable<number> {
  const table = new BucketTable<number>();
  keys.forEach((key, index) => table.set(key, index));
  return table;
}

describe('BucketTable random picks (dictGetFairRandomKey)', () => {
  it('picks each of a small table’s keys about equally often, whatever the chain lengths', () => {
    // The suite's SRANDMEMBER / HRANDFIELD / ZRANDMEMBER histograms: df = 9, 40 means p = 0.00001.
    const keys = ['a', 'b', 'c', 'd', 'e', '6', '7', '8', '9', 'x'.repeat(80)];
    const table = tableOf(keys);
    const rng = Prng.root(7);
    const draws = 10_000;
    const counts = keys.map(() => 0);
    for (let draw = 0; draw < draws; draw++) {
      const index = table.get(table.randomKey(rng)) as number;
      counts[index] = (counts[index] as number) + 1;
    }
    expect(chiSquare(counts, draws)).toBeLessThan(40);
  });

  it('still reaches every key of a large sparse table', () => {
    const keys = Array.from({ length: 1000 }, (_, index) => `key:${index}`);
    const table = tableOf(keys);
    for (const key of keys.slice(20)) table.delete(key);
    const rng = Prng.root(11);
    const seen = new Set<string>();
    for (let draw = 0; draw < 2000 && seen.size < 20; draw++) seen.add(table.randomKey(rng));
    expect([...seen].sort()).toEqual(keys.slice(0, 20).sort());
  });

  it('samples distinct keys, never more than asked for or present (dictGetSomeKeys)', () => {
    const keys = Array.from({ length: 100 }, (_, index) => `member-${index}`);
    const table = tableOf(keys);
    const rng = Prng.root(3);
    for (const wanted of [1, 5, 20, 100, 500]) {
      const sample = table.sampleKeys(wanted, rng);
      expect(sample.length).toBeLessThanOrEqual(Math.min(wanted, keys.length));
      expect(new Set(sample).size).toBe(sample.length);
      for (const key of sample) expect(table.has(key)).toBe(true);
    }
  });
});
