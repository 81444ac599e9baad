import { assert } from '../../core/assert.js';
import type { ListEncoding, ListObject } from '../keyspace/object.js';
import { Deque } from './list-deque.js';

/** LIST_HEAD / LIST_TAIL of t_list.c: which end a push, pop or move works on. */
export type ListEnd = 'head' | 'tail';

/**
 * A Redis 7.0 list. Redis always encodes lists as a quicklist (OBJECT
 * ENCODING "quicklist"); here a ring-buffer deque gives the same costs that
 * matter: O(1) pushes and pops at both ends, fast indexing and ranges.
 * Elements are binary-safe Buffers, owned by the list (callers pass copies
 * they will not mutate).
 */
export class ListValue implements ListObject {
  readonly type = 'list';
  private readonly elements: Deque<Buffer>;

  constructor(elements: Iterable<Buffer> = []) {
    this.elements = Deque.from(elements);
  }

  encoding(): ListEncoding {
    return 'quicklist';
  }

  length(): number {
    return this.elements.length;
  }

  toArray(): Buffer[] {
    return this.elements.toArray();
  }

  clone(): ListValue {
    return new ListValue(this.elements.toArray().map((element) => Buffer.from(element)));
  }

  push(element: Buffer, end: ListEnd): void {
    if (end === 'head') this.elements.pushFront(element);
    else this.elements.pushBack(element);
  }

  /** listTypePop: undefined on an empty list. */
  pop(end: ListEnd): Buffer | undefined {
    return end === 'head' ? this.elements.popFront() : this.elements.popBack();
  }

  /**
   * The element at a Redis index (negative counts from the tail), or
   * undefined when out of range (quicklistGetIteratorEntryAtIdx).
   */
  at(index: number): Buffer | undefined {
    const position = this.positionOf(index);
    return position === undefined ? undefined : this.elements.get(position);
  }

  /** quicklistReplaceAtIndex: false when the index is out of range. */
  replaceAt(index: number, element: Buffer): boolean {
    const position = this.positionOf(index);
    if (position === undefined) return false;
    this.elements.set(position, element);
    return true;
  }

  /** The 0-based position of the first element equal to `pivot`, or -1. */
  indexOf(pivot: Buffer): number {
    for (let position = 0; position < this.elements.length; position++) {
      if (this.elements.get(position).equals(pivot)) return position;
    }
    return -1;
  }

  /** Inserts so that `element` ends up at `position` (0..length). */
  insertAt(position: number, element: Buffer): void {
    this.elements.insert(position, element);
  }

  /** Elements at positions [start, end] (0-based, inclusive, already clamped), head to tail. */
  range(start: number, end: number): Buffer[] {
    assert(start >= 0 && end < this.elements.length && start <= end + 1, 'a list range is clamped');
    return this.elements.slice(start, end + 1);
  }

  /** Removes `count` elements starting at position `start` (quicklistDelRange with clamped arguments). */
  removeRange(start: number, count: number): void {
    this.elements.removeRange(start, count);
  }

  /**
   * LREM's loop: removes up to `limit` elements equal to `element` (0 = all),
   * scanning from the head, or from the tail when `fromTail`. Returns how
   * many went and how many elements were looked at.
   */
  removeMatching(element: Buffer, limit: number, fromTail: boolean): { removed: number; visited: number } {
    const length = this.elements.length;
    const doomed = new Set<number>();
    let visited = 0;
    for (let step = 0; step < length; step++) {
      const position = fromTail ? length - 1 - step : step;
      visited++;
      if (!this.elements.get(position).equals(element)) continue;
      doomed.add(position);
      if (limit !== 0 && doomed.size === limit) break;
    }
    if (doomed.size > 0) this.elements.retain((_, position) => !doomed.has(position));
    return { removed: doomed.size, visited };
  }

  private positionOf(index: number): number | undefined {
    const length = this.elements.length;
    const position = index < 0 ? length + index : index;
    if (!Number.isInteger(position) || position < 0 || position >= length) return undefined;
    return position;
  }
}

/** A list holding `elements` head to tail (RDB loading, RESTORE, tests). */
export function createListFromElements(elements: Iterable<Buffer>): ListValue {
  return new ListValue(elements);
}

/** The list class behind a ListObject (every list in the keyspace is one). */
export function asListValue(list: ListObject): ListValue {
  assert(list instanceof ListValue, 'every list object is a ListValue');
  return list;
}
