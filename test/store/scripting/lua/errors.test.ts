import { describe, expect, it } from 'vitest';
import { LuaSyntaxError } from '../../../../src/store/scripting/lua/api.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { luaErrorOf, runLua, type Plain } from './interpreter-support.js';

/** Runtime errors, with texts as Lua 5.1 (redis-server 7.0.15's EVAL) writes them. */
const runtimeErrors: readonly (readonly [string, Plain])[] = [
  ['foo()', "user_script:1: attempt to call global 'foo' (a nil value)"],
  ['local t = nil; return t.x', "user_script:1: attempt to index local 't' (a nil value)"],
  ['local t = {}; return t.x.y', "user_script:1: attempt to index field 'x' (a nil value)"],
  ['local t = {}\n\nt.x.y = 1', "user_script:3: attempt to index field 'x' (a nil value)"],
  ['local t = {x = {}} t.x:y()', "user_script:1: attempt to call method 'y' (a nil value)"],
  ['return 1 + nil', 'user_script:1: attempt to perform arithmetic on a nil value'],
  ['return x + 1', "user_script:1: attempt to perform arithmetic on global 'x' (a nil value)"],
  ['local a = "x" return a * 2', "user_script:1: attempt to perform arithmetic on local 'a' (a string value)"],
  ['local a = {}; return "x" .. a', "user_script:1: attempt to concatenate local 'a' (a table value)"],
  ['local t = {} return t.name .. "x"', "user_script:1: attempt to concatenate field 'name' (a nil value)"],
  ['return 1 < nil', 'user_script:1: attempt to compare number with nil'],
  ['return {} < {}', 'user_script:1: attempt to compare two table values'],
  ['return 1 > "x"', 'user_script:1: attempt to compare string with number'],
  ['local u = nil return #u', "user_script:1: attempt to get length of local 'u' (a nil value)"],
  ['local n = 5 return -{}', 'user_script:1: attempt to perform arithmetic on a table value'],
  ['local function up() return 1 end local function f() return up.x end return f()', "user_script:1: attempt to index upvalue 'up' (a function value)"],
  ['local t = {} t[nil] = 1', 'user_script:1: table index is nil'],
  ['local t = {} t[0/0] = 1', 'user_script:1: table index is NaN'],
  ['error("boom")', 'user_script:1: boom'],
  ['error("boom", 0)', 'boom'],
  ['local function f() error("deep", 2) end\nf()', 'user_script:2: deep'],
  ['error({err = "tbl"})', { err: 'tbl' }],
  ['error(42)', 'user_script:1: 42'],
  ['assert(false)', 'user_script:1: assertion failed!'],
  ['assert(nil, "msg")', 'user_script:1: msg'],
  ['assert()', "user_script:1: bad argument #1 to 'assert' (value expected)"],
  ['local function f() return f() + 1 end return f()', 'user_script:1: stack overflow'],
  ['for i = 1, "x" do end', "user_script:1: 'for' limit must be a number"],
  ['for i = nil, 2 do end', "user_script:1: 'for' initial value must be a number"],
  ['for i = 1, 2, {} do end', "user_script:1: 'for' step must be a number"],
  ['pairs(nil)', "user_script:1: bad argument #1 to 'pairs' (table expected, got nil)"],
  ['ipairs()', "user_script:1: bad argument #1 to 'ipairs' (table expected, got no value)"],
  ['setmetatable({}, 1)', "user_script:1: bad argument #2 to 'setmetatable' (nil or table expected)"],
  ['local t = setmetatable({}, {__metatable = "locked"}) setmetatable(t, {})', 'user_script:1: cannot change a protected metatable'],
  ['next({}, "nokey")', "invalid key to 'next'"],
  ['select(0, 1)', "user_script:1: bad argument #1 to 'select' (index out of range)"],
  ['tonumber("10", 99)', "user_script:1: bad argument #2 to 'tonumber' (base out of range)"],
  ['local t = {} for i = 1, 9000 do t[i] = i end return unpack(t)', 'user_script:1: too many results to unpack'],
  ['coroutine.yield(1)', 'attempt to yield across metamethod/C-call boundary'],
  ['local t = {} t.f()', "user_script:1: attempt to call field 'f' (a nil value)"],
  ['local a = {} a.b.c.d = 1', "user_script:1: attempt to index field 'b' (a nil value)"],
];

