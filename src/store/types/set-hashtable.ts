import { assert } from '../../core/assert.js';
import { fnv32 } from '../../core/hash.js';
import type { Prng } from '../../core/prng.js';

const BUCKETS_INITIAL = 4;
/** HASHTABLE_MIN_FILL: shrink when fewer than 10% of the buckets are used. */
const FILL_PERCENT_MIN = 10;
/** GETFAIR_NUM_ENTRIES: the sample dictGetFairRandomKey picks from. */
const FAIR_SAMPLE_KEYS = 20;

function nextPowerOfTwo(count: number): number {
  let buckets = BUCKETS_INITIAL;
  while (buckets < count) buckets *= 2;
  return buckets;
}

function reverseBits32(value: number): number {
  let reversed = 0;
  let rest = value >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    reversed = ((reversed << 1) | (rest & 1)) >>> 0;
    rest >>>= 1;
  }
  return reversed;
}

/**
 * The `hashtable` encoding behind sets (and the member dict of skiplist
 * zsets): a Map for lookups plus power-of-two buckets that give the
 * iteration order, fair-enough random picks and Redis's reverse-binary SCAN
 * cursor, which stays valid across resizes (every key present for a whole
 * scan is returned at least once). Keys are latin1 strings (`binaryKey`).
 * Resizing is done at once instead of incrementally; the hash is FNV-1a, so
 * the order is deterministic (Redis's is seeded per process).
 */
export class BucketTable<V> {
  private readonly values = new Map<string, V>();
  private buckets: (string[] | undefined)[] = new Array<string[] | undefined>(BUCKETS_INITIAL);

  get size(): number {
    return this.values.size;
  }

  bucketCount(): number {
    return this.buckets.length;
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Adds or replaces; true if the key is new. */
  set(key: string, value: V): boolean {
    const isNew = !this.values.has(key);
    if (isNew && this.values.size >= this.buckets.length) this.rebuild(nextPowerOfTwo(this.values.size + 1));
    this.values.set(key, value);
    if (isNew) this.bucketOf(key, true).push(key);
    return isNew;
  }

  delete(key: string): boolean {
    if (!this.values.delete(key)) return false;
    const chain = this.bucketOf(key, false);
    const position = chain.indexOf(key);
    assert(position >= 0, 'a stored key is in its bucket');
    chain.splice(position, 1);
    if (chain.length === 0) this.buckets[this.bucketIndex(key)] = undefined;
    this.shrinkIfSparse();
    return true;
  }

  /** Keys in bucket order (the SMEMBERS order of a hashtable set). */
  *keys(): IterableIterator<string> {
    for (const chain of this.buckets) {
      if (chain === undefined) continue;
      yield* chain;
    }
  }

  *entries(): IterableIterator<[string, V]> {
    for (const key of this.keys()) yield [key, this.values.get(key) as V];
  }

  /**
   * dictGetFairRandomKey: a sample of up to 20 keys from consecutive buckets
   * (dictGetSomeKeys), then one of them uniformly, so keys in long chains are
   * not favoured as a bucket-then-chain pick would; `probes` counts the
   * buckets looked at. Needs a non-empty table.
   */
  randomKey(rng: Prng, probes?: (count: number) => void): string {
    assert(this.values.size > 0, 'randomKey needs a non-empty table');
    const sample = this.sampleKeys(FAIR_SAMPLE_KEYS, rng, probes);
    if (sample.length === 0) return this.bucketRandomKey(rng, probes);
    return sample[rng.int(sample.length)] as string;
  }

  /**
   * dictGetSomeKeys: walks buckets from a random one, collecting whole chains
   * (reservoir-sampling the last chain's overflow) until `wanted` keys or
   * 10 steps per key; after a run of empty buckets it jumps elsewhere.
   */
  sampleKeys(wanted: number, rng: Prng, probes?: (count: number) => void): string[] {
    const count = Math.min(wanted, this.values.size);
    const mask = this.buckets.length - 1;
    const sample: string[] = [];
    let stored = 0;
    let index = rng.int(this.buckets.length);
    let emptyRun = 0;
    let steps = 0;
    for (let stepsLeft = count * 10; stored < count && stepsLeft > 0; stepsLeft--) {
      steps++;
      const chain = this.buckets[index];
      if (chain === undefined) {
        emptyRun++;
        if (emptyRun >= 5 && emptyRun > count) {
          index = rng.int(this.buckets.length);
          emptyRun = 0;
          continue;
        }
      } else {
        emptyRun = 0;
        for (const key of chain) {
          if (stored < count) sample[stored] = key;
          else {
            const slot = rng.int(stored + 1);
            if (slot < count) sample[slot] = key;
          }
          stored++;
        }
      }
      index = (index + 1) & mask;
    }
    probes?.(steps);
    return sample;
  }

  /** dictGetRandomKey: a random non-empty bucket, then a random key of its chain. */
  private bucketRandomKey(rng: Prng, probes?: (count: number) => void): string {
    let looked = 0;
    for (;;) {
      looked++;
      const chain = this.buckets[rng.int(this.buckets.length)];
      if (chain === undefined) continue;
      probes?.(looked);
      return chain[rng.int(chain.length)] as string;
    }
  }

  /** One dictScan step: visits one bucket, returns the next cursor (0 when done). */
  scanStep(cursor: number, visit: (key: string, value: V) => void): number {
    const mask = this.buckets.length - 1;
    const chain = this.buckets[cursor & mask];
    if (chain !== undefined) for (const key of chain) visit(key, this.values.get(key) as V);
    let next = (cursor | ~mask) >>> 0;
    next = reverseBits32(next);
    next = (next + 1) >>> 0;
    return reverseBits32(next);
  }

  /** A copy with the same buckets (same order); `copyValue` maps each value. */
  clone(copyValue: (value: V) => V): BucketTable<V> {
    const copy = new BucketTable<V>();
    copy.buckets = this.buckets.map((chain) => chain?.slice());
    for (const [key, value] of this.values) copy.values.set(key, copyValue(value));
    return copy;
  }

  private bucketIndex(key: string): number {
    return fnv32(key) & (this.buckets.length - 1);
  }

  private bucketOf(key: string, create: boolean): string[] {
    const index = this.bucketIndex(key);
    let chain = this.buckets[index];
    if (chain === undefined) {
      assert(create, 'a stored key has a bucket');
      chain = [];
      this.buckets[index] = chain;
    }
    return chain;
  }

  private shrinkIfSparse(): void {
    const used = this.values.size;
    if (this.buckets.length <= BUCKETS_INITIAL) return;
    if ((used * 100) / this.buckets.length >= FILL_PERCENT_MIN) return;
    this.rebuild(nextPowerOfTwo(used));
  }

  private rebuild(bucketCount: number): void {
    const keysInOrder = [...this.keys()];
    this.buckets = new Array<string[] | undefined>(bucketCount);
    for (const key of keysInOrder) this.bucketOf(key, true).push(key);
  }
}
