import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaError, type LuaVm } from '../../../../src/store/scripting/lua/api.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { installBit } from '../../../../src/store/scripting/lua/lib-bit.js';
import { installCjson } from '../../../../src/store/scripting/lua/lib-cjson.js';
import { installCmsgpack } from '../../../../src/store/scripting/lua/lib-cmsgpack.js';
import { installStringLibrary } from '../../../../src/store/scripting/lua/lib-string.js';
import { installStruct } from '../../../../src/store/scripting/lua/lib-struct.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { evalEach, useRealRedisConnection } from './lib-test-support.js';

/**
 * Lua source run through our interpreter with these libraries and through
 * redis-server 7.0.15: the libraries seen from scripts (method calls on
 * strings, Lua functions as gsub replacements, gmatch in a for loop, errors
 * caught by pcall). Every script returns one string.
 */
const scripts: readonly string[] = [
  `return ("hello"):upper() .. ("%d-%s"):format(42, "x") .. ("abc"):rep(2, nil)`,
  `return (string.gsub("hello world", "(%w+)", function(w) return w:sub(1, 1):upper() .. w:sub(2) end))`,
  `local n = 0; local s = string.gsub("a,b,,c", ",", function() n = n + 1; if n == 2 then return false end; return ";" end); return s .. n`,
  `local out = {}; for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do out[#out + 1] = v .. k end; return table.concat(out, "|")`,
  `local t = setmetatable({}, {__index = function(_, k) return k:upper() end}); return (string.gsub("abc", "%w", t))`,
  `local ok, err = pcall(function() return string.rep() end); return tostring(ok) .. err`,
  `local ok, err = pcall(function() return ("x"):bad() end); return tostring(ok)`,
  `local ok, err = pcall(function() return string.format("%d", "x") end); return err`,
  `local ok, err = pcall(function() return cjson.decode("[1,") end); return err`,
  `return cjson.encode({1, "two", {three = 3}, true, cjson.null})`,
  `local t = cjson.decode('{"a":[1,2,{"b":null}]}'); return tostring(t.a[3].b == cjson.null) .. #t.a`,
  `return tostring(#cmsgpack.pack({1, 2, 3}, "abc")) .. select("#", cmsgpack.unpack(cmsgpack.pack(1, 2, 3)))`,
  `return bit.tohex(bit.band(0xff00, 0x0ff0)) .. bit.tobit(2^31)`,
  `return struct.unpack(">I2", struct.pack(">I2", 258)) .. struct.size("!4bi")`,
  `local s = 0; for i = 1, 100 do s = s + #string.format("%5.2f", i / 3) end; return tostring(s)`,
  `return tostring(1e15) .. " " .. tostring(0.1) .. " " .. 2^53 .. " " .. tostring(-0.0 * 1)`,
  `return string.format("%q", "a\\nb\\0c\\"")`,
  `local ok, err = pcall(string.find, "a", "(") ; return err`,
];

function vmWithLibraries(): LuaVm {
  const vm = createLuaVm();
  installStringLibrary(vm);
  installCjson(vm);
  installCmsgpack(vm);
  installBit(vm);
  installStruct(vm);
  return vm;
}

function runOurs(script: string, argv: readonly string[] = []): string {
  const vm = vmWithLibraries();
  const argvTable = createLuaTable();
  argv.forEach((text, index) => argvTable.set(index + 1, text));
  vm.globals.set('ARGV', argvTable);
  try {
    return String(vm.call(vm.load(script, 'user_script'), [])[0]);
  } catch (error) {
    if (error instanceof LuaError) return `ERROR ${String(error.value)}`;
    throw error;
  }
}

describe('the libraries inside our interpreter agree with redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('returns what Redis returns for each script', async () => {
    const theirs: string[] = [];
    for (const script of scripts) theirs.push((await evalEach(connection(), script, [[]]))[0] ?? '');
    expect(theirs.filter((text) => text.startsWith('ERROR'))).toEqual([]);
    const mismatches = scripts.flatMap((script, index) => {
      const mine = runOurs(script);
      return mine === theirs[index] ? [] : [`${script}\n  redis: ${JSON.stringify(theirs[index])}\n  ours:  ${JSON.stringify(mine)}`];
    });
    expect(mismatches).toEqual([]);
  });
});

