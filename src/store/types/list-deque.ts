import { assert } from '../../core/assert.js';

const CAPACITY_MIN = 8;

/**
 * A double-ended queue over a power-of-two ring buffer: pushes and pops at
 * either end are O(1) amortized, indexing is O(1), inserting or removing in
 * the middle moves the shorter side only. The buffer shrinks when it is
 * less than a quarter full, so memory follows the length.
 */
export class Deque<T> {
  private slots: (T | undefined)[] = new Array<T | undefined>(CAPACITY_MIN);
  private head = 0;
  private count = 0;

  static from<T>(items: Iterable<T>): Deque<T> {
    const deque = new Deque<T>();
    for (const item of items) deque.pushBack(item);
    return deque;
  }

  get length(): number {
    return this.count;
  }

  /** The item at `index` (0 = head); `index` must be in range. */
  get(index: number): T {
    assert(Number.isInteger(index) && index >= 0 && index < this.count, 'a deque index is in range');
    return this.slots[this.slotOf(index)] as T;
  }

  set(index: number, item: T): void {
    assert(Number.isInteger(index) && index >= 0 && index < this.count, 'a deque index is in range');
    this.slots[this.slotOf(index)] = item;
  }

  pushFront(item: T): void {
    this.growIfFull();
    this.head = (this.head - 1) & this.mask();
    this.slots[this.head] = item;
    this.count++;
  }

  pushBack(item: T): void {
    this.growIfFull();
    this.slots[this.slotOf(this.count)] = item;
    this.count++;
  }

  popFront(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head] as T;
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & this.mask();
    this.count--;
    this.shrinkIfSparse();
    return item;
  }

  popBack(): T | undefined {
    if (this.count === 0) return undefined;
    const slot = this.slotOf(this.count - 1);
    const item = this.slots[slot] as T;
    this.slots[slot] = undefined;
    this.count--;
    this.shrinkIfSparse();
    return item;
  }

  /** Inserts so that the item ends up at `index` (0..length). */
  insert(index: number, item: T): void {
    assert(Number.isInteger(index) && index >= 0 && index <= this.count, 'an insert position is in range');
    if (index < this.count - index) {
      this.pushFront(item);
      for (let position = 0; position < index; position++) this.set(position, this.get(position + 1));
    } else {
      this.pushBack(item);
      for (let position = this.count - 1; position > index; position--) this.set(position, this.get(position - 1));
    }
    this.set(index, item);
  }

  /** Removes `removeCount` items starting at `start`; the shorter side moves. */
  removeRange(start: number, removeCount: number): void {
    assert(Number.isInteger(start) && Number.isInteger(removeCount), 'a removed range is whole');
    assert(start >= 0 && removeCount >= 0 && start + removeCount <= this.count, 'a removed range is inside the deque');
    if (removeCount === 0) return;
    const after = this.count - start - removeCount;
    if (start < after) {
      for (let position = start - 1; position >= 0; position--) this.set(position + removeCount, this.get(position));
      for (let removed = 0; removed < removeCount; removed++) this.dropFront();
    } else {
      for (let position = start + removeCount; position < this.count; position++) this.set(position - removeCount, this.get(position));
      for (let removed = 0; removed < removeCount; removed++) this.dropBack();
    }
    this.shrinkIfSparse();
  }

  /** Keeps the items for which `keep` is true, in order; returns how many went. */
  retain(keep: (item: T, index: number) => boolean): number {
    let written = 0;
    const before = this.count;
    for (let index = 0; index < before; index++) {
      const item = this.get(index);
      if (!keep(item, index)) continue;
      if (written !== index) this.set(written, item);
      written++;
    }
    while (this.count > written) this.dropBack();
    this.shrinkIfSparse();
    return before - written;
  }

  /** Items head to tail. */
  toArray(): T[] {
    return this.slice(0, this.count);
  }

  /** Items in [start, end) head to tail. */
  slice(start: number, end: number): T[] {
    assert(start >= 0 && end <= this.count, 'a slice is inside the deque');
    const items: T[] = [];
    for (let index = start; index < end; index++) items.push(this.slots[this.slotOf(index)] as T);
    return items;
  }

  /** The capacity of the ring (for tests of the shrink rule). */
  capacity(): number {
    return this.slots.length;
  }

  private dropFront(): void {
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & this.mask();
    this.count--;
  }

  private dropBack(): void {
    this.slots[this.slotOf(this.count - 1)] = undefined;
    this.count--;
  }

  private mask(): number {
    return this.slots.length - 1;
  }

  private slotOf(index: number): number {
    return (this.head + index) & this.mask();
  }

  private growIfFull(): void {
    if (this.count < this.slots.length) return;
    this.resize(this.slots.length * 2);
  }

  private shrinkIfSparse(): void {
    if (this.slots.length <= CAPACITY_MIN || this.count * 4 > this.slots.length) return;
    this.resize(Math.max(CAPACITY_MIN, this.slots.length / 2));
  }

  private resize(capacity: number): void {
    assert(capacity >= this.count, 'a resized ring holds every item');
    const items = this.toArray();
    this.slots = new Array<T | undefined>(capacity);
    for (let index = 0; index < items.length; index++) this.slots[index] = items[index];
    this.head = 0;
  }
}
