import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaHostFunction, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { installStringLibrary } from '../../../../src/store/scripting/lua/lib-string.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
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

/**
 * Generated patterns, subjects and formats run through our string library
 * and through redis-server 7.0.15's Lua; every result (or error message)
 * must agree.
 */

const { table: library } = installedLibrary(installStringLibrary, 'string');

const patternTokens = [
  'a', 'b', 'x', '.', ' ', '%a', '%d', '%s', '%w', '%p', '%x', '%z', '%A', '%S', '%l', '%u', '%c', '%.',
  '[ab]', '[^a]', '[a-c]', '[%d_]', '[%a-]', '[]]', '[^]a]',
  '*', '+', '-', '?', '*', '+', '-', '?', '()', '(a)', '(.-)', '(%w+)', '%b()', '%f[%w]', '%f[%W]', '^', '$',
];
/** Tokens that often make a pattern malformed: rarer, so most cases exercise matching. */
const riskyPatternTokens = ['(', ')', '%1', '%2', '%', '['];
const subjectTokens = ['a', 'b', 'x', 'ab', '(', ')', '.', ' ', '1', '9', '_', '\0', 'A', '-', ']', 'aa', 'b a'];

const patternArbitrary = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...patternTokens), weight: 12 }, { arbitrary: fc.constantFrom(...riskyPatternTokens), weight: 1 }), { minLength: 1, maxLength: 6 }).map((tokens) => tokens.join(''));
const subjectArbitrary = fc.array(fc.constantFrom(...subjectTokens), { maxLength: 8 }).map((tokens) => tokens.join(''));
const initArbitrary = fc.option(fc.integer({ min: -6, max: 12 }), { nil: undefined });

function ours(name: string, args: readonly LuaValue[]): string {
  const results = protectedCall(libraryFunction(library, name), args, testContext(''));
  return describeResults(results);
}

/**
 * Called through pcall, Lua cannot name the function ("bad argument #1 to '?'"); a host function
 * always reports its library name, which is what a direct call `string.find(...)` shows.
 */
function mismatchesOf(functionName: string, cases: readonly string[], expected: readonly string[], actual: readonly string[]): string[] {
  return cases.flatMap((description, index) => {
    const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", `to '${functionName}'`);
    const mine = actual[index] ?? '';
    return theirs === mine ? [] : [`${description}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(mine)}`];
  });
}

