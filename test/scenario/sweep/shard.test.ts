import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseShard, seedsOfShard, shardOfSeed } from '../../../src/scenario/sweep/shard.js';

describe('parseShard', () => {
  it('reads i/n with shards numbered from 0', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 3, count: 4 });
  });

  it('rejects i >= n, n = 0 and malformed text as usage errors', () => {
    for (const text of ['4/4', '1/0', '0/0', '-1/3', '1', '1/2/3', 'a/b', '']) expect(() => parseShard(text), text).toThrow(UsageError);
  });
});

describe('seedsOfShard', () => {
  it('puts seed k in shard k mod n', () => {
    expect(seedsOfShard([1, 2, 3, 4, 5, 6, 7], { index: 1, count: 3 })).toEqual([1, 4, 7]);
    expect(shardOfSeed(12, 5)).toBe(2);
  });

  it('partitions any seed list: the shards are disjoint and their union is the list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(10_000), { maxLength: 200 }), fc.integer({ min: 1, max: 16 }), (seeds, count) => {
        const shards = Array.from({ length: count }, (_, index) => seedsOfShard(seeds, { index, count }));
        const union = shards.flat();
        expect(union).toHaveLength(seeds.length);
        expect(new Set(union)).toEqual(new Set(seeds));
        shards.forEach((shard, index) => shard.forEach((seed) => expect(shardOfSeed(seed, count)).toBe(index)));
      }),
    );
  });

  it('keeps a seed in the same shard whatever the rest of the range', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.uniqueArray(fc.nat(10_000), { maxLength: 50 }), fc.integer({ min: 1, max: 9 }), (seed, others, count) => {
        const index = shardOfSeed(seed, count);
        expect(seedsOfShard([seed, ...others.filter((other) => other !== seed)], { index, count })).toContain(seed);
      }),
    );
  });
});
