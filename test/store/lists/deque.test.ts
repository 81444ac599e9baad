import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deque } from '../../../src/store/types/list-deque.js';

/** One operation on a deque and on the array model. */
type Step =
  | { readonly kind: 'pushFront' | 'pushBack'; readonly item: number }
  | { readonly kind: 'popFront' | 'popBack' }
  | { readonly kind: 'insert' | 'set'; readonly at: number; readonly item: number }
  | { readonly kind: 'removeRange'; readonly at: number; readonly count: number }
  | { readonly kind: 'retainOdd' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('pushFront' as const, 'pushBack' as const), item: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('popFront' as const, 'popBack' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('insert' as const, 'set' as const), at: fc.nat(), item: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeRange' as const), at: fc.nat(), count: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retainOdd' as const) }) },
);

function applyStep(deque: Deque<number>, model: number[], step: Step): void {
  switch (step.kind) {
    case 'pushFront':
      deque.pushFront(step.item);
      model.unshift(step.item);
      return;
    case 'pushBack':
      deque.pushBack(step.item);
      model.push(step.item);
      return;
    case 'popFront':
      expect(deque.popFront()).toBe(model.shift());
      return;
    case 'popBack':
      expect(deque.popBack()).toBe(model.pop());
      return;
    case 'insert': {
      const at = step.at % (model.length + 1);
      deque.insert(at, step.item);
      model.splice(at, 0, step.item);
      return;
    }
    case 'set':
      if (model.length === 0) return;
      deque.set(step.at % model.length, step.item);
      model[step.at % model.length] = step.item;
      return;
    case 'removeRange': {
      const at = step.at % (model.length + 1);
      const count = Math.min(step.count, model.length - at);
      deque.removeRange(at, count);
      model.splice(at, count);
      return;
    }
    case 'retainOdd': {
      const removed = deque.retain((item) => item % 2 !== 0);
      const kept = model.filter((item) => item % 2 !== 0);
      expect(removed).toBe(model.length - kept.length);
      model.splice(0, model.length, ...kept);
      return;
    }
  }
}

describe('Deque', () => {
  it('behaves like an array under any sequence of pushes, pops, inserts, sets and range removals', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 300 }), (steps) => {
        const deque = new Deque<number>();
        const model: number[] = [];
        for (const step of steps) {
          applyStep(deque, model, step);
          expect(deque.length).toBe(model.length);
        }
        expect(deque.toArray()).toEqual(model);
        for (let index = 0; index < model.length; index++) expect(deque.get(index)).toBe(model[index]);
      }),
      { numRuns: 300 },
    );
  });

  it('shrinks its ring when it empties, so memory follows the length', () => {
    const deque = new Deque<number>();
    for (let item = 0; item < 10_000; item++) deque.pushBack(item);
    expect(deque.capacity()).toBeGreaterThanOrEqual(10_000);
    while (deque.length > 3) deque.popFront();
    expect(deque.capacity()).toBeLessThanOrEqual(16);
    expect(deque.toArray()).toEqual([9997, 9998, 9999]);
  });

  it('refuses an index outside the deque (a bug in the caller, not an operating error)', () => {
    const deque = Deque.from([1, 2, 3]);
    expect(() => deque.get(3)).toThrow(/in range/);
    expect(() => deque.get(-1)).toThrow(/in range/);
    expect(() => deque.removeRange(2, 2)).toThrow(/inside the deque/);
  });
});
