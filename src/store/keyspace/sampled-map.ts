import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';

/**
 * A Map that can also pick a uniformly random entry in O(1): the keys are
 * kept in a dense array too (removal swaps the last one into the hole). It
 * stands in for Redis's dict where Redis samples random entries (RANDOMKEY,
 * the active expire cycle); iteration follows insertion order.
 */
export class SampledMap<V> {
  private readonly entries = new Map<string, { value: V; slot: number }>();
  private readonly slots: string[] = [];

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      entry.value = value;
      return;
    }
    this.entries.set(key, { value, slot: this.slots.length });
    this.slots.push(key);
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry === undefined) return false;
    const lastKey = this.slots.pop();
    assert(lastKey !== undefined, 'a present key has a slot');
    if (lastKey !== key) {
      this.slots[entry.slot] = lastKey;
      const moved = this.entries.get(lastKey);
      assert(moved !== undefined, 'every slot names a present key');
      moved.slot = entry.slot;
    }
    this.entries.delete(key);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.slots.length = 0;
  }

  /** A uniformly random key, or undefined when empty. */
  randomKey(rng: Prng): string | undefined {
    if (this.slots.length === 0) return undefined;
    return this.slots[rng.int(this.slots.length)];
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const [key, entry] of this.entries) yield [key, entry.value];
  }
}
