import { assert } from '../../core/assert.js';
import type { SearchCall } from './search-call.js';

/**
 * The doubly-linked list of call and return entries of Lowe's algorithm, in
 * typed arrays. Node `c` (0 <= c < n) is the call entry of search call `c`,
 * node `n + c` its return entry; `head` and `tail` are sentinels. Lifting a
 * call removes both of its entries; unlifting (in reverse order) puts them back.
 */
export class EntryList {
  readonly head: number;
  readonly tail: number;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;

  constructor(
    calls: readonly SearchCall<unknown>[],
    readonly size: number,
  ) {
    assert(calls.length === size, 'one call entry per search call');
    this.head = 2 * size;
    this.tail = 2 * size + 1;
    this.next = new Int32Array(2 * size + 2);
    this.previous = new Int32Array(2 * size + 2);
    let last = this.head;
    for (const node of orderedNodes(calls)) {
      this.next[last] = node;
      this.previous[node] = last;
      last = node;
    }
    this.next[last] = this.tail;
    this.previous[this.tail] = last;
  }

  first(): number {
    return this.next[this.head] ?? this.tail;
  }

  after(node: number): number {
    return this.next[node] ?? this.tail;
  }

  isCall(node: number): boolean {
    return node < this.size;
  }

  lift(call: number): void {
    this.unlink(call);
    this.unlink(call + this.size);
  }

  unlift(call: number): void {
    this.relink(call + this.size);
    this.relink(call);
  }

  private unlink(node: number): void {
    const before = this.previous[node] ?? this.head;
    const after = this.next[node] ?? this.tail;
    this.next[before] = after;
    this.previous[after] = before;
  }

  private relink(node: number): void {
    const before = this.previous[node] ?? this.head;
    const after = this.next[node] ?? this.tail;
    this.next[before] = node;
    this.previous[after] = node;
  }
}

/** Call and return nodes by history position; at equal positions calls go first (concurrency is the permissive reading). */
function orderedNodes(calls: readonly SearchCall<unknown>[]): number[] {
  const size = calls.length;
  const positionOf = (node: number): number => {
    const call = calls[node < size ? node : node - size];
    assert(call !== undefined, 'a node belongs to a call');
    return node < size ? call.invokePosition : call.returnPosition;
  };
  const nodes = Array.from({ length: 2 * size }, (_, node) => node);
  return nodes.sort((left, right) => {
    const byPosition = positionOf(left) - positionOf(right);
    if (byPosition !== 0 && !Number.isNaN(byPosition)) return byPosition;
    const leftIsCall = left < size ? 0 : 1;
    const rightIsCall = right < size ? 0 : 1;
    return leftIsCall - rightIsCall || left - right;
  });
}
