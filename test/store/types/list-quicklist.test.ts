import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Quicklist } from '../../../src/store/types/list-quicklist.js';

/** Elements from empty to larger than a whole 8 KB node, so lists span many nodes and some nodes hold one element. */
const elementLength = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 3, arbitrary: fc.integer({ min: 500, max: 3000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8000, max: 20000 }) },
);
/** An element: a tag byte (few distinct values, so removals and searches find matches) repeated to a length. */
const element = fc.tuple(fc.integer({ min: 0x61, max: 0x64 }), elementLength).map(([tag, length]) => Buffer.alloc(length, tag));

type Operation =
  | { readonly kind: 'push'; readonly front: boolean; readonly count: number; readonly element: Buffer }
  | { readonly kind: 'pop'; readonly front: boolean; readonly count: number }
  | { readonly kind: 'set'; readonly at: number; readonly element: Buffer }
  | { readonly kind: 'insert'; readonly at: number; readonly element: Buffer }
  | { readonly kind: 'removeRange'; readonly at: number; readonly span: number }
  | { readonly kind: 'removeMatching'; readonly limit: number; readonly fromTail: boolean; readonly element: Buffer };

/** Positions are fractions of the current length, so they stay in range whatever came before (integers: fc.double favours 0 and 1). */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((millionths) => millionths / 1_000_000);

const operation = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('push' as const), front: fc.boolean(), count: fc.integer({ min: 1, max: 400 }), element }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pop' as const), front: fc.boolean(), count: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fraction, element }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fraction, element }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeRange' as const), at: fraction, span: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeMatching' as const), limit: fc.integer({ min: 0, max: 50 }), fromTail: fc.boolean(), element }) },
);

function positionOf(at: number, length: number): number {
  return Math.min(length, Math.floor(at * (length + 1)));
}

function applyPushPop(list: Quicklist, model: Buffer[], op: Extract<Operation, { kind: 'push' | 'pop' }>): void {
  for (let index = 0; index < op.count; index++) {
    if (op.kind === 'push') {
      if (op.front) list.pushFront(op.element);
      else list.pushBack(op.element);
      if (op.front) model.unshift(op.element);
      else model.push(op.element);
      continue;
    }
    const popped = op.front ? list.popFront() : list.popBack();
    const expected = op.front ? model.shift() : model.pop();
    expect(popped?.equals(expected ?? Buffer.alloc(0)) ?? expected === undefined).toBe(true);
  }
}

function modelRemoveMatching(model: Buffer[], target: Buffer, limit: number, fromTail: boolean): number {
  const order = model.map((_, index) => (fromTail ? model.length - 1 - index : index));
  const doomed = new Set<number>();
  for (const position of order) {
    if (!(model[position] as Buffer).equals(target)) continue;
    doomed.add(position);
    if (limit !== 0 && doomed.size === limit) break;
  }
  model.splice(0, model.length, ...model.filter((_, position) => !doomed.has(position)));
  return doomed.size;
}

function apply(list: Quicklist, model: Buffer[], op: Operation): void {
  if (op.kind === 'push' || op.kind === 'pop') {
    applyPushPop(list, model, op);
  } else if (op.kind === 'set') {
    if (model.length === 0) return;
    const position = Math.min(model.length - 1, positionOf(op.at, model.length));
    list.set(position, op.element);
    model[position] = op.element;
  } else if (op.kind === 'insert') {
    const position = positionOf(op.at, model.length);
    list.insert(position, op.element);
    model.splice(position, 0, op.element);
  } else if (op.kind === 'removeRange') {
    const start = Math.min(model.length, positionOf(op.at, model.length));
    const span = Math.floor(op.span * (model.length - start));
    list.removeRange(start, span);
    model.splice(start, span);
  } else {
    const { removed } = list.removeMatching(op.element, op.limit, op.fromTail);
    expect(removed).toBe(modelRemoveMatching(model, op.element, op.limit, op.fromTail));
  }
}

function expectSameContents(list: Quicklist, model: readonly Buffer[]): void {
  expect(list.length).toBe(model.length);
  const contents = list.toArray();
  expect(contents.length).toBe(model.length);
  contents.forEach((item, index) => expect(item.equals(model[index] as Buffer)).toBe(true));
}

describe('Quicklist', () => {
  it('matches an array model under pushes, pops, sets, inserts and removals across many nodes', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.array(fc.tuple(fraction, fraction), { maxLength: 4 }), (operations, reads) => {
        const list = new Quicklist();
        const model: Buffer[] = [];
        for (const op of operations) apply(list, model, op);
        expectSameContents(list, model);
        for (const [at, span] of reads) {
          const start = Math.min(model.length, positionOf(at, model.length));
          const end = start + Math.floor(span * (model.length - start));
          const got = list.slice(start, end);
          expect(got.length).toBe(end - start);
          got.forEach((item, index) => expect(item.equals(model[start + index] as Buffer)).toBe(true));
          if (start < model.length) expect(list.get(start).equals(model[start] as Buffer)).toBe(true);
        }
        expectSameContents(list.clone(), model);
      }),
      { numRuns: 150 },
    );
  });

  it('finds matches in scan order from either end, stopping when told and within the scan limit', () => {
    const list = new Quicklist();
    const tags = Array.from({ length: 5000 }, (_, index) => (index % 7 === 0 ? 'x' : `e${index % 5}`));
    for (const tag of tags) list.pushBack(Buffer.from(tag));
    expect(list.nodeCount()).toBeGreaterThan(1);
    const expectedFromHead = tags.flatMap((tag, index) => (tag === 'x' ? [index] : []));
    const fromHead: number[] = [];
    expect(list.forEachMatch(Buffer.from('x'), false, tags.length, (position) => fromHead.push(position) > 0)).toBe(tags.length);
    expect(fromHead).toEqual(expectedFromHead);
    const fromTail: number[] = [];
    const visited = list.forEachMatch(Buffer.from('x'), true, tags.length, (position) => fromTail.push(position) < 3);
    expect(fromTail).toEqual(expectedFromHead.slice(-3).reverse());
    expect(visited).toBe(tags.length - (expectedFromHead.at(-3) as number));
    expect(list.forEachMatch(Buffer.from('x'), false, 10, () => true)).toBe(10);
  });

  it('packs small elements into nodes of about 8 KB, as Redis does with list-max-listpack-size -2', () => {
    const list = new Quicklist();
    for (let index = 0; index < 100_000; index++) list.pushFront(Buffer.from('xxx'));
    // Three bytes plus about two of listpack overhead each: 8192 / 5 elements per node.
    const perNode = list.length / list.nodeCount();
    expect(perNode).toBeGreaterThan(1500);
    expect(perNode).toBeLessThanOrEqual(8192 / 5);
  });

  it('gives popped elements their own bytes, which later pushes do not overwrite', () => {
    const list = new Quicklist();
    list.pushBack(Buffer.from('first'));
    list.pushBack(Buffer.from('second'));
    const popped = list.popBack() as Buffer;
    list.pushBack(Buffer.from('XXXXXX'));
    expect(popped.toString()).toBe('second');
    expect(list.popFront()?.toString()).toBe('first');
    expect(list.popFront()?.toString()).toBe('XXXXXX');
    expect(list.popFront()).toBeUndefined();
    expect(list.length).toBe(0);
  });

  it('copies pushed bytes in: changing the caller buffer afterwards leaves the list alone', () => {
    const list = new Quicklist();
    const argument = Buffer.from('abc');
    list.pushFront(argument);
    list.insert(1, argument);
    argument.fill(0x7a);
    expect(list.toArray().map(String)).toEqual(['abc', 'abc']);
  });
});
