import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeValue, valueKey, valuesEqual } from '../../src/history/op-value.js';
import type { OpValue, OpValueMap } from '../../src/history/op.js';
import { opValueArbitrary } from './op-arbitrary.js';

/** A reference structural form: bytes that spell UTF-8 and the string they spell share one form; maps sort their entries. */
function normalized(value: OpValue): unknown {
  if (value === null) return ['nil'];
  if (value instanceof Uint8Array) {
    try {
      return ['s', new TextDecoder('utf-8', { fatal: true }).decode(value)];
    } catch {
      return ['x', [...value]];
    }
  }
  if (Array.isArray(value)) return ['a', value.map((item: OpValue) => normalized(item))];
  if (typeof value === 'object') {
    const map = value as OpValueMap;
    return ['m', Object.keys(map).sort().map((key) => [key, normalized(map[key] ?? null)])];
  }
  // The contract (valueKey): a string equals the bytes that spell it, so both normalize alike.
  if (typeof value === 'string') return ['s', value];
  return [typeof value, value];
}

describe('op values', () => {
  it('give equal keys exactly to structurally equal values', () => {
    const small = fc.oneof(fc.constantFrom<OpValue>(null, 1, '1', true, 'a'), fc.array(fc.constantFrom<OpValue>(1, 'a', null), { maxLength: 2 }));
    const value = fc.oneof(opValueArbitrary, small);
    fc.assert(
      fc.property(value, value, (left, right) => {
        expect(valueKey(left) === valueKey(right)).toBe(JSON.stringify(normalized(left)) === JSON.stringify(normalized(right)));
        expect(valuesEqual(left, left)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(valueKey(1)).not.toBe(valueKey('1'));
    expect(valueKey(null)).not.toBe(valueKey('nil'));
    expect(valueKey([1, [2]])).not.toBe(valueKey([[1], 2]));
  });

  it('equate bytes with the UTF-8 string they spell, and keep other bytes apart', () => {
    expect(valueKey(new TextEncoder().encode('héllo'))).toBe(valueKey('héllo'));
    expect(valueKey(new Uint8Array([97]))).toBe(valueKey('a'));
    expect(valuesEqual([new Uint8Array([97])], ['a'])).toBe(true);
    expect(valueKey(new Uint8Array([97]))).not.toBe(valueKey('b'));
    expect(valueKey(new Uint8Array([0xff]))).not.toBe(valueKey('\ufffd'));
  });

  it('key maps by sorted field, so field order does not matter', () => {
    expect(valueKey({ b: 1, a: 2 })).toBe(valueKey({ a: 2, b: 1 }));
    expect(valueKey({ a: 1 })).not.toBe(valueKey({ a: 2 }));
  });

  it('describe values readably', () => {
    expect(describeValue([1, 'x', null, new Uint8Array([0xff, 0])])).toBe('[1 "x" nil <2 bytes>]');
  });
});
