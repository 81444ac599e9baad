import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaError, LuaFunction, type LuaTable, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { createCjsonModule } from '../../../../src/store/scripting/lua/lib-cjson.js';
import { installCmsgpack } from '../../../../src/store/scripting/lua/lib-cmsgpack.js';
import { quoteLuaString } from '../../../../src/store/scripting/lua/lib-string-format.js';
import { formatPrintfNumber } from '../../../../src/store/scripting/lua/lib-string-printf.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { evalEach, installedLibrary, libraryFunction, protectedCall, testContext, withoutPosition, useRealRedisConnection } from './lib-test-support.js';

const { table: cmsgpack, call } = installedLibrary(installCmsgpack, 'cmsgpack');
const cjson = createCjsonModule(() => createLuaTable());

function hex(bytes: LuaValue): string {
  return Buffer.from(String(bytes), 'latin1').toString('hex');
}

function bytes(hexText: string): string {
  return Buffer.from(hexText, 'hex').toString('latin1');
}

function array(...values: LuaValue[]): LuaTable {
  const table = createLuaTable();
  values.forEach((value, index) => table.set(index + 1, value));
  return table;
}

describe('cmsgpack.pack', () => {
  it('writes the smallest MessagePack form of each value, as lua_cmsgpack does', () => {
    const object = createLuaTable();
    object.set('a', 1);
    // redis-cli eval "... return hex(cmsgpack.pack(1, -1, 127, 128, -33, 256, 65536, 2^32, -2^31, -2^31-1, 0.5, 0.1, 1/0, 'abc', true, false, nil, {1,2}, {a=1}, string.rep('x', 40)))" 0
    const packed = call('pack', 1, -1, 127, 128, -33, 256, 65536, 2 ** 32, -(2 ** 31), -(2 ** 31) - 1, 0.5, 0.1, 1 / 0, 'abc', true, false, undefined, array(1, 2), object, 'x'.repeat(40))[0];
    expect(hex(packed)).toBe(
      '01ff7fcc80d0dfcd0100ce00010000cf0000000100000000d280000000d3ffffffff7fffffffca3f000000cb3fb999999999999aca7f800000a3616263c3c2c092010281a16101d928' +
        '78'.repeat(40),
    );
  });

  it('packs a table nested 16 deep (a cycle) as nil there', () => {
    // redis-cli eval "local t = {} t[1] = t return hex(cmsgpack.pack(t))" 0
    const cycle = createLuaTable();
    cycle.set(1, cycle);
    expect(hex(call('pack', cycle)[0])).toBe(`${'91'.repeat(16)}c0`);
  });

  it('refuses to pack nothing', () => {
    const result = protectedCall(libraryFunction(cmsgpack, 'pack'), [], testContext());
    expect(result).toEqual([false, "user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.)"]);
  });
});

describe('cmsgpack.unpack, unpack_one, unpack_limit', () => {
  it('unpacks every value of a stream', () => {
    const values = call('unpack', bytes('01ff7fcc80d0dfcd0100cf8000000000000000ca3f000000a3616263c3c0'));
    expect(values).toEqual([1, -1, 127, 128, -33, 256, -(2 ** 63), 0.5, 'abc', true, undefined]);
    const [table] = call('unpack', bytes('9201a162')) as [LuaTable];
    expect([table.get(1), table.get(2)]).toEqual([1, 'b']);
  });

  it('unpack_one and unpack_limit return the next offset first, -1 at the end', () => {
    // redis-cli eval "return {cmsgpack.unpack_one(cmsgpack.pack(1,2), 0)}" 0 -> 1 1
    expect(call('unpack_one', bytes('0102'), 0)).toEqual([1, 1]);
    expect(call('unpack_one', bytes('0102'), 1)).toEqual([-1, 2]);
    expect(call('unpack_limit', bytes('010203'), 2)).toEqual([2, 1, 2]);
    expect(call('unpack_limit', bytes('010203'), 0)).toEqual([1, 2, 3]);
  });

  it('reports lua_cmsgpack errors', () => {
    const failure = (name: string, ...args: LuaValue[]): LuaValue => protectedCall(libraryFunction(cmsgpack, name), args, testContext())[1];
    expect(failure('unpack', bytes('c1'))).toBe('user_script:1: Bad data format in input.');
    expect(failure('unpack', bytes('9201'))).toBe('user_script:1: Missing bytes in input.');
    // redis-cli eval "return cmsgpack.unpack_limit('x', -1, 2)" 0
    expect(failure('unpack_limit', 'x', -1, 2)).toBe('user_script:1: Invalid request to unpack with offset of 2 and limit of 1.');
    expect(failure('unpack_one', 'x', 5)).toBe('user_script:1: Start offset 5 greater than input length 1.');
    expect(failure('unpack', bytes('81c001'))).toBe('table index is nil');
  });
});

/** The differential scripts' description of a value: tables as sorted "key=value" lists, whatever their traversal order. */
function describeValue(value: LuaValue, depth = 0): string {
  if (value instanceof LuaFunction) return 'function';
  if (typeof value === 'object') {
    if (depth > 20) return 'deep';
    const parts: string[] = [];
    for (let entry = value.next(undefined); entry !== undefined; entry = value.next(entry[0])) {
      parts.push(`${describeValue(entry[0], depth + 1)}=${describeValue(entry[1], depth + 1)}`);
    }
    return `{${parts.sort().join(',')}}`;
  }
  if (typeof value === 'string') return `s${quoteLuaString(value)}`;
  if (typeof value === 'number') return `n${formatPrintfNumber({ flags: '', width: 0, precision: 17, conversion: 'g' }, value)}`;
  return value === undefined ? 'nilnil' : `boolean${String(value)}`;
}

