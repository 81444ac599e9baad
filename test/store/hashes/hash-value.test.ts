import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { defaultEncodingConfig, type EncodingConfig } from '../../../src/store/keyspace/encoding-config.js';
import { createHashFromEntries, HashValue } from '../../../src/store/types/hash.js';

const config = (entries: number, value: number): EncodingConfig => ({ ...defaultEncodingConfig, hashMaxListpackEntries: entries, hashMaxListpackValue: value });
const bytes = (text: string): Buffer => Buffer.from(text);
const pairsOf = (hash: HashValue): [string, string][] => Array.from(hash.entries(), ([field, value]) => [field.toString(), value.toString()]);

type Operation = { readonly kind: 'set'; readonly field: string; readonly value: string } | { readonly kind: 'delete'; readonly field: string };

const fieldName = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'long-field-name');
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), field: fieldName, value: fc.constantFrom('1', 'xx', 'a-longer-value') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), field: fieldName }) },
);

describe('HashValue', () => {
  it('keeps listpack order as a listpack does: an update keeps its place, a delete closes the gap, a new field goes last', () => {
    const hash = createHashFromEntries([[bytes('c'), bytes('1')], [bytes('a'), bytes('2')], [bytes('b'), bytes('3')]], defaultEncodingConfig);
    expect(hash.set(bytes('a'), bytes('9'), defaultEncodingConfig)).toBe(false);
    expect(hash.delete(bytes('c'))).toBe(true);
    expect(hash.set(bytes('c'), bytes('4'), defaultEncodingConfig)).toBe(true);
    expect(hash.encoding()).toBe('listpack');
    expect(pairsOf(hash)).toEqual([['a', '9'], ['b', '3'], ['c', '4']]);
  });

  it('converts to a hashtable past hash-max-listpack-entries or -value, and never back', () => {
    const thresholds = config(3, 5);
    const hash = new HashValue();
    for (const field of ['a', 'b', 'c']) hash.set(bytes(field), bytes('v'), thresholds);
    expect(hash.encoding()).toBe('listpack');
    hash.set(bytes('d'), bytes('v'), thresholds);
    expect(hash.encoding()).toBe('hashtable');
    for (const field of ['a', 'b', 'c']) hash.delete(bytes(field));
    expect(hash.encoding()).toBe('hashtable');
    const byValue = new HashValue();
    byValue.set(bytes('f'), bytes('12345'), thresholds);
    expect(byValue.encoding()).toBe('listpack');
    byValue.set(bytes('f'), bytes('123456'), thresholds);
    expect(byValue.encoding()).toBe('hashtable');
    const byField = new HashValue();
    byField.convertIfAnyTooLong([bytes('ok'), bytes('too-long')], thresholds);
    expect(byField.encoding()).toBe('hashtable');
  });

  it('holds the same fields as a Map model whatever the thresholds, in insertion order while a listpack', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 }), (operations, entries, value) => {
        const thresholds = config(entries, value);
        const hash = new HashValue();
        const model = new Map<string, string>();
        for (const op of operations) {
          if (op.kind === 'set') {
            expect(hash.set(bytes(op.field), bytes(op.value), thresholds)).toBe(!model.has(op.field));
            model.set(op.field, op.value);
          } else {
            expect(hash.delete(bytes(op.field))).toBe(model.delete(op.field));
          }
        }
        expect(hash.size()).toBe(model.size);
        const pairs = pairsOf(hash);
        if (hash.encoding() === 'listpack') expect(pairs).toEqual([...model]);
        else expect(pairs.sort()).toEqual([...model].sort());
        for (const [field, fieldValue] of model) expect(hash.get(bytes(field))?.toString()).toBe(fieldValue);
      }),
      { numRuns: 300 },
    );
  });

  it('clones with the same encoding and order, independent of the original', () => {
    const thresholds = config(2, 64);
    for (const fields of [['a', 'b'], ['a', 'b', 'c', 'd', 'e']]) {
      const hash = new HashValue();
      for (const field of fields) hash.set(bytes(field), bytes(`v-${field}`), thresholds);
      const copy = hash.clone();
      expect(copy.encoding()).toBe(hash.encoding());
      expect(pairsOf(copy)).toEqual(pairsOf(hash));
      copy.set(bytes('a'), bytes('changed'), thresholds);
      expect(hash.get(bytes('a'))?.toString()).toBe('v-a');
    }
  });

  it('picks random entries from the seeded stream only: same seed, same picks; every field can come up', () => {
    const hash = createHashFromEntries(['a', 'b', 'c', 'd'].map((field) => [bytes(field), bytes('v')] as const), config(2, 64));
    const draw = (seed: number): string[] => {
      const rng = Prng.root(seed).fork('hrandfield');
      return Array.from({ length: 200 }, () => hash.randomEntry(rng).field.toString());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(new Set(draw(7))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('scans a hashtable to the end, returning every field present for the whole scan at least once despite writes between steps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 600 })), { maxLength: 200 }), (initial, writes) => {
        const thresholds = config(0, 64);
        const hash = new HashValue();
        for (let index = 0; index < initial; index++) hash.set(bytes(`f${index}`), bytes('v'), thresholds);
        const stable = new Set(Array.from({ length: initial }, (_, index) => `f${index}`));
        const seen = new Set<string>();
        let cursor = 0;
        let steps = 0;
        do {
          cursor = hash.scanStep(cursor, (entry) => seen.add(entry.field.toString()));
          const write = writes[steps % Math.max(1, writes.length)];
          if (write !== undefined) {
            const field = `f${write[1]}`;
            if (write[0]) hash.set(bytes(field), bytes('v'), thresholds);
            else hash.delete(bytes(field));
            stable.delete(field);
          }
          steps++;
        } while (cursor !== 0 && steps < 100_000);
        expect(cursor).toBe(0);
        for (const field of stable) expect(seen.has(field)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
