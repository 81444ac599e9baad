import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parseSeedRange, SWEEP_SEEDS_MAX } from '../../../src/scenario/sweep/seed-range.js';

describe('parseSeedRange', () => {
  it('reads A..B with both ends included', () => {
    expect(parseSeedRange('3..7')).toEqual([3, 4, 5, 6, 7]);
    expect(parseSeedRange('0..0')).toEqual([0]);
  });

  it('reads single seeds and comma lists, sorted without repeats', () => {
    expect(parseSeedRange('42')).toEqual([42]);
    expect(parseSeedRange('10..12, 1,11,5')).toEqual([1, 5, 10, 11, 12]);
  });

  it('rejects empty, reversed, negative, fractional and malformed ranges as usage errors', () => {
    for (const text of ['', '5..3', '-1..4', '1.5', '1..', '..3', '1...3', 'a', '1,,2', '1..2..3']) {
      expect(() => parseSeedRange(text), text).toThrow(UsageError);
    }
  });

  it('refuses more than SWEEP_SEEDS_MAX seeds', () => {
    expect(() => parseSeedRange(`0..${SWEEP_SEEDS_MAX}`)).toThrow(/more than/);
    expect(parseSeedRange(`1..${SWEEP_SEEDS_MAX}`)).toHaveLength(SWEEP_SEEDS_MAX);
  });

  it('gives B - A + 1 consecutive seeds for any A <= B', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(200), (first, extra) => {
        const seeds = parseSeedRange(`${first}..${first + extra}`);
        expect(seeds).toHaveLength(extra + 1);
        seeds.forEach((seed, index) => expect(seed).toBe(first + index));
      }),
    );
  });
});
