import { assert } from '../../core/assert.js';
import { Deque } from './list-deque.js';
import { type ElementVisitor, PackedNode } from './list-packed-node.js';

/**
 * list-max-listpack-size -2 (the default): a node takes elements until it
 * would pass 8 KB. The listpack of a Redis node also spends about two bytes
 * per element on its entry header and back-length; counting them keeps our
 * nodes about as long as Redis's.
 */
const NODE_BYTES_MAX = 8 * 1024;
const ENTRY_OVERHEAD_BYTES = 2;
/** A node grown past this by inserts in the middle is split in two. */
const NODE_BYTES_SPLIT = 2 * NODE_BYTES_MAX;

function nodeSizeBytes(node: PackedNode): number {
  return node.byteLength + ENTRY_OVERHEAD_BYTES * node.length;
}

/** _quicklistNodeAllowInsert: an element joins a node while the node stays within the limit. */
function nodeAccepts(node: PackedNode, data: Uint8Array): boolean {
  return nodeSizeBytes(node) + data.length + ENTRY_OVERHEAD_BYTES <= NODE_BYTES_MAX;
}

/**
 * A quicklist: a deque of packed nodes. Pushes and pops at either end are
 * O(1) amortized; indexing walks the nodes from the nearer end, then jumps
 * inside the node; changes in the middle touch one node.
 */
export class Quicklist {
  private readonly nodes = new Deque<PackedNode>();
  private count = 0;
  /** Where `locate` found its index (fields, to spare an object per lookup). */
  private foundNode = 0;
  private foundOffset = 0;

  get length(): number {
    return this.count;
  }

  /** How many nodes hold the elements (for tests and DEBUG-style reports). */
  nodeCount(): number {
    return this.nodes.length;
  }

  pushFront(data: Uint8Array): void {
    let node = this.nodes.length > 0 ? this.nodes.get(0) : undefined;
    if (node === undefined || !nodeAccepts(node, data)) {
      node?.compact();
      node = new PackedNode(data.length, 'front');
      this.nodes.pushFront(node);
    }
    node.pushFront(data);
    this.count++;
  }

  pushBack(data: Uint8Array): void {
    let node = this.nodes.length > 0 ? this.nodes.get(this.nodes.length - 1) : undefined;
    if (node === undefined || !nodeAccepts(node, data)) {
      node?.compact();
      node = new PackedNode(data.length, 'back');
      this.nodes.pushBack(node);
    }
    node.pushBack(data);
    this.count++;
  }

  /** A copy of the first element, removed; undefined when empty. */
  popFront(): Buffer | undefined {
    if (this.count === 0) return undefined;
    const node = this.nodes.get(0);
    const element = node.popFront();
    if (node.length === 0) this.nodes.popFront();
    this.count--;
    return element;
  }

  /** A copy of the last element, removed; undefined when empty. */
  popBack(): Buffer | undefined {
    if (this.count === 0) return undefined;
    const node = this.nodes.get(this.nodes.length - 1);
    const element = node.popBack();
    if (node.length === 0) this.nodes.popBack();
    this.count--;
    return element;
  }

  /** A view of the element at `index` (0-based, in range), valid until the list changes. */
  get(index: number): Buffer {
    this.locate(index);
    return this.nodes.get(this.foundNode).get(this.foundOffset);
  }

  /** Replaces the element at `index` (in range) with a copy of `data`. */
  set(index: number, data: Uint8Array): void {
    this.locate(index);
    const node = this.nodes.get(this.foundNode);
    node.replace(this.foundOffset, data);
    this.splitIfOversized(this.foundNode);
  }

  /** Inserts a copy of `data` so that it ends up at `position` (0..length). */
  insert(position: number, data: Uint8Array): void {
    assert(Number.isInteger(position) && position >= 0 && position <= this.count, 'an insert position is in range');
    if (position === 0) {
      this.pushFront(data);
      return;
    }
    if (position === this.count) {
      this.pushBack(data);
      return;
    }
    this.locate(position);
    this.nodes.get(this.foundNode).insert(this.foundOffset, data);
    this.count++;
    this.splitIfOversized(this.foundNode);
  }

  /** Views of the elements at positions [start, end) head to tail, valid until the list changes. */
  slice(start: number, end: number): Buffer[] {
    assert(start >= 0 && start <= end && end <= this.count, 'a slice is inside the list');
    const elements: Buffer[] = [];
    if (start === end) return elements;
    this.locate(start);
    let offset = this.foundOffset;
    for (let nodeIndex = this.foundNode; elements.length < end - start; nodeIndex++) {
      const node = this.nodes.get(nodeIndex);
      const take = Math.min(node.length - offset, end - start - elements.length);
      node.collect(offset, offset + take, elements);
      offset = 0;
    }
    return elements;
  }

