import { assert } from '../../core/assert.js';
import type { ListEncoding, ListObject } from '../keyspace/object.js';
import type { ElementVisitor } from './list-packed-node.js';
import { Quicklist } from './list-quicklist.js';

/** LIST_HEAD / LIST_TAIL of t_list.c: which end a push, pop or move works on. */
export type ListEnd = 'head' | 'tail';

/**
 * A Redis 7.0 list: a quicklist (OBJECT ENCODING "quicklist") of packed
 * nodes of up to 8 KB, as list-max-listpack-size -2 makes Redis's, so a
 * long list costs a few bytes per element beyond the elements themselves.
 * Elements are binary-safe; pushes copy the caller's bytes in, pops return
 * copies, and reads (`at`, `range`) return views that stay valid only until
 * the list changes next (reply writers copy them at once).
 */
export class ListValue implements ListObject {
  readonly type = 'list';
  private readonly elements: Quicklist;

  constructor(elements: Iterable<Uint8Array> = [], quicklist?: Quicklist) {
    this.elements = quicklist ?? new Quicklist();
    for (const element of elements) this.elements.pushBack(element);
  }

  encoding(): ListEncoding {
    return 'quicklist';
  }

  length(): number {
    return this.elements.length;
  }

  /** Copies of the elements, head to tail. */
  toArray(): Buffer[] {
    return this.elements.toArray();
  }

  clone(): ListValue {
    return new ListValue([], this.elements.clone());
  }

  /** Pushes a copy of `element`. */
  push(element: Uint8Array, end: ListEnd): void {
    if (end === 'head') this.elements.pushFront(element);
    else this.elements.pushBack(element);
  }

  /** listTypePop: undefined on an empty list. */
  pop(end: ListEnd): Buffer | undefined {
    return end === 'head' ? this.elements.popFront() : this.elements.popBack();
  }

  /**
   * A view of the element at a Redis index (negative counts from the tail),
   * or undefined when out of range (quicklistGetIteratorEntryAtIdx).
   */
  at(index: number): Buffer | undefined {
    const position = this.positionOf(index);
    return position === undefined ? undefined : this.elements.get(position);
  }

  /** quicklistReplaceAtIndex with a copy of `element`: false when the index is out of range. */
  replaceAt(index: number, element: Uint8Array): boolean {
    const position = this.positionOf(index);
    if (position === undefined) return false;
    this.elements.set(position, element);
    return true;
  }

  /** The 0-based position of the first element equal to `pivot`, or -1. */
  indexOf(pivot: Uint8Array): number {
    let found = -1;
    this.elements.forEachMatch(pivot, false, this.elements.length, (position) => {
      found = position;
      return false;
    });
    return found;
  }

  /**
   * Walks at most `scanLimit` elements from the head (or the tail), calling
   * `onMatch(position)` for each one equal to `element` until it returns
   * false; returns how many elements were looked at (LPOS).
   */
  forEachMatch(element: Uint8Array, fromTail: boolean, scanLimit: number, onMatch: (position: number) => boolean): number {
    return this.elements.forEachMatch(element, fromTail, scanLimit, onMatch);
  }

  /** Inserts a copy of `element` so that it ends up at `position` (0..length). */
  insertAt(position: number, element: Uint8Array): void {
    this.elements.insert(position, element);
  }

  /** Views of the elements at positions [start, end] (0-based, inclusive, already clamped), head to tail. */
  range(start: number, end: number): Buffer[] {
    assert(start >= 0 && end < this.elements.length && start <= end + 1, 'a list range is clamped');
    return this.elements.slice(start, end + 1);
  }

  /**
   * Visits the elements at positions [start, end] (0-based, inclusive, already
   * clamped) head to tail, their bytes in place (no Buffer per element).
   */
  visitRange(start: number, end: number, visitor: ElementVisitor): void {
    assert(start >= 0 && end < this.elements.length && start <= end + 1, 'a list range is clamped');
    this.elements.visitRange(start, end + 1, visitor);
  }

  /** Bytes of element data at positions [start, end] (inclusive, already clamped). */
  rangeByteLength(start: number, end: number): number {
    assert(start >= 0 && end < this.elements.length && start <= end + 1, 'a list range is clamped');
    return this.elements.visitRange(start, end + 1, undefined);
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
  removeMatching(element: Uint8Array, limit: number, fromTail: boolean): { removed: number; visited: number } {
    return this.elements.removeMatching(element, limit, fromTail);
  }

  private positionOf(index: number): number | undefined {
    const length = this.elements.length;
    const position = index < 0 ? length + index : index;
    if (!Number.isInteger(position) || position < 0 || position >= length) return undefined;
    return position;
  }
}

/** A list holding copies of `elements` head to tail (RDB loading, RESTORE, SORT STORE, tests). */
export function createListFromElements(elements: Iterable<Uint8Array>): ListValue {
  return new ListValue(elements);
}

/** The list class behind a ListObject (every list in the keyspace is one). */
export function asListValue(list: ListObject): ListValue {
  assert(list instanceof ListValue, 'every list object is a ListValue');
  return list;
}
