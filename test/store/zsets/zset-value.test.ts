import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { defaultEncodingConfig, type EncodingConfig } from '../../../src/store/keyspace/encoding-config.js';
import { createZsetFromEntries, ZsetValue, type ZsetEntry } from '../../../src/store/types/zset.js';
import type { LexRange, ScoreRange } from '../../../src/store/types/zset-range-spec.js';

type Pair = readonly [string, number];

function sortedModel(pairs: Iterable<Pair>): Pair[] {
  return [...pairs].sort(([leftMember, leftScore], [rightMember, rightScore]) => (leftScore !== rightScore ? leftScore - rightScore : Buffer.compare(Buffer.from(leftMember), Buffer.from(rightMember))));
}

function asPairs(entries: Iterable<ZsetEntry>): Pair[] {
  return [...entries].map((entry) => [entry.member.toString(), entry.score] as const);
}

function buildZset(pairs: readonly Pair[], config: EncodingConfig, seed = 1): ZsetValue {
  const zset = new ZsetValue(Prng.root(seed));
  for (const [member, score] of pairs) zset.add(Buffer.from(member), score, {}, config);
  return zset;
}

const inScore = (score: number, range: ScoreRange): boolean =>
  (range.minExclusive ? score > range.min : score >= range.min) && (range.maxExclusive ? score < range.max : score <= range.max);

const smallListpack: EncodingConfig = { ...defaultEncodingConfig, zsetMaxListpackEntries: 8, zsetMaxListpackValue: 6 };
const pairsArbitrary = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-e]{1,3}$/), fc.integer({ min: -4, max: 4 })), { selector: ([member]) => member, maxLength: 30 });
const scoreRangeArbitrary = fc.record({ min: fc.integer({ min: -5, max: 5 }), max: fc.integer({ min: -5, max: 5 }), minExclusive: fc.boolean(), maxExclusive: fc.boolean() });

