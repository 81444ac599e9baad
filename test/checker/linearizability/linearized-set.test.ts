import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyLinearizedSet, linearizedSetKey, withCall, type LinearizedSet } from '../../../src/checker/linearizability/linearized-set.js';

function membersOf(set: LinearizedSet): number[] {
  return [...Array.from({ length: set.low }, (_, id) => id), ...set.extras];
}

describe('the linearized-set key', () => {
  it('equals for equal sets and differs for different ones, whatever the insertion order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), fc.array(fc.nat(), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 60 }), (requiredCount, optionalCount, picksA, picksB) => {
        const total = requiredCount + optionalCount;
        const build = (picks: number[]): { set: LinearizedSet; members: Set<number> } => {
          let set = emptyLinearizedSet;
          const members = new Set<number>();
          for (const pick of picks) {
            const id = pick % total;
            if (members.has(id)) continue;
            members.add(id);
            set = withCall(set, id, requiredCount);
          }
          return { set, members };
        };
        const a = build(picksA);
        const b = build(picksB);
        expect(membersOf(a.set).sort((x, y) => x - y)).toEqual([...a.members].sort((x, y) => x - y));
        const sameMembers = a.members.size === b.members.size && [...a.members].every((id) => b.members.has(id));
        expect(linearizedSetKey(a.set) === linearizedSetKey(b.set)).toBe(sameMembers);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets the low mark absorb optional ids', () => {
    const set = withCall(withCall(emptyLinearizedSet, 2, 2), 0, 2);
    expect(withCall(set, 1, 2)).toEqual({ low: 2, extras: [2] });
  });
});
