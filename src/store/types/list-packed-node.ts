import { assert } from '../../core/assert.js';
import { slabView } from './slab-bytes.js';

const BYTES_INITIAL = 32;
const SLOTS_INITIAL = 4;

/** Elements shorter than this are copied byte by byte (cheaper than a native copy call for a few bytes). */
const LOOP_COPY_BYTES_MAX = 16;

function copyInto(target: Uint8Array, at: number, data: Uint8Array): void {
  const length = data.length;
  if (length > LOOP_COPY_BYTES_MAX) {
    target.set(data, at);
    return;
  }
  for (let index = 0; index < length; index++) target[at + index] = data[index] as number;
}

/** Sees elements' bytes in place: `bytes[begin, begin + length)`, valid only during the call. */
export interface ElementVisitor {
  element(bytes: Uint8Array, begin: number, length: number): void;
}

/** Which end of a node grows: a node filled by LPUSH keeps its free room in front. */
export type GrowSide = 'front' | 'back';

/**
 * A run of list elements packed back to back in one byte buffer (the role a
 * listpack plays in a Redis quicklist node): one element costs its bytes plus
 * a 4-byte start offset, instead of a Buffer object each. The used region
 * sits inside a larger buffer with free room at both ends, so pushes and
 * pops at either end are O(1) amortized; changes in the middle rebuild the
 * node (O(node), as a listpack insert moves its tail).
 *
 * Elements read out are views of the node's bytes, valid until the node
 * changes; pops return copies.
 */
export class PackedNode {
  private buffer: ArrayBuffer;
  private bytes: Uint8Array;
  private byteStart: number;
  private byteEnd: number;
  /** Element start offsets in `bytes`, elements in slots [first, first + count). */
  private starts: Int32Array;
  private first: number;
  private count = 0;

  /** An empty node with room for `bytesExpected` at the side that will grow. */
  constructor(bytesExpected: number, side: GrowSide) {
    const capacity = Math.max(BYTES_INITIAL, bytesExpected);
    this.buffer = new ArrayBuffer(capacity);
    this.bytes = new Uint8Array(this.buffer);
    this.byteStart = side === 'front' ? capacity : 0;
    this.byteEnd = this.byteStart;
    this.starts = new Int32Array(SLOTS_INITIAL);
    this.first = side === 'front' ? SLOTS_INITIAL : 0;
  }

  /** A node holding `elements` in order, sized exactly. */
  static of(elements: readonly Uint8Array[]): PackedNode {
    const node = new PackedNode(0, 'back');
    node.rebuild(elements);
    return node;
  }

  get length(): number {
    return this.count;
  }

  /** Bytes of element data held. */
  get byteLength(): number {
    return this.byteEnd - this.byteStart;
  }

  /** A view of element `index`, valid until the node changes. */
  get(index: number): Buffer {
    assert(index >= 0 && index < this.count, 'a node index is in range');
    const begin = this.starts[this.first + index] as number;
    return slabView(this.buffer, begin, this.endOf(index) - begin);
  }

  /** True when element `index` has exactly the bytes of `data` (no view made). */
  equalsAt(index: number, data: Uint8Array): boolean {
    const begin = this.starts[this.first + index] as number;
    const length = this.endOf(index) - begin;
    if (length !== data.length) return false;
    const bytes = this.bytes;
    for (let offset = 0; offset < length; offset++) {
      if (bytes[begin + offset] !== data[offset]) return false;
    }
    return true;
  }

  /** Views of elements [start, end) appended to `into`. */
  collect(start: number, end: number, into: Buffer[]): void {
    assert(start >= 0 && start <= end && end <= this.count, 'a collected node range is in range');
    for (let index = start; index < end; index++) {
      const begin = this.starts[this.first + index] as number;
      into.push(slabView(this.buffer, begin, this.endOf(index) - begin));
    }
  }

  /** Calls `visitor.element(bytes, begin, length)` for elements [start, end) in order: their bytes in place, no view made. */
  visitRange(start: number, end: number, visitor: ElementVisitor): void {
    assert(start >= 0 && start <= end && end <= this.count, 'a visited node range is in range');
    const bytes = this.bytes;
    for (let index = start; index < end; index++) {
      const begin = this.starts[this.first + index] as number;
      visitor.element(bytes, begin, this.endOf(index) - begin);
    }
  }

  /** Bytes of element data in elements [start, end) (they lie back to back). */
  rangeByteLength(start: number, end: number): number {
    assert(start >= 0 && start <= end && end <= this.count, 'a measured node range is in range');
    return start === end ? 0 : this.endOf(end - 1) - (this.starts[this.first + start] as number);
  }

  pushFront(data: Uint8Array): void {
    if (this.byteStart < data.length || this.first === 0) this.regrow(data.length, 'front');
    this.byteStart -= data.length;
    copyInto(this.bytes, this.byteStart, data);
    this.first--;
    this.starts[this.first] = this.byteStart;
    this.count++;
  }

  pushBack(data: Uint8Array): void {
    if (this.bytes.length - this.byteEnd < data.length || this.first + this.count === this.starts.length) this.regrow(data.length, 'back');
    this.starts[this.first + this.count] = this.byteEnd;
    copyInto(this.bytes, this.byteEnd, data);
    this.byteEnd += data.length;
    this.count++;
  }

  /** Removes and returns a copy of the first element. */
  popFront(): Buffer {
    assert(this.count > 0, 'popFront needs an element');
    const element = Buffer.from(this.get(0));
    this.byteStart = this.endOf(0);
    this.first++;
    this.count--;
    return element;
  }