describe('ZsetValue', () => {
  it('walks by rank, forward and reverse, as a sorted array does, in both encodings', () => {
    fc.assert(
      fc.property(pairsArbitrary, fc.nat(), fc.boolean(), (pairs, rankSeed, reverse) => {
        const zset = buildZset(pairs, smallListpack);
        expect(zset.encoding()).toBe(pairs.length > 8 ? 'skiplist' : 'listpack');
        const model = sortedModel(pairs);
        expect(asPairs(zset.walk({ by: 'rank', rank: 0 }, false))).toEqual(model);
        if (model.length === 0) return;
        const rank = rankSeed % model.length;
        const expected = reverse ? model.slice().reverse().slice(rank) : model.slice(rank);
        expect(asPairs(zset.walk({ by: 'rank', rank }, reverse))).toEqual(expected);
        for (const [index, [member]] of model.entries()) {
          expect(zset.rank(Buffer.from(member), false)).toBe(index);
          expect(zset.rank(Buffer.from(member), true)).toBe(model.length - 1 - index);
        }
      }),
    );
  });

  it('starts score walks at the first (or, reversed, last) entry in range and counts the range exactly', () => {
    fc.assert(
      fc.property(pairsArbitrary, scoreRangeArbitrary, fc.boolean(), (pairs, range, reverse) => {
        const zset = buildZset(pairs, smallListpack);
        const model = sortedModel(pairs);
        const ordered = reverse ? model.slice().reverse() : model;
        const startIndex = ordered.findIndex(([, score]) => inScore(score, range));
        const walked = asPairs(zset.walk({ by: 'score', range }, reverse));
        expect(walked).toEqual(startIndex === -1 ? [] : ordered.slice(startIndex));
        expect(zset.countInRange({ by: 'score', range })).toBe(model.filter(([, score]) => inScore(score, range)).length);
      }),
    );
  });

  it('starts lex walks and counts lex ranges exactly when all scores are equal', () => {
    const boundArbitrary = fc.oneof(
      fc.constant({ kind: 'minimum' as const }),
      fc.constant({ kind: 'maximum' as const }),
      fc.stringMatching(/^[a-e]{0,3}$/).map((text) => ({ kind: 'member' as const, member: Buffer.from(text) })),
    );
    const rangeArbitrary = fc.record({ min: boundArbitrary, max: boundArbitrary, minExclusive: fc.boolean(), maxExclusive: fc.boolean() });
    const position = (member: string, bound: LexRange['min']): number => (bound.kind === 'minimum' ? 1 : bound.kind === 'maximum' ? -1 : Buffer.compare(Buffer.from(member), bound.member));
    fc.assert(
      fc.property(pairsArbitrary, rangeArbitrary, (pairs, range: LexRange) => {
        const zset = buildZset(pairs.map(([member]) => [member, 0] as const), smallListpack);
        const inLex = (member: string): boolean => {
          const low = position(member, range.min);
          const high = position(member, range.max);
          return (range.minExclusive ? low > 0 : low >= 0) && (range.maxExclusive ? high < 0 : high <= 0);
        };
        const model = sortedModel(pairs.map(([member]) => [member, 0] as const));
        expect(zset.countInRange({ by: 'lex', range })).toBe(model.filter(([member]) => inLex(member)).length);
        const first = model.findIndex(([member]) => inLex(member));
        expect(asPairs(zset.walk({ by: 'lex', range }, false))).toEqual(first === -1 ? [] : model.slice(first));
      }),
    );
  });

  it('deletes rank, score and lex ranges like the model, in both encodings', () => {
    fc.assert(
      fc.property(pairsArbitrary, scoreRangeArbitrary, fc.nat(), fc.nat(), (pairs, range, first, second) => {
        const model = sortedModel(pairs);
        const byScore = buildZset(pairs, smallListpack);
        expect(byScore.deleteRange({ by: 'score', range })).toBe(model.filter(([, score]) => inScore(score, range)).length);
        expect(asPairs(byScore.walk({ by: 'rank', rank: 0 }, false))).toEqual(model.filter(([, score]) => !inScore(score, range)));
        if (model.length === 0) return;
        const start = first % model.length;
        const end = start + (second % (model.length - start));
        const byRank = buildZset(pairs, smallListpack);
        expect(byRank.deleteRange({ by: 'rank', start, end })).toBe(end - start + 1);
        expect(asPairs(byRank.walk({ by: 'rank', rank: 0 }, false))).toEqual([...model.slice(0, start), ...model.slice(end + 1)]);
      }),
    );
  });

  it('applies ZADD flags like Redis: NX, XX, GT, LT, INCR and NaN', () => {
    const zset = buildZset([['a', 5]], defaultEncodingConfig);
    const a = Buffer.from('a');
    expect(zset.add(a, 1, { nx: true }, defaultEncodingConfig)).toEqual({ kind: 'nop' });
    expect(zset.add(Buffer.from('b'), 1, { xx: true }, defaultEncodingConfig)).toEqual({ kind: 'nop' });
    expect(zset.add(a, 4, { gt: true }, defaultEncodingConfig)).toEqual({ kind: 'nop' });
    expect(zset.add(a, 6, { gt: true }, defaultEncodingConfig)).toEqual({ kind: 'updated', score: 6 });
    expect(zset.add(a, 7, { lt: true }, defaultEncodingConfig)).toEqual({ kind: 'nop' });
    expect(zset.add(a, 2, { incr: true }, defaultEncodingConfig)).toEqual({ kind: 'updated', score: 8 });
    expect(zset.add(a, 8, {}, defaultEncodingConfig)).toEqual({ kind: 'unchanged', score: 8 });
    expect(zset.add(a, Number.NaN, {}, defaultEncodingConfig)).toEqual({ kind: 'nan' });
    zset.add(a, Infinity, {}, defaultEncodingConfig);
    expect(zset.add(a, -Infinity, { incr: true }, defaultEncodingConfig)).toEqual({ kind: 'nan' });
    expect(zset.score(a)).toBe(Infinity);
  });

  it('converts to skiplist past zset-max-listpack-entries or with a member longer than zset-max-listpack-value, and never back on removal', () => {
    const config: EncodingConfig = { ...defaultEncodingConfig, zsetMaxListpackEntries: 3, zsetMaxListpackValue: 4 };
    const zset = buildZset([['a', 1], ['b', 2], ['c', 3]], config);
    expect(zset.encoding()).toBe('listpack');
    zset.add(Buffer.from('d'), 4, {}, config);
    expect(zset.encoding()).toBe('skiplist');
    zset.delete(Buffer.from('d'));
    expect(zset.encoding()).toBe('skiplist');
    const long = buildZset([['a', 1]], config);
    long.add(Buffer.from('abcd'), 2, {}, config);
    expect(long.encoding()).toBe('listpack');
    long.add(Buffer.from('abcde'), 3, {}, config);
    expect(long.encoding()).toBe('skiplist');
  });

  it('builds from entries with the encoding their size calls for, and clones keep encoding and content', () => {
    fc.assert(
      fc.property(pairsArbitrary, (pairs) => {
        const model = sortedModel(pairs);
        const built = createZsetFromEntries(model.map(([member, score]) => [Buffer.from(member), score] as const), smallListpack, Prng.root(2));
        expect(built.encoding()).toBe(pairs.length > 8 ? 'skiplist' : 'listpack');
        const copy = built.clone();
        expect(copy.encoding()).toBe(built.encoding());
        expect([...copy.entries()].map(([member, score]) => [member.toString(), score])).toEqual(model);
      }),
    );
  });

  it('scans every member exactly once over a full cursor cycle, with d2string scores for listpack and %.17g for skiplist', () => {
    const listpack = buildZset([['a', 1e17], ['b', 0.5]], defaultEncodingConfig);
    const listpackSeen: string[] = [];
    expect(listpack.scanStep(0, (member, score) => listpackSeen.push(`${member.toString()}=${score}`))).toBe(0);
    expect(listpackSeen).toEqual(['b=0.5', 'a=100000000000000000']);
    const skiplist = buildZset([['a', 1e17], ['b', 0.5]], { ...defaultEncodingConfig, zsetMaxListpackEntries: 0 });
    const seen: string[] = [];
    let cursor = 0;
    do cursor = skiplist.scanStep(cursor, (member, score) => seen.push(`${member.toString()}=${score}`));
    while (cursor !== 0);
    expect(seen.sort()).toEqual(['a=1e+17', 'b=0.5']);
  });
});
