import type { SimEvent } from './sim-event.js';

function isEarlier(left: SimEvent, right: SimEvent): boolean {
  return left.timeUs < right.timeUs || (left.timeUs === right.timeUs && left.seq < right.seq);
}

/** A binary min-heap of events keyed `(timeUs, seq)`. */
export class EventHeap {
  private readonly items: SimEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): SimEvent | undefined {
    return this.items[0];
  }

  push(event: SimEvent): void {
    const items = this.items;
    let index = items.length;
    items.push(event);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex] as SimEvent;
      if (!isEarlier(event, parent)) break;
      items[index] = parent;
      index = parentIndex;
    }
    items[index] = event;
  }

  pop(): SimEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    this.siftDown(last);
    return top;
  }

  private siftDown(event: SimEvent): void {
    const items = this.items;
    const length = items.length;
    let index = 0;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= length) break;
      const rightIndex = leftIndex + 1;
      let childIndex = leftIndex;
      let child = items[leftIndex] as SimEvent;
      if (rightIndex < length) {
        const right = items[rightIndex] as SimEvent;
        if (isEarlier(right, child)) {
          childIndex = rightIndex;
          child = right;
        }
      }
      if (!isEarlier(child, event)) break;
      items[index] = child;
      index = childIndex;
    }
    items[index] = event;
  }
}
