import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactDecimal,
  formatLuaNumber,
  parseLuaNumber,
  roundDecimal,
  significantDigits,
} from '../../../../src/store/scripting/lua/number-format.js';
import { evalEach, hexFloatText, useRealRedisConnection } from './lib-test-support.js';

describe('formatLuaNumber prints like Lua 5.1 tostring ("%.14g" on glibc)', () => {
  // Fixtures: redis-cli eval "return {tostring(1/0), tostring(-1/0), tostring(1e15), ...}" 0 on redis 7.0.15.
  it.each([
    [1 / 0, 'inf'],
    [-1 / 0, '-inf'],
    [1e15, '1e+15'],
    [0.1, '0.1'],
    [1e100, '1e+100'],
    [2 ** 53, '9.007199254741e+15'],
    [123456789012345678, '1.2345678901235e+17'],
    [-0, '-0'],
    [0, '0'],
    [100, '100'],
    [1e14, '1e+14'],
    [99999999999999, '99999999999999'],
    [3.14159, '3.14159'],
    [-2.5, '-2.5'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
  ])('%s prints as %s', (value, text) => {
    expect(formatLuaNumber(value)).toBe(text);
  });

  it('rounds a tie of the exact value to even, as glibc does (123456789012345 -> ...234e+14)', () => {
    expect(formatLuaNumber(123456789012345)).toBe('1.2345678901234e+14');
    expect(formatLuaNumber(123456789012355)).toBe('1.2345678901236e+14');
  });

  it('prints 0/0 computed at run time as "-nan" (x86 makes it negative) and its negation as "nan"', () => {
    // redis-cli eval "local z = 0; return {tostring(z/z), tostring(-(z/z))}" 0 -> -nan, nan
    const zero = Number('0');
    expect(formatLuaNumber(zero / zero)).toBe('-nan');
    expect(formatLuaNumber(-(zero / zero))).toBe('nan');
  });
});

describe('significantDigits', () => {
  it('agrees with exact half-to-even rounding of the binary value for every double and digit count', () => {
    const tie = fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: -12, max: 12 })).map(([m, e]) => (m * 10 + 5) * 10 ** e);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), tie, fc.integer()), fc.integer({ min: 1, max: 30 }), (value, count) => {
        fc.pre(value !== 0);
        const exact = roundDecimal(exactDecimal(value), count);
        expect(significantDigits(value, count)).toEqual({ digits: exact.digits, exponent: exact.pointPosition - 1 });
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds the exact ties 0.5, 2.5 and 0.125 to even', () => {
    expect(significantDigits(2.5, 1)).toEqual({ digits: '2', exponent: 0 });
    expect(significantDigits(3.5, 1)).toEqual({ digits: '4', exponent: 0 });
    expect(significantDigits(0.125, 2)).toEqual({ digits: '12', exponent: -1 });
  });
});

describe('parseLuaNumber follows luaO_str2d', () => {
  // redis-cli eval "return {tostring(tonumber(' 0x1A ')), ...}" 0 on redis 7.0.15.
  it.each([
    [' 0x1A ', 26],
    ['  12  ', 12],
    ['.5', 0.5],
    ['5.', 5],
    ['-0x10', -16],
    ['0x1p4', 16],
    ['1e500', Infinity],
    ['inf', Infinity],
    ['infinity', Infinity],
    ['1.e2', 100],
    ['12\0ab', 12],
  ])('%j is %d', (text, value) => {
    expect(parseLuaNumber(text)).toBe(value);
  });

  it.each(['1e', '0x', '', ' ', '1 2', '- 1', '1e+', '.', 'abc', '0x1g'])('%j is not a number', (text) => {
    expect(parseLuaNumber(text)).toBeUndefined();
  });

  it('reads "nan" as NaN', () => {
    expect(parseLuaNumber('nan')).toBeNaN();
  });

  it('reads back every double from its hex float text, bit for bit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        expect(Object.is(parseLuaNumber(hexFloatText(value)), value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every double from its shortest decimal text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(parseLuaNumber(String(value)), value) || (value === 0 && parseLuaNumber(String(value)) === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('number text agrees with the real redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('tostring of generated doubles', async () => {
    const interesting = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map((n) => n),
      fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -20, max: 20 })).map(([m, e]) => m * 10 ** e),
      fc.tuple(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: -60, max: 60 })).map(([m, e]) => m * 2 ** e),
    );
    const values = fc.sample(interesting, { numRuns: 1500, seed: 7 });
    const expected = await evalEach(connection(), 'return tostring(tonumber(ARGV[1]))', values.map((value) => [hexFloatText(value)]));
    expect(new Set(expected).size).toBeGreaterThan(1000);
    const mismatches = values.filter((value, index) => formatLuaNumber(value) !== expected[index]);
    expect(mismatches.map((value) => `${hexFloatText(value)}: ours ${formatLuaNumber(value)}`)).toEqual([]);
  });

  it('tonumber of generated texts', async () => {
    const pieces = [' ', '\t', '+', '-', '0', '1', '9', '.', 'e', 'E', 'x', 'X', 'a', 'f', 'p', 'inf', 'nan', '5', '\n', '0x'];
    const texts = fc.sample(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 7 }).map((parts) => parts.join('')), {
      numRuns: 1500,
      seed: 11,
    });
    const script = 'local n = tonumber(ARGV[1]); if n == nil then return "nil" end; return string.format("%.17g", n)';
    const expected = await evalEach(connection(), script, texts.map((text) => [text]));
    expect(expected.filter((text) => text !== 'nil').length).toBeGreaterThan(120);
    const ours = texts.map((text) => {
      const value = parseLuaNumber(text);
      if (value === undefined) return 'nil';
      if (Number.isNaN(value)) return expected[texts.indexOf(text)]?.includes('nan') ? 'nan-like' : 'nan';
      return value;
    });
    const mismatches = texts.filter((text, index) => {
      const mine = ours[index];
      const theirs = expected[index] ?? '';
      if (mine === 'nil') return theirs !== 'nil';
      if (mine === 'nan-like') return false;
      return theirs === 'nil' || Number(theirs.replace('inf', 'Infinity')) !== mine;
    });
    expect(mismatches.map((text) => `${JSON.stringify(text)}: redis ${expected[texts.indexOf(text)]}, ours ${String(ours[texts.indexOf(text)])}`)).toEqual([]);
  });
});
