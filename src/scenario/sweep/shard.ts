import { UsageError } from '../../core/errors.js';

/** One of `count` shards of a sweep, numbered from 0 (Kubernetes' JOB_COMPLETION_INDEX numbering). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A bound on the shard count (more shards than this cannot all hold a seed of any sweep worth sharding). */
export const SHARDS_MAX = 100_000;

/** `--shard i/n`: shard `i` of `n`, with 0 <= i < n. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) throw new UsageError(`--shard ${JSON.stringify(text)}: expected i/n, e.g. 0/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > SHARDS_MAX) throw new UsageError(`--shard ${JSON.stringify(text)}: n must be between 1 and ${SHARDS_MAX}`);
  if (index >= count) throw new UsageError(`--shard ${JSON.stringify(text)}: i must be below n (shards are numbered 0..${count - 1})`);
  return { index, count };
}

/** The shard a seed belongs to: seed mod count, so a seed's shard does not depend on the rest of the range. */
export function shardOfSeed(seed: number, count: number): number {
  return ((seed % count) + count) % count;
}

/** The seeds of `seeds` that belong to `shard`, in their order. */
export function seedsOfShard(seeds: readonly number[], shard: Shard): number[] {
  return seeds.filter((seed) => shardOfSeed(seed, shard.count) === shard.index);
}