  /**
   * Visits the elements at positions [start, end) head to tail, their bytes
   * in place; returns how many bytes of element data they hold.
   */
  visitRange(start: number, end: number, visitor: ElementVisitor | undefined): number {
    assert(start >= 0 && start <= end && end <= this.count, 'a visited range is inside the list');
    if (start === end) return 0;
    this.locate(start);
    let offset = this.foundOffset;
    let remaining = end - start;
    let dataBytes = 0;
    for (let nodeIndex = this.foundNode; remaining > 0; nodeIndex++) {
      const node = this.nodes.get(nodeIndex);
      const take = Math.min(node.length - offset, remaining);
      if (visitor === undefined) dataBytes += node.rangeByteLength(offset, offset + take);
      else node.visitRange(offset, offset + take, visitor);
      remaining -= take;
      offset = 0;
    }
    return dataBytes;
  }

  /** Removes `removeCount` elements from position `start`. */
  removeRange(start: number, removeCount: number): void {
    assert(Number.isInteger(start) && Number.isInteger(removeCount), 'a removed range is whole');
    assert(start >= 0 && removeCount >= 0 && start + removeCount <= this.count, 'a removed range is inside the list');
    if (removeCount === 0) return;
    this.locate(start);
    let nodeIndex = this.foundNode;
    let offset = this.foundOffset;
    let remaining = removeCount;
    while (remaining > 0) {
      const node = this.nodes.get(nodeIndex);
      const take = Math.min(node.length - offset, remaining);
      node.removeRange(offset, take);
      remaining -= take;
      if (node.length === 0) this.nodes.removeRange(nodeIndex, 1);
      else nodeIndex++;
      offset = 0;
    }
    this.count -= removeCount;
  }

  /**
   * Walks at most `scanLimit` elements from the head (or the tail), calling
   * `onMatch(position)` for each one equal to `data` until it returns
   * false. Returns how many elements were looked at.
   */
  forEachMatch(data: Uint8Array, fromTail: boolean, scanLimit: number, onMatch: (position: number) => boolean): number {
    const nodeCount = this.nodes.length;
    let visited = 0;
    let position = fromTail ? this.count - 1 : 0;
    for (let step = 0; step < nodeCount && visited < scanLimit; step++) {
      const node = this.nodes.get(fromTail ? nodeCount - 1 - step : step);
      for (let inNode = 0; inNode < node.length && visited < scanLimit; inNode++) {
        const offset = fromTail ? node.length - 1 - inNode : inNode;
        visited++;
        const matched = node.equalsAt(offset, data);
        if (matched && !onMatch(position)) return visited;
        position += fromTail ? -1 : 1;
      }
    }
    return visited;
  }

  /**
   * Removes up to `limit` elements equal to `data` (0 = all), scanning from
   * the head, or from the tail when `fromTail`. Returns how many went and
   * how many elements were looked at.
   */
  removeMatching(data: Uint8Array, limit: number, fromTail: boolean): { removed: number; visited: number } {
    const nodeCount = this.nodes.length;
    let removed = 0;
    let visited = 0;
    for (let step = 0; step < nodeCount && (limit === 0 || removed < limit); step++) {
      const node = this.nodes.get(fromTail ? nodeCount - 1 - step : step);
      const doomed = new Set<number>();
      for (let inNode = 0; inNode < node.length; inNode++) {
        const offset = fromTail ? node.length - 1 - inNode : inNode;
        visited++;
        if (!node.equalsAt(offset, data)) continue;
        doomed.add(offset);
        removed++;
        if (limit !== 0 && removed === limit) break;
      }
      if (doomed.size > 0) node.retain((offset) => !doomed.has(offset));
    }
    if (removed > 0) this.nodes.retain((node) => node.length > 0);
    this.count -= removed;
    return { removed, visited };
  }

  /** Copies of every element, head to tail. */
  toArray(): Buffer[] {
    return this.slice(0, this.count).map((view) => Buffer.from(view));
  }

  /** An independent copy, node for node. */
  clone(): Quicklist {
    const copy = new Quicklist();
    for (let index = 0; index < this.nodes.length; index++) {
      const elements: Buffer[] = [];
      const node = this.nodes.get(index);
      node.collect(0, node.length, elements);
      copy.nodes.pushBack(PackedNode.of(elements));
    }
    copy.count = this.count;
    return copy;
  }

  /** Sets foundNode/foundOffset to where element `index` is, walking from the nearer end. */
  private locate(index: number): void {
    assert(Number.isInteger(index) && index >= 0 && index < this.count, 'a list index is in range');
    if (index < this.count / 2) {
      let remaining = index;
      for (let nodeIndex = 0; ; nodeIndex++) {
        const length = this.nodes.get(nodeIndex).length;
        if (remaining < length) return this.found(nodeIndex, remaining);
        remaining -= length;
      }
    }
    let remaining = this.count - 1 - index;
    for (let nodeIndex = this.nodes.length - 1; ; nodeIndex--) {
      const length = this.nodes.get(nodeIndex).length;
      if (remaining < length) return this.found(nodeIndex, length - 1 - remaining);
      remaining -= length;
    }
  }

  private found(nodeIndex: number, offset: number): void {
    this.foundNode = nodeIndex;
    this.foundOffset = offset;
  }

  private splitIfOversized(nodeIndex: number): void {
    const node = this.nodes.get(nodeIndex);
    if (node.length < 2 || nodeSizeBytes(node) <= NODE_BYTES_SPLIT) return;
    this.nodes.insert(nodeIndex + 1, node.splitAt(node.length >> 1));
  }
}
