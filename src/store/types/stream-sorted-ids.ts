import { compareStreamIds, type StreamId } from './stream-id.js';

/**
 * Values kept in ascending stream-ID order (the rax trees of stream.h:
 * entries, a group's PEL, a consumer's PEL). A sorted array with binary
 * search: appends at the end are O(1), other inserts and deletes O(n).
 */
export class SortedIds<T> {
  private ids: StreamId[] = [];
  private values: T[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The index of the first ID >= `id` (size when none). */
  lowerBound(id: StreamId): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareStreamIds(this.ids[middle] as StreamId, id) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The index of the first ID > `id`. */
  upperBound(id: StreamId): number {
    const index = this.lowerBound(id);
    return index < this.ids.length && compareStreamIds(this.ids[index] as StreamId, id) === 0 ? index + 1 : index;
  }

  get(id: StreamId): T | undefined {
    const index = this.lowerBound(id);
    if (index >= this.ids.length || compareStreamIds(this.ids[index] as StreamId, id) !== 0) return undefined;
    return this.values[index];
  }

  has(id: StreamId): boolean {
    return this.get(id) !== undefined;
  }

  /** Inserts or replaces. */
  set(id: StreamId, value: T): void {
    const index = this.lowerBound(id);
    if (index < this.ids.length && compareStreamIds(this.ids[index] as StreamId, id) === 0) {
      this.values[index] = value;
      return;
    }
    this.ids.splice(index, 0, id);
    this.values.splice(index, 0, value);
  }

  delete(id: StreamId): boolean {
    const index = this.lowerBound(id);
    if (index >= this.ids.length || compareStreamIds(this.ids[index] as StreamId, id) !== 0) return false;
    this.ids.splice(index, 1);
    this.values.splice(index, 1);
    return true;
  }

  /** Removes the first `count` items. */
  deleteFirst(count: number): void {
    this.ids.splice(0, count);
    this.values.splice(0, count);
  }

  idAt(index: number): StreamId {
    return this.ids[index] as StreamId;
  }

  valueAt(index: number): T {
    return this.values[index] as T;
  }

  first(): StreamId | undefined {
    return this.ids[0];
  }

  last(): StreamId | undefined {
    return this.ids[this.ids.length - 1];
  }

  /** Items with start <= id <= end, ascending (or descending when `reverse`). */
  *range(start: StreamId, end: StreamId, reverse = false): Generator<readonly [StreamId, T]> {
    const from = this.lowerBound(start);
    const to = this.upperBound(end);
    if (reverse) {
      for (let index = to - 1; index >= from; index--) yield [this.ids[index] as StreamId, this.values[index] as T];
    } else {
      for (let index = from; index < to; index++) yield [this.ids[index] as StreamId, this.values[index] as T];
    }
  }

  *[Symbol.iterator](): Generator<readonly [StreamId, T]> {
    for (let index = 0; index < this.ids.length; index++) yield [this.ids[index] as StreamId, this.values[index] as T];
  }
}