  /** Removes and returns a copy of the last element. */
  popBack(): Buffer {
    assert(this.count > 0, 'popBack needs an element');
    const element = Buffer.from(this.get(this.count - 1));
    this.byteEnd = this.starts[this.first + this.count - 1] as number;
    this.count--;
    return element;
  }

  /** Replaces element `index` with a copy of `data` (the node is rebuilt). */
  replace(index: number, data: Uint8Array): void {
    assert(index >= 0 && index < this.count, 'a replaced node index is in range');
    const elements: Uint8Array[] = this.views();
    elements[index] = data;
    this.rebuild(elements);
  }

  /** Inserts so that `data` ends up at `index` (0..length). */
  insert(index: number, data: Uint8Array): void {
    assert(index >= 0 && index <= this.count, 'a node insert position is in range');
    if (index === 0) this.pushFront(data);
    else if (index === this.count) this.pushBack(data);
    else {
      const elements: Uint8Array[] = this.views();
      elements.splice(index, 0, data);
      this.rebuild(elements);
    }
  }

  /** Removes `removeCount` elements from `start`: at either end by moving a bound, in the middle by a rebuild. */
  removeRange(start: number, removeCount: number): void {
    assert(start >= 0 && removeCount >= 0 && start + removeCount <= this.count, 'a removed node range is in range');
    if (removeCount === 0) return;
    if (removeCount === this.count) {
      this.byteStart = this.byteEnd;
      this.count = 0;
    } else if (start === 0) {
      this.byteStart = this.starts[this.first + removeCount] as number;
      this.first += removeCount;
      this.count -= removeCount;
    } else if (start + removeCount === this.count) {
      this.byteEnd = this.starts[this.first + start] as number;
      this.count -= removeCount;
    } else {
      const elements = this.views();
      elements.splice(start, removeCount);
      this.rebuild(elements);
    }
  }

  /** Keeps the elements for which `keep(index)` is true; returns how many went. */
  retain(keep: (index: number) => boolean): number {
    const kept = this.views().filter((_, index) => keep(index));
    const removed = this.count - kept.length;
    if (removed > 0) this.rebuild(kept);
    return removed;
  }

  /** Splits off the elements from `index` on into a new node (this keeps the ones before). */
  splitAt(index: number): PackedNode {
    const elements = this.views();
    const tail = PackedNode.of(elements.slice(index));
    this.rebuild(elements.slice(0, index));
    return tail;
  }

  /** Drops the free room: a node no longer pushed to costs only its elements. */
  compact(): void {
    const wastedBytes = this.bytes.length - this.byteLength;
    const wastedSlots = this.starts.length - this.count;
    // A node compacted once and popped a little is left alone: rebuilding it again would gain little.
    if (wastedBytes * 4 <= this.byteLength && wastedSlots * 4 <= this.count) return;
    this.relocate(Math.max(this.byteLength, 1), Math.max(this.count, 1), 0, 0);
  }

  /** Views of every element (before a rebuild, which copies them out). */
  private views(): Buffer[] {
    const elements: Buffer[] = [];
    this.collect(0, this.count, elements);
    return elements;
  }

  private endOf(index: number): number {
    return index + 1 < this.count ? (this.starts[this.first + index + 1] as number) : this.byteEnd;
  }

  private rebuild(elements: readonly Uint8Array[]): void {
    let total = 0;
    for (const element of elements) total += element.length;
    this.buffer = new ArrayBuffer(Math.max(total, 1));
    this.bytes = new Uint8Array(this.buffer);
    this.starts = new Int32Array(Math.max(elements.length, 1));
    this.fill(elements, total, 0, 0);
  }

  /** Writes `elements` at `byteOffset` / slot `slot` of freshly sized storage. */
  private fill(elements: readonly Uint8Array[], total: number, byteOffset: number, slot: number): void {
    assert(byteOffset + total <= this.bytes.length && slot + elements.length <= this.starts.length, 'filled storage is large enough');
    this.byteStart = byteOffset;
    this.first = slot;
    let writeAt = byteOffset;
    for (let index = 0; index < elements.length; index++) {
      const element = elements[index] as Uint8Array;
      this.starts[slot + index] = writeAt;
      this.bytes.set(element, writeAt);
      writeAt += element.length;
    }
    this.byteEnd = writeAt;
    this.count = elements.length;
  }

  /** Moves the elements into storage twice as large as needed, the free room on `side`. */
  private regrow(bytesNeeded: number, side: GrowSide): void {
    const used = this.byteLength;
    const capacity = Math.max(BYTES_INITIAL, 2 * (used + bytesNeeded));
    const slots = Math.max(SLOTS_INITIAL, 2 * (this.count + 1));
    this.relocate(capacity, slots, side === 'front' ? capacity - used : 0, side === 'front' ? slots - this.count : 0);
  }

  /** Moves the used region, in one copy, to `byteOffset` of new storage, its offsets to slot `slot` on. */
  private relocate(capacity: number, slots: number, byteOffset: number, slot: number): void {
    const used = this.byteLength;
    assert(byteOffset + used <= capacity && slot + this.count <= slots, 'relocated storage is large enough');
    const buffer = new ArrayBuffer(capacity);
    const bytes = new Uint8Array(buffer);
    bytes.set(this.bytes.subarray(this.byteStart, this.byteEnd), byteOffset);
    const starts = new Int32Array(slots);
    const shift = byteOffset - this.byteStart;
    for (let index = 0; index < this.count; index++) starts[slot + index] = (this.starts[this.first + index] as number) + shift;
    this.buffer = buffer;
    this.bytes = bytes;
    this.starts = starts;
    this.byteStart = byteOffset;
    this.byteEnd = byteOffset + used;
    this.first = slot;
  }
}
