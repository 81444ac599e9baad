import { assert } from '../../core/assert.js';

/** The integer widths of Redis's intset encoding (INTSET_ENC_INT16/32/64), in bytes. */
export type IntsetWidthBytes = 2 | 4 | 8;

function widthFor(value: bigint): IntsetWidthBytes {
  if (value >= -32768n && value <= 32767n) return 2;
  if (value >= -2147483648n && value <= 2147483647n) return 4;
  return 8;
}

/**
 * Redis's intset: distinct signed 64-bit integers kept sorted ascending, with
 * binary search for lookups and O(n) inserts and removals (the array moves, as
 * the C memmove does). The width only grows (an upgrade is never undone by a
 * removal), which the RDB writer needs to reproduce the blob exactly.
 */
export class Intset {
  private values: bigint[];
  private width: IntsetWidthBytes;

  constructor(values: readonly bigint[] = [], width: IntsetWidthBytes = 2) {
    this.values = [];
    this.width = width;
    for (const value of values) this.add(value);
  }

  get length(): number {
    return this.values.length;
  }

  widthBytes(): IntsetWidthBytes {
    return this.width;
  }

  /** Index of `value`, or -(insertion point) - 1 when absent; counts probes in `probes`. */
  search(value: bigint, probes?: (count: number) => void): number {
    let low = 0;
    let high = this.values.length - 1;
    let visited = 0;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const current = this.values[middle] as bigint;
      visited++;
      if (current === value) {
        probes?.(visited);
        return middle;
      }
      if (current < value) low = middle + 1;
      else high = middle - 1;
    }
    probes?.(visited);
    return -low - 1;
  }

  has(value: bigint, probes?: (count: number) => void): boolean {
    return this.search(value, probes) >= 0;
  }

  /** Adds `value`; false if it was already there. */
  add(value: bigint, probes?: (count: number) => void): boolean {
    const found = this.search(value, probes);
    if (found >= 0) return false;
    const neededWidth = widthFor(value);
    if (neededWidth > this.width) this.width = neededWidth;
    this.values.splice(-found - 1, 0, value);
    return true;
  }

  /** Removes `value`; false if it was not there. */
  remove(value: bigint, probes?: (count: number) => void): boolean {
    const found = this.search(value, probes);
    if (found < 0) return false;
    this.values.splice(found, 1);
    return true;
  }

  at(index: number): bigint {
    assert(index >= 0 && index < this.values.length, 'intset index in range');
    return this.values[index] as bigint;
  }

  /** Ascending order. */
  [Symbol.iterator](): IterableIterator<bigint> {
    return this.values[Symbol.iterator]();
  }

  clone(): Intset {
    const copy = new Intset([], this.width);
    copy.values = this.values.slice();
    return copy;
  }
}