/** cjson output with every object's keys sorted: Lua's traversal order of several keys is not ours. */
function canonicalJson(text: string): string {
  if (!text.startsWith('json:')) return text;
  const sortKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
    }
    return value;
  };
  return `json:${JSON.stringify(sortKeys(JSON.parse(text.slice(5))))}`;
}

describe('generated scripts agree with redis-server 7.0.15', () => {
  const connection = useRealRedisConnection();

  it('gsub with a Lua function replacement', async () => {
    const bodies = ['return nil', 'return false', "return '<' .. table.concat({...}, ',') .. '>'", 'return select("#", ...)', 'return {}', "return (...) .. '!'"];
    const patterns = ['%w', '(%w)(%w?)', '()a', '%s*', 'a-b', '(b)(.)', '[^ ]+', '^a', 'x*'];
    const subjects = ['abc ab', 'a b  c', '', 'bab', 'aaa', 'xyz b'];
    const cases = fc.sample(fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...patterns), fc.integer({ min: 0, max: bodies.length - 1 }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })), { numRuns: 300, seed: 51 });
    const script = (body: string): string => `
      local max = ARGV[3] ~= '' and tonumber(ARGV[3]) or nil
      local ok, result, count = pcall(string.gsub, ARGV[1], ARGV[2], function(...) ${body} end, max)
      return tostring(ok) .. ':' .. tostring(result) .. ':' .. tostring(count)`;
    const theirs: string[] = [];
    for (const [subject, pattern, bodyIndex, max] of cases) {
      theirs.push((await evalEach(connection(), script(bodies[bodyIndex] ?? ''), [[subject, pattern, max === undefined ? '' : String(max)]]))[0] ?? '');
    }
    const mismatches = cases.flatMap(([subject, pattern, bodyIndex, max], index) => {
      const mine = runOurs(script(bodies[bodyIndex] ?? ''), [subject, pattern, max === undefined ? '' : String(max)]);
      const expected = (theirs[index] ?? '').replace(/user_script:\d+: /g, '');
      return mine.replace(/user_script:\d+: /g, '') === expected ? [] : [`${JSON.stringify([subject, pattern, bodies[bodyIndex], max])}\n  redis: ${expected}\n  ours:  ${mine}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('cjson.encode of generated table constructors (sparse, numeric and string keys)', async () => {
    const keyArbitrary = fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 6 }).map(String), weight: 8 },
      { arbitrary: fc.integer({ min: 7, max: 30 }).map(String), weight: 2 },
      // No key beyond INT_MAX: lua_cjson keeps the maximum key in an int, so the result would hang on traversal order.
      { arbitrary: fc.constantFrom('0', '-1', '1.5', '"a"', '"b/c"', 'true'), weight: 1 },
    );
    const valueArbitrary = fc.constantFrom('1', '"x"', 'true', 'false', '0.1', '{1, 2}', '{}', 'cjson.null', '-0.5', '{a = 1}');
    const tableArbitrary = fc.array(fc.tuple(keyArbitrary, valueArbitrary), { maxLength: 8 }).map((entries) => `{${entries.map(([k, v]) => `[${k}] = ${v}`).join(', ')}}`);
    const tables = fc.sample(tableArbitrary, { numRuns: 400, seed: 53 });
    const script = (table: string): string => `
      local ok, result = pcall(cjson.encode, ${table})
      return (ok and 'json:' or 'error:') .. result`;
    const theirs: string[] = [];
    for (const table of tables) theirs.push((await evalEach(connection(), script(table), [[]]))[0] ?? '');
    expect(theirs.filter((text) => text.startsWith('json:[')).length).toBeGreaterThan(50);
    expect(theirs.filter((text) => text.startsWith('error:')).length).toBeGreaterThan(20);
    const mismatches = tables.flatMap((table, index) => {
      const mine = canonicalJson(runOurs(script(table)));
      const expected = canonicalJson(theirs[index] ?? '');
      return mine === expected ? [] : [`${table}\n  redis: ${expected}\n  ours:  ${mine}`];
    });
    expect(mismatches).toEqual([]);
  });
});
