import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { defaultEncodingConfig, type EncodingConfig } from '../../../src/store/keyspace/encoding-config.js';
import { Intset } from '../../../src/store/types/intset.js';
import { BucketTable } from '../../../src/store/types/set-hashtable.js';
import { createSetFromMembers, SetValue } from '../../../src/store/types/set.js';

const members = (set: SetValue): string[] => [...set.members()].map((member) => member.toString('latin1'));

describe('Intset', () => {
  it('keeps distinct values in ascending order and answers membership like a JS Set', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }))), (operations) => {
        const intset = new Intset();
        const model = new Set<bigint>();
        for (const [adding, value] of operations) {
          if (adding) expect(intset.add(value)).toBe(!model.has(value));
          else expect(intset.remove(value)).toBe(model.has(value));
          if (adding) model.add(value);
          else model.delete(value);
        }
        expect([...intset]).toEqual([...model].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)));
        for (const value of model) expect(intset.has(value)).toBe(true);
      }),
    );
  });

  it('widens its integer encoding as values need, and never narrows it on removal', () => {
    const intset = new Intset([1n, -5n]);
    expect(intset.widthBytes()).toBe(2);
    intset.add(70_000n);
    expect(intset.widthBytes()).toBe(4);
    intset.add(-(2n ** 40n));
    expect(intset.widthBytes()).toBe(8);
    intset.remove(-(2n ** 40n));
    expect(intset.widthBytes()).toBe(8);
  });
});

describe('BucketTable', () => {
  it('returns every key present for a whole scan at least once, even when the table grows or shrinks between steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 600 })), { maxLength: 400 }), (initial, churn) => {
        const table = new BucketTable<number>();
        for (let index = 0; index < initial; index++) table.set(`k${index}`, index);
        const presentThroughout = new Set(Array.from({ length: initial }, (_, index) => `k${index}`));
        const seen = new Set<string>();
        let cursor = 0;
        let steps = 0;
        do {
          cursor = table.scanStep(cursor, (key) => seen.add(key));
          const change = churn[steps];
          if (change !== undefined) {
            const [adding, number] = change;
            const key = `k${number}`;
            if (adding) table.set(key, number);
            else if (table.delete(key)) presentThroughout.delete(key);
          }
          steps++;
          expect(steps).toBeLessThan(100_000);
        } while (cursor !== 0);
        for (const key of presentThroughout) expect(seen.has(key)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the Map and the buckets in agreement and shrinks when under 10% full', () => {
    const table = new BucketTable<number>();
    for (let index = 0; index < 1000; index++) table.set(`k${index}`, index);
    expect(table.bucketCount()).toBe(1024);
    for (let index = 0; index < 990; index++) table.delete(`k${index}`);
    expect(table.size).toBe(10);
    expect(table.bucketCount()).toBeLessThanOrEqual(16);
    expect([...table.keys()].sort()).toEqual(Array.from({ length: 10 }, (_, index) => `k${990 + index}`).sort());
    const rng = Prng.root(5);
    for (let draw = 0; draw < 50; draw++) expect(table.has(table.randomKey(rng))).toBe(true);
  });
});

describe('SetValue', () => {
  const config: EncodingConfig = { ...defaultEncodingConfig, setMaxIntsetEntries: 4 };

  it('stays an intset for canonical integers up to set-max-intset-entries, ascending; converts past it or on a non-integer', () => {
    const set = createSetFromMembers(['3', '-1', '2', '10'].map((text) => Buffer.from(text)), config);
    expect(set.encoding()).toBe('intset');
    expect(members(set)).toEqual(['-1', '2', '3', '10']);
    set.add(Buffer.from('11'), config);
    expect(set.encoding()).toBe('hashtable');
    for (const text of ['01', '+1', '-0', ' 1', '9223372036854775808', 'a']) {
      const other = createSetFromMembers([Buffer.from('1'), Buffer.from(text)], config);
      expect(other.encoding(), text).toBe('hashtable');
    }
    const extreme = createSetFromMembers([Buffer.from('9223372036854775807'), Buffer.from('-9223372036854775808')], config);
    expect(extreme.encoding()).toBe('intset');
    expect(members(extreme)).toEqual(['-9223372036854775808', '9223372036854775807']);
  });

  it('agrees with a JS Set model through adds and removes, in either encoding', () => {
    const memberArbitrary = fc.oneof(fc.integer({ min: -20, max: 20 }).map(String), fc.stringMatching(/^[a-c]{1,2}$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), memberArbitrary), { maxLength: 60 }), (operations) => {
        const set = new SetValue();
        const model = new Set<string>();
        for (const [adding, text] of operations) {
          const member = Buffer.from(text);
          if (adding) expect(set.add(member, config)).toBe(!model.has(text));
          else expect(set.remove(member)).toBe(model.has(text));
          if (adding) model.add(text);
          else model.delete(text);
        }
        expect(set.size()).toBe(model.size);
        expect(members(set).sort()).toEqual([...model].sort());
        for (const text of model) expect(set.has(Buffer.from(text))).toBe(true);
        const copy = set.clone();
        expect(members(copy)).toEqual(members(set));
        expect(copy.encoding()).toBe(set.encoding());
      }),
    );
  });

  it('draws random members only from the set', () => {
    const rng = Prng.root(9);
    for (const texts of [['1', '2', '3'], ['a', 'b', 'c', 'd']]) {
      const set = createSetFromMembers(texts.map((text) => Buffer.from(text)), defaultEncodingConfig);
      const drawn = new Set(Array.from({ length: 200 }, () => set.randomMember(rng).toString()));
      expect([...drawn].sort()).toEqual(texts);
    }
  });
});
