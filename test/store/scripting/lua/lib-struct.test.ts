import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { installStruct } from '../../../../src/store/scripting/lua/lib-struct.js';
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

const { table: struct, call } = installedLibrary(installStruct, 'struct');

function hex(bytes: LuaValue): string {
  return Buffer.from(String(bytes), 'latin1').toString('hex');
}

describe('struct (lua_struct.c, x86-64)', () => {
  it('packs integers, floats and strings with byte order and alignment', () => {
    expect(hex(call('pack', '>I2<i4', 258, -2)[0])).toBe('0102feffffff');
    expect(hex(call('pack', '!4 b i', 1, 2)[0])).toBe('010000000200000000'.slice(0, 16));
    expect(hex(call('pack', 'sc2c0', 'ab', 'xyz', 'q')[0])).toBe('616200787971');
    expect(hex(call('pack', '>d', 1.5)[0])).toBe('3ff8000000000000');
    expect(hex(call('pack', 'f', 0.1)[0])).toBe('cdcccc3d');
  });

  it('unpacks what it packed and returns the next position last', () => {
    const packed = call('pack', '>I2i8sd', 513, -7, 'hi', 2.25)[0];
    expect(call('unpack', '>I2i8sd', packed)).toEqual([513, -7, 'hi', 2.25, 22]);
    expect(call('unpack', 'bc0', '\x03abcd')).toEqual(['abc', 5]);
    expect(call('unpack', 'B', '\x01\x02', 2)).toEqual([2, 3]);
  });

  it('sizes fixed formats and refuses s and c0', () => {
    expect(call('size', '!8 b d')).toEqual([16]);
    expect(call('size', 'i3c5')).toEqual([8]);
    const failure = (name: string, ...args: LuaValue[]): LuaValue => protectedCall(libraryFunction(struct, name), args, testContext())[1];
    expect(failure('size', 's')).toBe("user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)");
    expect(failure('pack', 'y', 1)).toBe("user_script:1: bad argument #1 to 'pack' (invalid format option 'y')");
    expect(failure('pack', '!3')).toBe('user_script:1: alignment 3 is not a power of 2');
    expect(failure('pack', 'i33', 1)).toBe('user_script:1: integral size 33 is larger than limit of 32');
    expect(failure('unpack', 'i', 'ab')).toBe("user_script:1: bad argument #2 to 'unpack' (data string too short)");
    expect(failure('unpack', 'b', 'a', 0)).toBe("user_script:1: bad argument #3 to 'unpack' (offset must be 1 or greater)");
    expect(failure('unpack', 's', 'abc')).toBe('user_script:1: unfinished string in data');
    expect(failure('unpack', 'c0', 'abc')).toBe("user_script:1: format 'c0' needs a previous size");
    expect(failure('pack', 'c3', 'ab')).toBe("user_script:1: bad argument #3 to 'pack' (string too short)");
    // b_pack pushes a nil mark after its arguments: the first missing one is "nil", not "no value".
    expect(failure('pack')).toBe("user_script:1: bad argument #1 to 'pack' (string expected, got no value)");
    expect(failure('pack', 'bb', 1)).toBe("user_script:1: bad argument #3 to 'pack' (number expected, got nil)");
  });
});

const optionArbitrary = fc.constantFrom('b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I', 'i3', 'I5', 'i16', 'I1', 'x', 'f', 'd', 'c3', 'c0', 'c', 's', '<', '>', '!', '!4', '!2', '!1', ' ', 'z', '!3', 'i40');
const valueArbitrary = fc.oneof(
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((n) => `n${hexFloatText(n)}`),
  fc.integer({ min: -300, max: 70000 }).map((n) => `n${hexFloatText(n)}`),
  fc.double({ noNaN: true }).map((n) => `n${hexFloatText(n)}`),
  fc.constantFrom(2 ** 63, -(2 ** 63), 2 ** 64, 1e20, -1e20, 0.5, -0.5).map((n) => `n${hexFloatText(n)}`),
  fc.string({ maxLength: 6 }).map((text) => `s${text}`),
);

function typedArgument(text: string): LuaValue {
  return text.startsWith('n') ? parseLuaNumber(text.slice(1)) : text.slice(1);
}

describe('struct agrees with redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('pack of generated formats and values', async () => {
    const cases = fc.sample(fc.tuple(fc.array(optionArbitrary, { minLength: 1, maxLength: 5 }), fc.array(valueArbitrary, { maxLength: 5 })), { numRuns: 2000, seed: 41 });
    const script = `
      local args = {}
      for i = 2, #ARGV do
        local v = ARGV[i]
        if v:sub(1, 1) == 'n' then args[i - 1] = tonumber(v:sub(2)) else args[i - 1] = v:sub(2) end
      end
      local ok, result = pcall(struct.pack, ARGV[1], unpack(args))
      if not ok then return 'error:' .. result end
      return 'ok:' .. result`;
    const argumentLists = cases.map(([options, values]) => [options.join(''), ...values]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([options, values]) => {
      const result = protectedCall(libraryFunction(struct, 'pack'), [options.join(''), ...values.map(typedArgument)], testContext(''));
      return result[0] === true ? `ok:${String(result[1])}` : `error:${String(result[1])}`;
    });
    expect(expected.filter((text) => text.startsWith('ok:')).length).toBeGreaterThan(300);
    const mismatches = argumentLists.flatMap((list, index) => {
      const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", "to 'pack'");
      return theirs === actual[index] ? [] : [`${JSON.stringify(list)}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(actual[index])}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('unpack and size of generated formats and data', async () => {
    const cases = fc.sample(
      fc.tuple(fc.array(optionArbitrary, { minLength: 1, maxLength: 5 }), fc.uint8Array({ maxLength: 40 }), fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined }), fc.boolean()),
      { numRuns: 2000, seed: 43 },
    );
    const script = `${luaDescribeResults}
      if ARGV[4] == 'size' then return describe(pack(pcall(struct.size, ARGV[1]))) end
      local position = ARGV[3] ~= '' and tonumber(ARGV[3]) or nil
      return describe(pack(pcall(struct.unpack, ARGV[1], ARGV[2], position)))`;
    const argumentLists = cases.map(([options, data, position, isSize]) => [
      options.join(''), Buffer.from(data).toString('latin1'), position === undefined ? '' : String(position), isSize ? 'size' : 'unpack',
    ]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = argumentLists.map(([format, data, position, name]) => {
      const args: LuaValue[] = name === 'size' ? [format] : [format, data, position === '' ? undefined : Number(position)];
      return describeResults(protectedCall(libraryFunction(struct, name ?? ''), args, testContext('')));
    });
    expect(expected.filter((text) => text.startsWith('boolean:true')).length).toBeGreaterThan(300);
    const mismatches = argumentLists.flatMap((list, index) => {
      const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", `to '${list[3]}'`);
      return theirs === actual[index] ? [] : [`${JSON.stringify(list)}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(actual[index])}`];
    });
    expect(mismatches).toEqual([]);
  });
});
