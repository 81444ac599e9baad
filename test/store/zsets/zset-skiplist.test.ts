import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { Skiplist, SKIPLIST_LEVEL_MAX, type SkiplistNode } from '../../../src/store/types/zset-skiplist.js';

function compareEntries(left: { score: number; member: Buffer }, right: { score: number; member: Buffer }): number {
  return left.score !== right.score ? left.score - right.score : Buffer.compare(left.member, right.member);
}

/** Checks every structural invariant; returns the level-0 order. */
function checkInvariants(list: Skiplist): SkiplistNode[] {
  const order: SkiplistNode[] = [];
  const rankOf = new Map<SkiplistNode, number>([[list.header, 0]]);
  for (let node = list.header.forward[0]; node !== undefined; node = node.forward[0]) {
    order.push(node);
    rankOf.set(node, order.length);
  }
  expect(order.length).toBe(list.length);
  expect(list.tail).toBe(order[order.length - 1]);
  expect(list.level).toBeGreaterThanOrEqual(1);
  expect(list.level).toBeLessThanOrEqual(SKIPLIST_LEVEL_MAX);
  order.forEach((node, index) => {
    expect(node.backward).toBe(index === 0 ? undefined : order[index - 1]);
    if (index > 0) expect(compareEntries(order[index - 1] as SkiplistNode, node)).toBeLessThan(0);
  });
  for (let level = 0; level < list.level; level++) {
    let node: SkiplistNode = list.header;
    for (let next = node.forward[level]; next !== undefined; next = node.forward[level]) {
      expect(next.forward.length).toBeGreaterThan(level);
      if (node !== list.header) expect(compareEntries(node, next)).toBeLessThan(0);
      expect(node.span[level]).toBe((rankOf.get(next) as number) - (rankOf.get(node) as number));
      node = next;
    }
    expect(node.span[level]).toBe(list.length - (rankOf.get(node) as number));
  }
  if (list.level > 1) expect(list.header.forward[list.level - 1]).toBeDefined();
  return order;
}

const operation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), member: fc.integer({ min: 0, max: 60 }), score: fc.integer({ min: -5, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), member: fc.integer({ min: 0, max: 60 }), score: fc.constant(0) }),
  fc.record({ kind: fc.constant('update' as const), member: fc.integer({ min: 0, max: 60 }), score: fc.integer({ min: -5, max: 5 }) }),
);

describe('skiplist', () => {
  it('keeps order, spans, backward links and ranks consistent with a map through random inserts, deletes and score updates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(operation, { maxLength: 200 }), (seed, operations) => {
        const list = new Skiplist(Prng.root(seed));
        const scores = new Map<string, number>();
        for (const { kind, member: memberNumber, score } of operations) {
          const member = Buffer.from(`m${memberNumber}`);
          const name = member.toString('latin1');
          const current = scores.get(name);
          if (kind === 'insert' && current === undefined) {
            list.insert(score, member);
            scores.set(name, score);
          } else if (kind === 'delete' && current !== undefined) {
            expect(list.delete(current, member)?.member.equals(member)).toBe(true);
            scores.delete(name);
          } else if (kind === 'update' && current !== undefined) {
            expect(list.updateScore(current, member, score).score).toBe(score);
            scores.set(name, score);
          }
        }
        const order = checkInvariants(list);
        expect(order.map((node) => [node.member.toString('latin1'), node.score])).toEqual(
          [...scores.entries()].sort(([leftName, leftScore], [rightName, rightScore]) => compareEntries({ score: leftScore, member: Buffer.from(leftName, 'latin1') }, { score: rightScore, member: Buffer.from(rightName, 'latin1') })),
        );
        order.forEach((node, index) => {
          expect(list.rankOf(node.score, node.member)).toBe(index + 1);
          expect(list.nodeAtRank(index + 1)).toBe(node);
        });
        expect(list.rankOf(0, Buffer.from('absent'))).toBe(0);
        expect(list.nodeAtRank(order.length + 1)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('deletes rank ranges and score-bounded runs exactly as a sorted array would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (seed, members, first, second) => {
        const list = new Skiplist(Prng.root(seed));
        for (const member of members) list.insert(member % 7, Buffer.from(String(member)));
        const before = checkInvariants(list).map((node) => node.member.toString());
        const start = (first % before.length) + 1;
        const end = start + (second % (before.length - start + 1));
        const removed: string[] = [];
        expect(list.deleteRankRange(start, end, (node) => removed.push(node.member.toString()))).toBe(end - start + 1);
        expect(removed).toEqual(before.slice(start - 1, end));
        expect(checkInvariants(list).map((node) => node.member.toString())).toEqual([...before.slice(0, start - 1), ...before.slice(end)]);
        const low = second % 7;
        const remaining = checkInvariants(list).map((node) => [node.member.toString(), node.score] as const);
        list.deleteWhile((node) => node.score < low, (node) => node.score <= low, () => {});
        expect(checkInvariants(list).map((node) => node.member.toString())).toEqual(remaining.filter(([, score]) => score !== low).map(([name]) => name));
      }),
      { numRuns: 100 },
    );
  });

  it('draws levels with p = 0.25: about three quarters of the nodes have one level', () => {
    const list = new Skiplist(Prng.root(7));
    const levels = Array.from({ length: 20_000 }, () => list.randomLevel());
    const single = levels.filter((level) => level === 1).length / levels.length;
    expect(single).toBeGreaterThan(0.72);
    expect(single).toBeLessThan(0.78);
    expect(Math.max(...levels)).toBeLessThanOrEqual(SKIPLIST_LEVEL_MAX);
  });

  it('visits O(log n) nodes per insert: the step count grows by a near-constant amount when n grows fourfold', () => {
    const averageInsertSteps = (count: number): number => {
      const list = new Skiplist(Prng.root(3));
      let steps = 0;
      const counter = (visited: number): void => {
        steps += visited;
      };
      for (let index = 0; index < count; index++) list.insert((index * 7919) % count, Buffer.from(String(index)), counter);
      return steps / count;
    };
    const small = averageInsertSteps(2_000);
    const large = averageInsertSteps(32_000);
    expect(large).toBeGreaterThan(small);
    // log2 grows by 4 from 2k to 32k; a linear structure would grow 16-fold.
    expect(large - small).toBeLessThan(20);
    expect(large).toBeLessThan(80);
  });
});
