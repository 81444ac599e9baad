import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installBit } from '../../../../src/store/scripting/lua/lib-bit.js';
import { parseLuaNumber } from '../../../../src/store/scripting/lua/number-format.js';
import {
  describeResults,
  evalEach,
  hexFloatText,
  libraryFunction,
  luaDescribeResults,
  protectedCall,
  installedLibrary,
  testContext,
  withoutPosition,
  useRealRedisConnection,
} from './lib-test-support.js';

const { table: bit, call } = installedLibrary(installBit, 'bit');

describe('bit (LuaBitOp 1.0.2)', () => {
  it('works on 32-bit values and returns signed results', () => {
    expect(call('tobit', 0xffffffff)).toEqual([-1]);
    expect(call('tobit', 2 ** 32 + 5)).toEqual([5]);
    expect(call('bnot', 0)).toEqual([-1]);
    expect(call('band', 0xff, 0x0f, 0x3)).toEqual([3]);
    expect(call('bor', 1, 2, 4)).toEqual([7]);
    expect(call('bxor', 5, 3)).toEqual([6]);
    expect(call('lshift', 1, 31)).toEqual([-(2 ** 31)]);
    expect(call('rshift', -1, 28)).toEqual([15]);
    expect(call('arshift', -256, 4)).toEqual([-16]);
    expect(call('rol', 0x12345678, 4)).toEqual([0x23456781]);
    expect(call('ror', 0x12345678, 4)).toEqual([-2128394905]);
    expect(call('bswap', 0x12345678)).toEqual([0x78563412]);
  });

  it('rounds fractions to nearest even through the 2^52+2^51 trick and accepts numeric strings', () => {
    expect(call('tobit', 2.5)).toEqual([2]);
    expect(call('tobit', 3.5)).toEqual([4]);
    expect(call('tobit', '0x10')).toEqual([16]);
  });

  it('tohex writes n digits, upper case for negative n', () => {
    expect(call('tohex', 255)).toEqual(['000000ff']);
    expect(call('tohex', 255, -4)).toEqual(['00FF']);
    expect(call('tohex', -1, 12)).toEqual(['ffffffff']);
  });

  it('rejects what is not a number', () => {
    expect(protectedCall(libraryFunction(bit, 'band'), [1, 'x'], testContext())).toEqual([false, "user_script:1: bad argument #2 to 'band' (number expected, got string)"]);
    expect(protectedCall(libraryFunction(bit, 'tobit'), [], testContext())).toEqual([false, "user_script:1: bad argument #1 to 'tobit' (number expected, got no value)"]);
  });
});

describe('bit agrees with redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('every function on generated numbers', async () => {
    const numberArbitrary = fc.oneof(
      fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
      fc.double({ noNaN: true }),
      fc.integer({ min: -40, max: 40 }),
      fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0.5, 0.25, 0.75)).map(([a, b]) => a + b),
    );
    const names = ['tobit', 'bnot', 'band', 'bor', 'bxor', 'lshift', 'rshift', 'arshift', 'rol', 'ror', 'bswap', 'tohex'];
    const cases = fc.sample(fc.tuple(fc.constantFrom(...names), fc.array(numberArbitrary, { minLength: 1, maxLength: 3 })), { numRuns: 2000, seed: 31 });
    const script = `${luaDescribeResults}
      local args = {}
      for i = 2, #ARGV do args[i - 1] = tonumber(ARGV[i]) end
      return describe(pack(pcall(bit[ARGV[1]], unpack(args))))`;
    const argumentLists = cases.map(([name, numbers]) => [name, ...numbers.map(hexFloatText)]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([name, numbers]) => describeResults(protectedCall(libraryFunction(bit, name), numbers.map((n) => parseLuaNumber(hexFloatText(n))), testContext(''))));
    const mismatches = argumentLists.flatMap((list, index) => {
      const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", `to '${list[0]}'`);
      return theirs === actual[index] ? [] : [`${JSON.stringify(list)}\n  redis: ${theirs}\n  ours:  ${actual[index]}`];
    });
    expect(mismatches).toEqual([]);
  });
});