const luaDescribeValue = `
local function describe(v, depth)
  local t = type(v)
  if t == 'table' then
    if depth > 20 then return 'deep' end
    local parts = {}
    for k, x in pairs(v) do parts[#parts + 1] = describe(k, depth + 1) .. '=' .. describe(x, depth + 1) end
    table.sort(parts)
    return '{' .. table.concat(parts, ',') .. '}'
  elseif t == 'string' then return 's' .. string.format('%q', v)
  elseif t == 'number' then return 'n' .. string.format('%.17g', v)
  else return t .. tostring(v) end
end
local function describeAll(ok, ...)
  if not ok then return 'error:' .. select(1, ...) end
  local out = {}
  for i = 1, select('#', ...) do out[i] = describe((select(i, ...)), 0) end
  return table.concat(out, ' ')
end`;

function unpackOurs(name: string, args: readonly LuaValue[]): string {
  try {
    return libraryFunction(cmsgpack, name).fn(args, testContext('')).map((value) => describeValue(value)).join(' ');
  } catch (error) {
    if (error instanceof LuaError) return `error:${String(error.value)}`;
    throw error;
  }
}

describe('cmsgpack agrees with redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('packs generated values built by cjson.decode', async () => {
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String),
        fc.constantFrom('0', '-32', '-33', '127', '128', '255', '256', '65535', '65536', '4294967295', '4294967296', '-2147483648', '-2147483649', '9223372036854775807', '0.5', '1e300', 'true', 'false', 'null'),
        fc.string({ maxLength: 40 }).map((text) => JSON.stringify(text)),
        fc.integer({ min: 0, max: 70000 }).map((length) => JSON.stringify('y'.repeat(length % 300 === 7 ? length : length % 300))),
        fc.array(tie('value'), { maxLength: 18 }).map((items) => `[${items.join(',')}]`),
        fc.tuple(fc.string({ maxLength: 5 }), tie('value')).map(([key, item]) => `{${JSON.stringify(key)}:${item}}`),
      ),
    }));
    const documents = fc.sample(value, { numRuns: 800, seed: 21 });
    const script = `local v = cjson.decode(ARGV[1]); return (cmsgpack.pack(v, 1):gsub('.', function(c) return string.format('%02x', c:byte()) end))`;
    const expected = await evalEach(connection(), script, documents.map((document) => [document]));
    const actual = documents.map((document) => {
      const decoded = libraryFunction(cjson, 'decode').fn([Buffer.from(document, 'utf8').toString('latin1')], testContext())[0];
      return hex(call('pack', decoded, 1)[0]);
    });
    const mismatches = documents.flatMap((document, index) => (expected[index] === actual[index] ? [] : [`${document}\n  redis: ${expected[index]}\n  ours:  ${actual[index]}`]));
    expect(mismatches).toEqual([]);
  });

  it('unpacks generated byte strings (valid and broken) with unpack, unpack_one and unpack_limit', async () => {
    const piece = fc.oneof(
      fc.constantFrom('01', 'ff', 'e0', '7f', 'cc80', 'cd0100', 'ce00010000', 'cf8000000000000001', 'd0df', 'd1ff80', 'd2ffffff7f', 'd3fffffffffffffffe', 'c0', 'c2', 'c3', 'ca3f000000', 'cb3fb999999999999a', 'a3616263', 'd903616263', 'da0002ffff', 'db000000016a', '92', '81', '80', '90', 'dc0001', 'de0001', 'c1', 'c4', 'd4', 'cb3f', 'a5'),
      fc.integer({ min: 0, max: 255 }).map((byte) => byte.toString(16).padStart(2, '0')),
    );
    const cases = fc.sample(fc.tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom('unpack', 'unpack_one', 'unpack_limit'), fc.integer({ min: -1, max: 6 }), fc.integer({ min: -1, max: 4 })), {
      numRuns: 2000,
      seed: 23,
    });
    const script = `${luaDescribeValue}
      local data = ARGV[1]
      if ARGV[2] == 'unpack' then return describeAll(pcall(cmsgpack.unpack, data)) end
      if ARGV[2] == 'unpack_one' then return describeAll(pcall(cmsgpack.unpack_one, data, tonumber(ARGV[3]))) end
      return describeAll(pcall(cmsgpack.unpack_limit, data, tonumber(ARGV[4]), tonumber(ARGV[3])))`;
    const argumentLists = cases.map(([pieces, name, offset, limit]) => [bytes(pieces.join('')), name, String(offset), String(limit)]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([pieces, name, offset, limit]) => {
      const data = bytes(pieces.join(''));
      if (name === 'unpack') return unpackOurs(name, [data]);
      if (name === 'unpack_one') return unpackOurs(name, [data, offset]);
      return unpackOurs(name, [data, limit, offset]);
    });
    expect(expected.filter((text) => !text.startsWith('error:')).length).toBeGreaterThan(500);
    const mismatches = cases.flatMap((testCase, index) => {
      const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", `to '${testCase[1]}'`);
      return theirs === actual[index] ? [] : [`${JSON.stringify(testCase)}\n  redis: ${theirs}\n  ours:  ${actual[index]}`];
    });
    expect(mismatches).toEqual([]);
  });
});