describe('the string library agrees with redis-server 7.0.15 on generated cases', () => {
  const connection = useRealRedisConnection();

  it('string.find (patterns, init, plain) and string.match', async () => {
    const cases = fc.sample(fc.tuple(subjectArbitrary, patternArbitrary, initArbitrary, fc.boolean(), fc.boolean()), { numRuns: 3000, seed: 3 });
    const script = `${luaDescribeResults}
      local init = ARGV[3] ~= '' and tonumber(ARGV[3]) or nil
      if ARGV[5] == 'match' then return describe(pack(pcall(string.match, ARGV[1], ARGV[2], init))) end
      local plain = ARGV[4] == '1' or nil
      return describe(pack(pcall(string.find, ARGV[1], ARGV[2], init, plain)))`;
    const argumentLists = cases.map(([subject, pattern, init, plain, isMatch]) => [
      subject, pattern, init === undefined ? '' : String(init), plain ? '1' : '0', isMatch ? 'match' : 'find',
    ]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([subject, pattern, init, plain, isMatch]) =>
      isMatch ? ours('match', [subject, pattern, init]) : ours('find', [subject, pattern, init, plain ? true : undefined]),
    );
    expect(expected.filter((text) => text.startsWith('boolean:true|') && text !== 'boolean:true|nil:nil').length).toBeGreaterThan(200);
    expect(mismatchesOf('find', argumentLists.map((list) => JSON.stringify(list)), expected, actual)).toEqual([]);
  });

  it('string.gsub with string and table replacements and a maximum', async () => {
    const replacementArbitrary = fc.array(fc.constantFrom('x', '%0', '%1', '%2', '%%', '-', '%a', '%'), { maxLength: 3 }).map((t) => t.join(''));
    const cases = fc.sample(
      fc.tuple(subjectArbitrary, patternArbitrary, replacementArbitrary, fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }), fc.boolean()),
      { numRuns: 1500, seed: 5 },
    );
    const script = `${luaDescribeResults}
      local max = ARGV[4] ~= '' and tonumber(ARGV[4]) or nil
      local replacement = ARGV[3]
      if ARGV[5] == 'table' then replacement = {a = 'A', b = false, x = 7, ['('] = 'P', [' '] = '_'} end
      return describe(pack(pcall(string.gsub, ARGV[1], ARGV[2], replacement, max)))`;
    const table = createLuaTable();
    table.set('a', 'A');
    table.set('b', false);
    table.set('x', 7);
    table.set('(', 'P');
    table.set(' ', '_');
    const argumentLists = cases.map(([subject, pattern, replacement, max, useTable]) => [
      subject, pattern, replacement, max === undefined ? '' : String(max), useTable ? 'table' : 'string',
    ]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([subject, pattern, replacement, max, useTable]) => ours('gsub', [subject, pattern, useTable ? table : replacement, max]));
    expect(expected.filter((text) => /\|number:[1-9]/.test(text)).length).toBeGreaterThan(150);
    expect(mismatchesOf('gsub', argumentLists.map((list) => JSON.stringify(list)), expected, actual)).toEqual([]);
  });

  it('string.gmatch', async () => {
    const cases = fc.sample(fc.tuple(subjectArbitrary, patternArbitrary), { numRuns: 800, seed: 9 });
    const script = `
      local out = {}
      local ok, err = pcall(function()
        for a, b in string.gmatch(ARGV[1], ARGV[2]) do
          out[#out + 1] = tostring(a) .. ',' .. tostring(b)
          if #out > 30 then break end
        end
      end)
      if not ok then return 'error:' .. err end
      return table.concat(out, ';')`;
    const expected = await evalEach(connection(), script, cases.map(([subject, pattern]) => [subject, pattern]));
    const actual = cases.map(([subject, pattern]) => gmatchOurs(subject, pattern));
    expect(mismatchesOf('gmatch', cases.map((c) => JSON.stringify(c)), expected, actual)).toEqual([]);
  });

  it('byte, char, sub, rep, reverse, upper, lower and len on generated arguments', async () => {
    const argumentArbitrary = fc.oneof(
      fc.integer({ min: -12, max: 300 }).map((n) => `n${n}`),
      fc.double({ min: -20, max: 20, noNaN: true }).map((n) => `n${hexFloatText(n)}`),
      subjectArbitrary.map((text) => `s${text}`),
      fc.constantFrom('nil', 's12', 's 0x10 ', 's1e1', 'n1e10', 'n-1e10'),
    );
    const names = ['byte', 'char', 'sub', 'rep', 'reverse', 'upper', 'lower', 'len'];
    // No huge repetition counts: the real server would build gigabytes.
    const casesArbitrary = fc
      .tuple(fc.constantFrom(...names), fc.array(argumentArbitrary, { maxLength: 4 }))
      .filter(([name, args]) => name !== 'rep' || !args.some((text) => text.includes('1e10')));
    const cases = fc.sample(casesArbitrary, { numRuns: 2000, seed: 15 });
    const script = `${luaDescribeResults}
      local args = {}
      local n = #ARGV - 1
      for i = 2, #ARGV do
        local v = ARGV[i]
        if v == 'nil' then args[i - 1] = nil elseif v:sub(1, 1) == 'n' then args[i - 1] = tonumber(v:sub(2)) else args[i - 1] = v:sub(2) end
      end
      return describe(pack(pcall(string[ARGV[1]], unpack(args, 1, n))))`;
    const argumentLists = cases.map(([name, args]) => [name, ...args]);
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = cases.map(([name, args]) => {
      const values = args.map((text): LuaValue => (text === 'nil' ? undefined : text.startsWith('n') ? parseLuaNumber(text.slice(1)) : text.slice(1)));
      return ours(name, values);
    });
    const mismatches = argumentLists.flatMap((list, index) => {
      const theirs = withoutPosition(expected[index] ?? '').replaceAll("to '?'", `to '${list[0]}'`);
      return theirs === actual[index] ? [] : [`${JSON.stringify(list)}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(actual[index])}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('string.format of generated conversions and values', async () => {
    const specArbitrary = fc
      .tuple(
        fc.subarray(['-', '+', ' ', '#', '0']),
        fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        fc.constantFrom(...'diouxXeEfgGcsq'),
      )
      .map(([flags, width, precision, conversion]) => `%${flags.join('')}${width ?? ''}${precision === undefined ? '' : `.${precision}`}${conversion}`);
    const numberArbitrary = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -1000, max: 100000 }),
      fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -12, max: 12 })).map(([m, e]) => m * 10 ** e),
      fc.constantFrom(0.5, 1.5, 2.5, 0.125, 1e15, 123456789012345, 2 ** 63, -(2 ** 63), 2 ** 64, -0, 255.9),
    );
    const valueArbitrary = fc.oneof(numberArbitrary.map((n) => ({ kind: 'number' as const, n })), subjectArbitrary.map((s) => ({ kind: 'string' as const, s })));
    const cases = fc.sample(fc.tuple(specArbitrary, valueArbitrary), { numRuns: 2500, seed: 13 });
    const script = `${luaDescribeResults}
      local value = ARGV[2]
      if ARGV[3] == 'number' then value = tonumber(value) end
      return describe(pack(pcall(string.format, ARGV[1], value)))`;
    const argumentLists = cases.map(([spec, value]) => (value.kind === 'number' ? [`<${spec}>`, hexFloatText(value.n), 'number'] : [`<${spec}>`, value.s, 'string']));
    const expected = await evalEach(connection(), script, argumentLists);
    const actual = argumentLists.map(([format, value, kind]) => ours('format', [format, kind === 'number' ? parseLuaNumber(value ?? '') : value]));
    expect(mismatchesOf('format', argumentLists.map((list) => JSON.stringify(list)), expected, actual)).toEqual([]);
  });
});

function gmatchOurs(subject: string, pattern: string): string {
  const context = testContext('');
  const started = protectedCall(libraryFunction(library, 'gmatch'), [subject, pattern], context);
  const iterator = started[1];
  if (!(iterator instanceof LuaHostFunction)) return `error:${String(started[1])}`;
  const out: string[] = [];
  for (;;) {
    const step = protectedCall(iterator, [], context);
    if (step[0] === false) return `error:${String(step[1])}`;
    const [a, b] = [step[1], step[2]];
    if (a === undefined) break;
    out.push(`${context.tostring(a)},${context.tostring(b)}`);
    if (out.length > 30) break;
  }
  return out.join(';');
}