/** Syntax errors, as redis-server 7.0.15 reports them after "Error compiling script (new function): ". */
const syntaxErrors: readonly (readonly [string, string])[] = [
  ['local x x', "user_script:1: '=' expected near '<eof>'"],
  ['local x', "<compiles>"],
  ['x', "user_script:1: '=' expected near '<eof>'"],
  ['return 1 +', "user_script:1: unexpected symbol near '<eof>'"],
  ['while true do', "user_script:1: 'end' expected near '<eof>'"],
  ['while true do\nx = 1', "user_script:2: 'end' expected (to close 'while' at line 1) near '<eof>'"],
  ['if x then\n\nelse', "user_script:3: 'end' expected (to close 'if' at line 1) near '<eof>'"],
  ['return "abc', "user_script:1: unfinished string near '<eof>'"],
  ['return "abc\nx"', "user_script:1: unfinished string near '\"abc'"],
  ['return [[abc', "user_script:1: unfinished long string near '<eof>'"],
  ['x = = 1', "user_script:1: unexpected symbol near '='"],
  ['return 1 2', "user_script:1: '<eof>' expected near '2'"],
  ['for i do end', "user_script:1: '=' or 'in' expected near 'do'"],
  ['break', "user_script:1: no loop to break near '<eof>'"],
  ['local function (a) end', "user_script:1: '<name>' expected near '('"],
  ['function f() return ... end', "user_script:1: cannot use '...' outside a vararg function near '...'"],
  ['return 3..2', "user_script:1: malformed number near '3..2'"],
  ['return "\\400"', "user_script:1: escape sequence too large near '\"'"],
  ['f\n(1)', "user_script:2: ambiguous syntax (function call x new statement) near '('"],
  ['return @', "user_script:1: unexpected symbol near '@'"],
  ['\x1bLua', "user_script:1: unexpected symbol near 'char(27)'"],
  ['return [=x', "user_script:1: invalid long string delimiter near '[='"],
  [`return ${'('.repeat(300)}1${')'.repeat(300)}`, 'user_script:1: chunk has too many syntax levels'],
  ['f() = 1', "user_script:1: unexpected symbol near '='"],
  ['local a; (a) = 1', "user_script:1: syntax error near '='"],
  ['return {1, 2', "user_script:1: '}' expected near '<eof>'"],
  ['return f(1,\n2', "user_script:2: ')' expected (to close '(' at line 1) near '<eof>'"],
];

describe('Lua runtime errors', () => {
  for (const [source, expected] of runtimeErrors) {
    it(`raises ${JSON.stringify(expected)} for ${JSON.stringify(source)}`, () => {
      expect(luaErrorOf(source)).toEqual(expected);
    });
  }
});

describe('Lua syntax errors', () => {
  for (const [source, expected] of syntaxErrors) {
    it(`reports ${JSON.stringify(expected)} for ${JSON.stringify(source)}`, () => {
      const vm = createLuaVm();
      let message = '<compiles>';
      try {
        vm.load(source, 'user_script');
      } catch (error) {
        expect(error).toBeInstanceOf(LuaSyntaxError);
        message = (error as LuaSyntaxError).message;
      }
      expect(message).toBe(expected);
    });
  }
});

describe('deep nesting is bounded by a Lua error, never a JS stack overflow', () => {
  const deepPrograms: readonly string[] = [
    'local n = 0 local function f() n = n + 1 local ok, e = pcall(f) if not ok then error(e, 0) end end local ok, e = pcall(f) return e',
    'local t = setmetatable({}, {__index = function(t, k) return t[k + 1] end}) local ok, e = pcall(function() return t[1] end) return e',
    'local function f(n) return table.sort({2, 1}, function(a, b) f(n + 1) return a < b end) end local ok, e = pcall(f, 1) return e',
    'local function f() local co = coroutine.create(f) local results = {coroutine.resume(co)} return results[#results] end return f()',
  ];
  for (const source of deepPrograms) {
    it(`reports stack overflow for ${JSON.stringify(source.slice(0, 60))}`, () => {
      expect(runLua(source)).toEqual(['stack overflow']);
    });
  }
});
