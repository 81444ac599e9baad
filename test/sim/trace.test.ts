import { describe, expect, it } from 'vitest';
import { eventKind } from '../../src/sim/event-kind.js';
import { WORLD_HOST_INDEX } from '../../src/sim/sim-event.js';
import { eventDigest32, firstTraceDifference, formatTraceEntry, Trace } from '../../src/sim/trace.js';

const tick = eventKind('test.tick');
const tock = eventKind('test.tock');

function traceOf(events: readonly [number, 'tick' | 'tock', number, string | number][], keptMax = 100): Trace {
  const trace = new Trace(['n1', 'n2'], keptMax);
  for (const [timeUs, kindName, hostIndex, detail] of events) trace.record(timeUs, kindName === 'tick' ? tick : tock, hostIndex, detail);
  return trace;
}

describe('Trace', () => {
  it('hashes equal event sequences equally and tells apart a change in time, kind, host or detail', () => {
    const base: [number, 'tick' | 'tock', number, string | number][] = [
      [1, 'tick', 0, 7],
      [2, 'tock', 1, 'x'],
      [5_000_000_000, 'tick', WORLD_HOST_INDEX, 1.5],
    ];
    const hash = traceOf(base).hash();
    expect(traceOf(base).hash()).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const variants: [number, 'tick' | 'tock', number, string | number][][] = [
      [[1, 'tick', 0, 7], [3, 'tock', 1, 'x'], base[2]!],
      [[1, 'tick', 0, 7], [2, 'tick', 1, 'x'], base[2]!],
      [[1, 'tick', 0, 7], [2, 'tock', 0, 'x'], base[2]!],
      [[1, 'tick', 0, 7], [2, 'tock', 1, 'y'], base[2]!],
      [[1, 'tick', 0, '7'], [2, 'tock', 1, 'x'], base[2]!],
      [base[0]!, base[1]!, [5_000_000_000 + 2 ** 32, 'tick', WORLD_HOST_INDEX, 1.5]],
      [base[1]!, base[0]!, base[2]!],
    ];
    for (const variant of variants) expect(traceOf(variant).hash()).not.toBe(hash);
  });

  it('digests each field of an event (time above 2^32 included)', () => {
    const digest = eventDigest32(10, tick, 0, 'a');
    expect(eventDigest32(10, tick, 0, 'a')).toBe(digest);
    expect(new Set([digest, eventDigest32(11, tick, 0, 'a'), eventDigest32(10 + 2 ** 32, tick, 0, 'a'), eventDigest32(10, tock, 0, 'a'), eventDigest32(10, tick, 1, 'a'), eventDigest32(10, tick, 0, 'b')]).size).toBe(6);
  });

  it('keeps only the last keptMax entries but counts and hashes all', () => {
    const events: [number, 'tick' | 'tock', number, string | number][] = Array.from({ length: 10 }, (_, index) => [index, 'tick', 0, index]);
    const small = traceOf(events, 3);
    const large = traceOf(events, 100);
    expect(small.count).toBe(10);
    expect(small.hash()).toBe(large.hash());
    expect(small.entries().map((entry) => entry.index)).toEqual([7, 8, 9]);
    expect(small.entries()[2]).toEqual({ index: 9, timeUs: 9, kind: 'test.tick', host: 'n1', detail: '9' });
    expect(large.entries()).toHaveLength(10);
    expect(formatTraceEntry(large.entries()[0]!)).toBe('#0 t=0us n1 test.tick 0');
  });

  it('finds the first differing entry of two traces, or none', () => {
    const left = traceOf([[1, 'tick', 0, 1], [2, 'tick', 0, 2], [3, 'tick', 0, 3]]).entries();
    const right = traceOf([[1, 'tick', 0, 1], [2, 'tick', 1, 2], [3, 'tick', 0, 3]]).entries();
    expect(firstTraceDifference(left, left)).toBeNull();
    expect(firstTraceDifference(left, right)).toEqual({ left: left[1], right: right[1] });
    expect(firstTraceDifference(left, left.slice(0, 2))).toEqual({ left: left[2], right: null });
    expect(traceOf([[1, 'tock', WORLD_HOST_INDEX, 'w']]).entries()[0]?.host).toBe('world');
  });
});
