import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStreamIds, nextStreamId, parseStreamId, previousStreamId, streamIdText, UINT64_MAX } from '../../../src/store/types/stream-id.js';
import { SortedIds } from '../../../src/store/types/stream-sorted-ids.js';
import { StreamValue } from '../../../src/store/types/stream.js';

const idArbitrary = fc.record({ ms: fc.bigInt({ min: 0n, max: UINT64_MAX }), seq: fc.bigInt({ min: 0n, max: UINT64_MAX }) });
const limits = { maxEntries: 3, maxBytes: 4096 };

function filled(count: number): StreamValue {
  const stream = new StreamValue();
  for (let index = 1; index <= count; index++) stream.append({ ms: BigInt(index), seq: 0n }, [Buffer.from('f'), Buffer.from(String(index))], limits);
  return stream;
}

describe('stream IDs', () => {
  it('print and parse back to the same ID', () => {
    fc.assert(fc.property(idArbitrary, (id) => {
      const parsed = parseStreamId(Buffer.from(streamIdText(id)), 0n);
      expect(parsed?.id).toEqual(id);
    }));
  });

  it('next and previous are inverse and ordered', () => {
    fc.assert(fc.property(idArbitrary, (id) => {
      const next = nextStreamId(id);
      if (next === undefined) return expect(compareStreamIds(id, { ms: UINT64_MAX, seq: UINT64_MAX })).toBe(0);
      expect(compareStreamIds(next, id)).toBe(1);
      expect(previousStreamId(next)).toEqual(id);
    }));
  });

  it('refuse values past 64 bits, signs and junk; strict refuses - and +', () => {
    for (const bad of ['18446744073709551616', '-1', '1-x', '', '1-2-3', 'a']) expect(parseStreamId(Buffer.from(bad), 0n)).toBeUndefined();
    expect(parseStreamId(Buffer.from('-'), 0n, { strict: true })).toBeUndefined();
    expect(parseStreamId(Buffer.from('+'), 0n)?.id).toEqual({ ms: UINT64_MAX, seq: UINT64_MAX });
    expect(parseStreamId(Buffer.from('7'), 9n)?.id).toEqual({ ms: 7n, seq: 9n });
    expect(parseStreamId(Buffer.from('7-*'), 0n, { allowSeqStar: true })?.seqGiven).toBe(false);
  });
});

describe('sorted IDs', () => {
  it('iterate in ascending order whatever the insertion order, and ranges are inclusive', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 200 })), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (values, low, high) => {
      const sorted = new SortedIds<number>();
      for (const value of values) sorted.set({ ms: BigInt(value), seq: 0n }, value);
      const all = Array.from(sorted, ([, value]) => value);
      expect(all).toEqual(values.slice().sort((a, b) => a - b));
      const range = Array.from(sorted.range({ ms: BigInt(low), seq: 0n }, { ms: BigInt(high), seq: 0n }), ([, value]) => value);
      expect(range).toEqual(all.filter((value) => value >= low && value <= high));
    }));
  });
});

describe('stream trimming', () => {
  it('exact MAXLEN keeps exactly the newest entries', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 35 }), (count, maxLength) => {
      const stream = filled(count);
      const deleted = stream.trim({ strategy: 'maxlen', maxLength, minId: { ms: 0n, seq: 0n }, approximate: false, limit: 0 });
      expect(stream.length()).toBe(Math.min(count, maxLength));
      expect(deleted).toBe(count - stream.length());
      expect(stream.firstId).toEqual(stream.entries.first() ?? { ms: 0n, seq: 0n });
    }));
  });

  it('approximate MAXLEN removes whole nodes only and never goes below the threshold', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 35 }), (count, maxLength) => {
      const stream = filled(count);
      stream.trim({ strategy: 'maxlen', maxLength, minId: { ms: 0n, seq: 0n }, approximate: true, limit: 0 });
      expect(stream.length()).toBeGreaterThanOrEqual(Math.min(count, maxLength));
      expect(stream.length() - Math.min(count, maxLength)).toBeLessThan(limits.maxEntries);
      expect(stream.nodes.reduce((sum, node) => sum + node.live, 0)).toBe(stream.length());
    }));
  });

  it('deleting every entry of a node drops the node; XDEL records the max deleted ID', () => {
    const stream = filled(6);
    expect(stream.nodes.length).toBe(2);
    for (const ms of [1n, 2n, 3n]) expect(stream.deleteEntry({ ms, seq: 0n })).toBe(true);
    expect(stream.deleteEntry({ ms: 3n, seq: 0n })).toBe(false);
    expect(stream.nodes.length).toBe(1);
    expect(stream.maxDeletedEntryId).toEqual({ ms: 3n, seq: 0n });
    expect(stream.firstId).toEqual({ ms: 4n, seq: 0n });
  });

  it('clones are deep: changing the copy leaves the original alone', () => {
    const stream = filled(4);
    stream.createGroup(Buffer.from('g'), { ms: 0n, seq: 0n }, -1)?.createConsumer(Buffer.from('c'), 5);
    const copy = stream.clone();
    copy.deleteEntry({ ms: 1n, seq: 0n });
    copy.group(Buffer.from('g'))?.createConsumer(Buffer.from('d'), 6);
    expect(stream.length()).toBe(4);
    expect(stream.group(Buffer.from('g'))?.consumerCount()).toBe(1);
    expect(copy.group(Buffer.from('g'))?.consumerCount()).toBe(2);
  });
});
