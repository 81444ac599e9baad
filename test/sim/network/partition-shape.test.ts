import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { linksOfShape, type LinkIndexes, type PartitionShape } from '../../../src/sim/network/partition-shape.js';

function namesOf(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `n${index + 1}`);
}

/** Who can talk to whom: reach[a] = hosts a can send to (itself included). */
function reachOf(count: number, links: readonly LinkIndexes[]): Set<number>[] {
  const blocked = new Set(links.map(([from, to]) => `${from}>${to}`));
  return Array.from({ length: count }, (_, from) => new Set(Array.from({ length: count }, (_, to) => to).filter((to) => !blocked.has(`${from}>${to}`))));
}

const hostCounts = fc.integer({ min: 3, max: 9 });
const seeds = fc.integer({ min: 0, max: 1_000_000 });

describe('partition shapes', () => {
  it('isolate blocks exactly every link to and from the host', () => {
    fc.assert(
      fc.property(hostCounts, fc.nat(), (count, pick) => {
        const isolated = pick % count;
        const links = linksOfShape({ kind: 'isolate', host: `n${isolated + 1}` }, namesOf(count), Prng.root(1));
        expect(links).toHaveLength(2 * (count - 1));
        for (const [from, to] of links) expect(from === isolated || to === isolated).toBe(true);
        expect(new Set(links.map((link) => link.join('>'))).size).toBe(links.length);
      }),
    );
  });

  it('halves cut a random minority of ⌊n/2⌋ from the majority, both ways, and nothing else', () => {
    fc.assert(
      fc.property(hostCounts, seeds, (count, seed) => {
        const links = linksOfShape({ kind: 'halves' }, namesOf(count), Prng.root(seed));
        const reach = reachOf(count, links);
        const minority = Math.floor(count / 2);
        const sideSizes = reach.map((side) => side.size).sort((left, right) => left - right);
        const expectedSizes = [...Array<number>(minority).fill(minority), ...Array<number>(count - minority).fill(count - minority)];
        expect(sideSizes).toEqual(expectedSizes);
        expect(links).toHaveLength(2 * minority * (count - minority));
        for (let host = 0; host < count; host++) for (const peer of reach[host]!) expect(reach[peer]!.has(host)).toBe(true);
      }),
    );
  });

  it('bridge leaves one host that talks to everyone and two sides that cannot talk to each other', () => {
    fc.assert(
      fc.property(hostCounts, seeds, (count, seed) => {
        const reach = reachOf(count, linksOfShape({ kind: 'bridge' }, namesOf(count), Prng.root(seed)));
        const bridges = reach.filter((side) => side.size === count);
        expect(bridges).toHaveLength(1);
        for (const side of reach) if (side.size < count) expect(side.size).toBeLessThanOrEqual(Math.ceil((count - 1) / 2) + 1);
      }),
    );
  });

  it('ring lets every host reach a majority, symmetrically, and no two hosts the same majority when n >= 5', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 9 }), seeds, (count, seed) => {
        const reach = reachOf(count, linksOfShape({ kind: 'ring' }, namesOf(count), Prng.root(seed)));
        const majority = Math.floor(count / 2) + 1;
        for (let host = 0; host < count; host++) {
          expect(reach[host]!.size).toBeGreaterThanOrEqual(majority);
          expect(reach[host]!.size).toBeLessThan(count);
          for (const peer of reach[host]!) expect(reach[peer]!.has(host)).toBe(true);
        }
        expect(new Set(reach.map((side) => [...side].sort().join(','))).size).toBe(count);
      }),
    );
  });

  it('one-way blocks exactly from→to and leaves the reverse direction open', () => {
    const shape: PartitionShape = { kind: 'oneWay', from: ['n1'], to: ['n2', 'n3'] };
    expect(linksOfShape(shape, namesOf(4), Prng.root(1))).toEqual([[0, 1], [0, 2]]);
    expect(linksOfShape({ kind: 'groups', groups: [['n1'], ['n2', 'n3']] }, namesOf(4), Prng.root(1)).length).toBe(4);
    expect(linksOfShape({ kind: 'links', links: [['n2', 'n4'], ['n3', 'n3']] }, namesOf(4), Prng.root(1))).toEqual([[1, 3]]);
  });

  it('draws random shapes from the stream, so the same seed gives the same cut', () => {
    const names = namesOf(7);
    expect(linksOfShape({ kind: 'halves' }, names, Prng.root(42))).toEqual(linksOfShape({ kind: 'halves' }, names, Prng.root(42)));
    const cuts = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(linksOfShape({ kind: 'halves' }, names, Prng.root(seed)))));
    expect(cuts.size).toBeGreaterThan(1);
  });
});
