import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';

type Entry = readonly [string, number];

function sortedModel(entries: readonly Entry[]): Entry[] {
  return entries.slice().sort(([leftMember, leftScore], [rightMember, rightScore]) => (leftScore !== rightScore ? leftScore - rightScore : Buffer.compare(Buffer.from(leftMember), Buffer.from(rightMember))));
}

/** Offset then limit over an already ordered list, with Redis's meaning of negative values. */
function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  if (offset < 0) return [];
  const rest = items.slice(offset);
  return limit < 0 ? rest : rest.slice(0, limit);
}

function rankModel(sorted: readonly Entry[], start: number, stop: number, reverse: boolean): Entry[] {
  const length = sorted.length;
  let from = start < 0 ? length + start : start;
  let to = stop < 0 ? length + stop : stop;
  if (from < 0) from = 0;
  if (from > to || from >= length) return [];
  if (to >= length) to = length - 1;
  const ordered = reverse ? sorted.slice().reverse() : sorted.slice();
  return ordered.slice(from, to + 1);
}

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

const boundText = (bound: Bound): string => `${bound.exclusive ? '(' : ''}${bound.value}`;
const aboveMin = (score: number, min: Bound): boolean => (min.exclusive ? score > min.value : score >= min.value);
const belowMax = (score: number, max: Bound): boolean => (max.exclusive ? score < max.value : score <= max.value);

const entriesArbitrary = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-f]{1,3}$/), fc.integer({ min: -6, max: 6 })), { selector: ([member]) => member, minLength: 1, maxLength: 40 });
const boundArbitrary = fc.record({ value: fc.integer({ min: -7, max: 7 }), exclusive: fc.boolean() });
const configArbitrary = fc.constantFrom({}, { 'zset-max-listpack-entries': '4' });

function loadStore(entries: readonly Entry[], config: Record<string, string>): ReturnType<typeof createStore> {
  const store = createStore({ config });
  store.call('ZADD', 'z', ...entries.flatMap(([member, score]) => [String(score), member]));
  return store;
}

const flatten = (entries: readonly Entry[], withScores: boolean): string[] => entries.flatMap(([member, score]) => (withScores ? [member, String(score)] : [member]));
const asText = (reply: unknown): string[] => (reply as Buffer[]).map((item) => item.toString());

describe('ZRANGE against a sorted-array model', () => {
  it('by rank, with REV and WITHSCORES, in both encodings', () => {
    fc.assert(
      fc.property(entriesArbitrary, configArbitrary, fc.integer({ min: -45, max: 45 }), fc.integer({ min: -45, max: 45 }), fc.boolean(), fc.boolean(), (entries, config, start, stop, reverse, withScores) => {
        const store = loadStore(entries, config);
        const argv = ['ZRANGE', 'z', String(start), String(stop), ...(reverse ? ['REV'] : []), ...(withScores ? ['WITHSCORES'] : [])];
        expect(asText(store.call(...argv))).toEqual(flatten(rankModel(sortedModel(entries), start, stop, reverse), withScores));
      }),
    );
  });

  it('by score, with exclusive bounds, REV and LIMIT, in both encodings', () => {
    fc.assert(
      fc.property(entriesArbitrary, configArbitrary, boundArbitrary, boundArbitrary, fc.boolean(), fc.option(fc.tuple(fc.integer({ min: -2, max: 45 }), fc.integer({ min: -2, max: 45 }))), (entries, config, min, max, reverse, limit) => {
        const store = loadStore(entries, config);
        const bounds = reverse ? [boundText(max), boundText(min)] : [boundText(min), boundText(max)];
        const argv = ['ZRANGE', 'z', ...bounds, 'BYSCORE', ...(reverse ? ['REV'] : []), ...(limit === null ? [] : ['LIMIT', String(limit[0]), String(limit[1])]), 'WITHSCORES'];
        const matching = sortedModel(entries).filter(([, score]) => aboveMin(score, min) && belowMax(score, max));
        const ordered = reverse ? matching.reverse() : matching;
        const expected = limit === null ? ordered : page(ordered, limit[0], limit[1]);
        expect(asText(store.call(...argv))).toEqual(flatten(expected, true));
        expect(store.call('ZCOUNT', 'z', boundText(min), boundText(max))).toBe(matching.length);
      }),
    );
  });

  it('by lex over equal scores, with REV and LIMIT, in both encodings', () => {
    const lexBound = fc.oneof(fc.constantFrom('-', '+'), fc.tuple(fc.constantFrom('[', '('), fc.stringMatching(/^[a-f]{0,3}$/)).map(([prefix, text]) => prefix + text));
    const inLex = (member: string, bound: string, side: 'min' | 'max'): boolean => {
      if (bound === '-') return side === 'min';
      if (bound === '+') return side === 'max';
      const compared = Buffer.compare(Buffer.from(member), Buffer.from(bound.slice(1)));
      const exclusive = bound.startsWith('(');
      return side === 'min' ? (exclusive ? compared > 0 : compared >= 0) : exclusive ? compared < 0 : compared <= 0;
    };
    fc.assert(
      fc.property(entriesArbitrary, configArbitrary, lexBound, lexBound, fc.boolean(), fc.option(fc.tuple(fc.integer({ min: -1, max: 45 }), fc.integer({ min: -1, max: 45 }))), (entries, config, min, max, reverse, limit) => {
        const equalScores = entries.map(([member]) => [member, 0] as const);
        const store = loadStore(equalScores, config);
        const bounds = reverse ? [max, min] : [min, max];
        const argv = ['ZRANGE', 'z', ...bounds, 'BYLEX', ...(reverse ? ['REV'] : []), ...(limit === null ? [] : ['LIMIT', String(limit[0]), String(limit[1])])];
        const matching = sortedModel(equalScores).filter(([member]) => inLex(member, min, 'min') && inLex(member, max, 'max'));
        const ordered = reverse ? matching.reverse() : matching;
        const expected = limit === null ? ordered : page(ordered, limit[0], limit[1]);
        expect(asText(store.call(...argv))).toEqual(flatten(expected, false));
        expect(store.call('ZLEXCOUNT', 'z', min, max)).toBe(matching.length);
      }),
    );
  });

  it('ZREMRANGEBYRANK and ZREMRANGEBYSCORE remove exactly what ZRANGE shows', () => {
    fc.assert(
      fc.property(entriesArbitrary, configArbitrary, fc.integer({ min: -45, max: 45 }), fc.integer({ min: -45, max: 45 }), boundArbitrary, boundArbitrary, (entries, config, start, stop, min, max) => {
        const store = loadStore(entries, config);
        const sorted = sortedModel(entries);
        const removed = rankModel(sorted, start, stop, false);
        expect(store.call('ZREMRANGEBYRANK', 'z', String(start), String(stop))).toBe(removed.length);
        const left = sorted.filter((entry) => !removed.includes(entry));
        expect(asText(store.call('ZRANGE', 'z', '0', '-1'))).toEqual(flatten(left, false));
        const inRange = left.filter(([, score]) => aboveMin(score, min) && belowMax(score, max));
        expect(store.call('ZREMRANGEBYSCORE', 'z', boundText(min), boundText(max))).toBe(inRange.length);
        expect(store.call('ZCARD', 'z')).toBe(left.length - inRange.length);
      }),
    );
  });
});
