import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/sim/event-heap.js';
import { eventKind } from '../../src/sim/event-kind.js';
import { SimEvent, WORLD_HOST_INDEX } from '../../src/sim/sim-event.js';

const kind = eventKind('test.heap');

describe('EventHeap', () => {
  it('pops events in (time, seq) order whatever the push order, interleaved with pops', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 200 }), (operations) => {
        const heap = new EventHeap();
        const reference: SimEvent[] = [];
        let seq = 0;
        for (const operation of operations) {
          if (operation === -1) {
            reference.sort((left, right) => left.timeUs - right.timeUs || left.seq - right.seq);
            expect(heap.pop()).toBe(reference.shift());
            continue;
          }
          const event = new SimEvent(operation, seq++, kind, WORLD_HOST_INDEX, 0, () => undefined, null, null, 0);
          heap.push(event);
          reference.push(event);
        }
        reference.sort((left, right) => left.timeUs - right.timeUs || left.seq - right.seq);
        const rest: (SimEvent | undefined)[] = [];
        while (heap.size > 0) rest.push(heap.pop());
        expect(rest).toEqual(reference);
      }),
    );
  });
});
