import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRange } from '../../../src/store/commands/families/lists-shared.js';
import { createListFromElements, ListValue } from '../../../src/store/types/list.js';

/** A list operation with Redis's index conventions, applied to ListValue and to a plain array. */
type Operation =
  | { readonly kind: 'push'; readonly end: 'head' | 'tail'; readonly element: string }
  | { readonly kind: 'pop'; readonly end: 'head' | 'tail' }
  | { readonly kind: 'set'; readonly index: number; readonly element: string }
  | { readonly kind: 'insert'; readonly pivot: string; readonly after: boolean; readonly element: string }
  | { readonly kind: 'remove'; readonly count: number; readonly element: string }
  | { readonly kind: 'trim'; readonly start: number; readonly end: number };

const element = fc.constantFrom('a', 'b', 'c', '', 'long-element-'.repeat(3));
const redisIndex = fc.oneof(fc.integer({ min: -12, max: 12 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
const end = fc.constantFrom('head' as const, 'tail' as const);

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), end, element }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pop' as const), end }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set' as const), index: redisIndex, element }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), pivot: element, after: fc.boolean(), element }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), count: fc.integer({ min: -3, max: 3 }), element }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('trim' as const), start: redisIndex, end: redisIndex }) },
);

/** Redis's LRANGE/LTRIM bounds, written the slow obvious way. */
function modelRange(model: readonly string[], start: number, stop: number): string[] {
  const from = Math.max(0, start < 0 ? model.length + start : start);
  const to = stop < 0 ? model.length + stop : stop;
  return from > to ? [] : model.slice(from, to + 1);
}

function modelIndex(model: readonly string[], index: number): number | undefined {
  const position = index < 0 ? model.length + index : index;
  return position >= 0 && position < model.length ? position : undefined;
}

function modelRemove(model: string[], count: number, target: string): number {
  const positions = model.map((item, position) => (item === target ? position : -1)).filter((position) => position !== -1);
  const chosen = count === 0 ? positions : count > 0 ? positions.slice(0, count) : positions.reverse().slice(0, -count);
  const doomed = new Set(chosen);
  const kept = model.filter((_, position) => !doomed.has(position));
  model.splice(0, model.length, ...kept);
  return chosen.length;
}

function apply(list: ListValue, model: string[], op: Operation): void {
  const buffer = (text: string): Buffer => Buffer.from(text);
  switch (op.kind) {
    case 'push':
      list.push(buffer(op.element), op.end);
      if (op.end === 'head') model.unshift(op.element);
      else model.push(op.element);
      return;
    case 'pop': {
      const popped = list.pop(op.end);
      const expected = op.end === 'head' ? model.shift() : model.pop();
      expect(popped?.toString()).toBe(expected);
      return;
    }
    case 'set': {
      const position = modelIndex(model, op.index);
      expect(list.replaceAt(op.index, buffer(op.element))).toBe(position !== undefined);
      if (position !== undefined) model[position] = op.element;
      return;
    }
    case 'insert': {
      const position = model.indexOf(op.pivot);
      expect(list.indexOf(buffer(op.pivot))).toBe(position);
      if (position === -1) return;
      list.insertAt(op.after ? position + 1 : position, buffer(op.element));
      model.splice(op.after ? position + 1 : position, 0, op.element);
      return;
    }
    case 'remove': {
      const { removed } = list.removeMatching(buffer(op.element), Math.abs(op.count), op.count < 0);
      expect(removed).toBe(modelRemove(model, op.count, op.element));
      return;
    }
    case 'trim': {
      const kept = modelRange(model, op.start, op.end);
      const range = clampRange(op.start, op.end, list.length());
      const keptStart = range === undefined ? list.length() : range.start;
      const keptEnd = range === undefined ? list.length() - 1 : range.end;
      list.removeRange(keptEnd + 1, list.length() - keptEnd - 1);
      list.removeRange(0, keptStart);
      model.splice(0, model.length, ...kept);
      return;
    }
  }
}

describe('ListValue', () => {
  it('matches an array model under random pushes, pops, sets, inserts, removals and trims', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), fc.array(fc.tuple(redisIndex, redisIndex), { maxLength: 8 }), (operations, ranges) => {
        const list = new ListValue();
        const model: string[] = [];
        for (const op of operations) apply(list, model, op);
        expect(list.toArray().map(String)).toEqual(model);
        expect(list.length()).toBe(model.length);
        for (const [start, stop] of ranges) {
          const range = clampRange(start, stop, list.length());
          const got = range === undefined ? [] : list.range(range.start, range.end).map(String);
          expect(got).toEqual(modelRange(model, start, stop));
          const position = modelIndex(model, start);
          expect(list.at(start)?.toString()).toBe(position === undefined ? undefined : model[position]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is always encoded as a quicklist, as in Redis 7.0', () => {
    expect(new ListValue().encoding()).toBe('quicklist');
    expect(createListFromElements(Array.from({ length: 5000 }, (_, index) => Buffer.from(String(index)))).encoding()).toBe('quicklist');
  });

  it('answers out-of-range and huge indexes with nothing instead of wrapping', () => {
    const list = createListFromElements(['a', 'b', 'c'].map((text) => Buffer.from(text)));
    expect(list.at(-1)?.toString()).toBe('c');
    expect(list.at(-3)?.toString()).toBe('a');
    expect(list.at(-4)).toBeUndefined();
    expect(list.at(3)).toBeUndefined();
    expect(list.at(9_223_372_036_854_775_807)).toBeUndefined();
    expect(list.at(-9_223_372_036_854_775_808)).toBeUndefined();
    expect(list.replaceAt(3, Buffer.from('x'))).toBe(false);
  });

  it('clones deeply: changing the copy leaves the original alone', () => {
    const list = createListFromElements([Buffer.from('a'), Buffer.from('b')]);
    const copy = list.clone();
    copy.push(Buffer.from('c'), 'tail');
    (copy.at(0) as Buffer)[0] = 0x7a;
    expect(list.toArray().map(String)).toEqual(['a', 'b']);
    expect(copy.toArray().map(String)).toEqual(['z', 'b', 'c']);
  });
});
