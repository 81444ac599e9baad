import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

const memberArbitrary = fc.oneof(fc.integer({ min: -8, max: 8 }).map(String), fc.constantFrom('a', 'b', 'c', 'x'));
const setsArbitrary = fc.array(fc.uniqueArray(memberArbitrary, { maxLength: 12 }), { minLength: 1, maxLength: 4 });
const configArbitrary = fc.constantFrom({}, { 'set-max-intset-entries': '3' });

const sorted = (items: Iterable<string>): string[] => [...items].sort();
const asText = (reply: unknown): string[] => (reply as Buffer[]).map((item) => item.toString());

function union(sets: readonly (readonly string[])[]): Set<string> {
  return new Set(sets.flat());
}

function intersection(sets: readonly (readonly string[])[]): Set<string> {
  if (sets.some((set) => set.length === 0)) return new Set();
  return new Set((sets[0] ?? []).filter((member) => sets.every((set) => set.includes(member))));
}

function difference(sets: readonly (readonly string[])[]): Set<string> {
  return new Set((sets[0] ?? []).filter((member) => !sets.slice(1).some((set) => set.includes(member))));
}

describe('set algebra against a JS Set model', () => {
  it('SINTER, SUNION, SDIFF, SINTERCARD and the STORE forms agree with the model (missing keys are empty sets)', () => {
    fc.assert(
      fc.property(setsArbitrary, configArbitrary, fc.nat({ max: 5 }), (sets, config, limit) => {
        const store = createStore({ config });
        const keys = sets.map((_, index) => `k${index}`);
        sets.forEach((members, index) => {
          if (members.length > 0) store.call('SADD', keys[index] as string, ...members);
        });
        const cases: [string, Set<string>][] = [
          ['SINTER', intersection(sets)],
          ['SUNION', union(sets)],
          ['SDIFF', difference(sets)],
        ];
        for (const [name, expected] of cases) {
          expect(sorted(asText(store.call(name, ...keys))), name).toEqual(sorted(expected));
          expect(store.call(`${name}STORE`, 'dst', ...keys), `${name}STORE`).toBe(expected.size);
          expect(sorted(asText(store.call('SMEMBERS', 'dst')))).toEqual(sorted(expected));
          expect(store.call('EXISTS', 'dst')).toBe(expected.size > 0 ? 1 : 0);
        }
        const cardinality = intersection(sets).size;
        expect(store.call('SINTERCARD', String(keys.length), ...keys, 'LIMIT', String(limit))).toBe(limit === 0 ? cardinality : Math.min(limit, cardinality));
      }),
    );
  });

  it('stores an intset result in ascending order when every member is an integer and the count fits', () => {
    fc.assert(
      fc.property(setsArbitrary, (sets) => {
        const store = createStore();
        const keys = sets.map((_, index) => `k${index}`);
        sets.forEach((members, index) => {
          if (members.length > 0) store.call('SADD', keys[index] as string, ...members);
        });
        const size = store.call('SUNIONSTORE', 'dst', ...keys) as number;
        if (size === 0) return;
        const members = asText(store.call('SMEMBERS', 'dst'));
        const allIntegers = members.every((member) => /^-?\d+$/.test(member));
        expect(store.call('OBJECT', 'ENCODING', 'dst')).toEqual(Buffer.from(allIntegers ? 'intset' : 'hashtable'));
        if (allIntegers) expect(members).toEqual(members.slice().sort((left, right) => Number(left) - Number(right)));
      }),
    );
  });

  it('SRANDMEMBER with a count gives distinct members, a negative count allows repeats, SPOP removes what it returns', () => {
    fc.assert(
      fc.property(fc.uniqueArray(memberArbitrary, { minLength: 1, maxLength: 15 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 1000 }), (members, count, seed) => {
        const store = createStore({ seed });
        store.call('SADD', 's', ...members);
        const drawn = asText(store.call('SRANDMEMBER', 's', String(count)));
        expect(drawn.length).toBe(count < 0 ? -count : Math.min(count, members.length));
        for (const member of drawn) expect(members).toContain(member);
        if (count >= 0) expect(new Set(drawn).size).toBe(drawn.length);
        const popped = asText(store.call('SPOP', 's', String(Math.abs(count))));
        expect(popped.length).toBe(Math.min(Math.abs(count), members.length));
        expect(new Set(popped).size).toBe(popped.length);
        const left = asText(store.call('SMEMBERS', 's'));
        expect(sorted([...left, ...popped])).toEqual(sorted(members));
      }),
    );
  });
});
