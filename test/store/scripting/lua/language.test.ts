import { describe, expect, it } from 'vitest';
import { runLua, type Plain } from './interpreter-support.js';

/** Lua 5.1 snippets and what they return (checked against Lua 5.1 semantics; many against redis-server's EVAL). */
const cases: readonly (readonly [string, string, Plain[]])[] = [
  ['numbers incl. hex and exponents', 'return 0x10, 1e2, .5, 3., 2E-1, 0XfF', [16, 100, 0.5, 3, 0.2, 255]],
  ['string escapes incl. \\ddd', String.raw`return "a\tb", "\65\066\0677", 'it\'s', "\\", "x\
y"`, ['a\tb', 'AB' + 'C7', "it's", '\\', 'x\ny']],
  ['long strings skip the first newline and keep levels', 'return [[\nab]], [==[a]]b]==], #[[\n\n]]', ['ab', 'a]]b', 1]],
  ['comments, short and long', '-- c\n--[[ long\ncomment ]] return 1 --[==[ x ]==]', [1]],
  ['precedence: ^ binds tighter than unary minus', 'return -2^2, 2^3^2, 1+2*3-4/2', [-4, 512, 5]],
  ['precedence: .. is right associative and below +', 'return 1 .. 2 + 3, "a" .. "b" .. "c"', ['15', 'abc']],
  ['comparison and logic precedence', 'return 1 < 2 == true, not nil == true, 1 == 1 and 2 or 3', [true, true, 2]],
  ['and/or return operands and short-circuit', 'local n = 0 local function f() n = n + 1 return n end return nil or "d", false and f(), 0 and "zero is true", n', ['d', false, 'zero is true', 0]],
  ['modulo follows floor division', 'return 5 % 3, -5 % 3, 5 % -3, 5.5 % 2', [2, 1, -1, 1.5]],
  ['string to number coercion in arithmetic', 'return "10" + 1, "0x10" * 1, " 3 " * 2, 10 .. ""', [11, 16, 6, '10']],
  ['numbers concatenate as %.14g', 'return 1/3 .. "", 1e15 .. "", 2^53 .. "", -0.0 .. ""', ['0.33333333333333', '1e+15', '9.007199254741e+15', '-0']],
  ['length of strings and tables', 'return #"abc", #{1, 2, 3}, #{}, #"\\0\\0"', [3, 3, 0, 2]],
  ['multiple assignment evaluates before assigning', 'local a, b = 1, 2 a, b = b, a return a, b', [2, 1]],
  ['multiple assignment adjusts values', 'local a, b, c = (function() return 1, 2, 3 end)() local d, e = 1 return a, b, c, d, e', [1, 2, 3, 1, undefined]],
  ['parentheses truncate to one value', 'local function f() return 1, 2 end return (f())', [1]],
  ['only the last expression expands', 'local function f() return 1, 2 end return f(), f()', [1, 1, 2]],
  ['table constructors: positional, named, keyed; only a trailing call expands', 'local function f() return 3, 4 end local t = {1, 2, f(); x = "x", [10] = "ten"} local u = {f(), f()} return #t, t.x, t[10], t[4], #u', [3, 'x', 'ten', undefined, 3]],
  ['method calls pass self', 'local o = {n = 5} function o:get(d) return self.n + d end return o:get(1), o.get(o, 2)', [6, 7]],
  ['string and table call sugar', 'local function id(x) return x end return id"s", id{1}[1], id[[long]]', ['s', 1, 'long']],
  ['varargs and select', 'local function f(...) return select("#", ...), select(2, ...) end return f(1, nil, 3)', [3, undefined, 3]],
  ['select with a negative index', 'return select(-1, "a", "b", "c")', ['c']],
  ['varargs in table constructors and calls', 'local function f(...) local t = {...} return #t, ... end return f(4, 5)', [2, 4, 5]],
  ['unpack with ranges', 'return unpack({1, 2, 3}, 2), unpack({1, 2, 3}, 2, 3)', [2, 2, 3]],
  ['numeric for with step and float steps', 'local s = {} for i = 10, 1, -3 do s[#s + 1] = i end for i = 0, 1, 0.5 do s[#s + 1] = i end return table.concat(s, ",")', ['10,7,4,1,0,0.5,1']],
  ['numeric for coerces strings and the loop variable is local', 'local n = 0 for i = "1", "3" do n = n + i end return n, i', [6, undefined]],
  ['for does not run when start is past limit', 'local n = 0 for i = 5, 1 do n = n + 1 end return n', [0]],
  ['generic for with pairs over array and hash', 'local t = {10, 20, a = 1} local keys = {} for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. v end return table.concat(keys, " ")', ['1=10 2=20 a=1']],
  ['ipairs stops at the first nil', 'local n = 0 for i, v in ipairs({1, 2, nil, 4}) do n = i end return n', [2]],
  ['generic for with a stateful iterator function', 'local function range(n) local i = 0 return function() i = i + 1 if i <= n then return i end end end local s = 0 for v in range(4) do s = s + v end return s', [10]],
  ['while with break', 'local i = 0 while true do i = i + 1 if i == 7 then break end end return i', [7]],
  ['repeat-until sees locals of its body', 'local i = 0 repeat local done = i >= 3 i = i + 1 until done return i', [4]],
  ['if / elseif / else', 'local function c(x) if x < 0 then return "neg" elseif x == 0 then return "zero" else return "pos" end end return c(-1), c(0), c(1)', ['neg', 'zero', 'pos']],
  ['nested break leaves only the inner loop', 'local n = 0 for i = 1, 3 do for j = 1, 3 do if j == 2 then break end n = n + 1 end end return n', [3]],
  ['closures capture upvalues by reference', 'local function counter() local c = 0 return function() c = c + 1 return c end end local a, b = counter(), counter() a() a() return a(), b()', [3, 1]],
  ['loop variables are fresh per iteration', 'local fs = {} for i = 1, 3 do fs[i] = function() return i end end return fs[1](), fs[2](), fs[3]()', [1, 2, 3]],
  ['locals in loop bodies are fresh per iteration', 'local fs = {} local i = 1 while i <= 2 do local j = i fs[i] = function() j = j + 10 return j end i = i + 1 end return fs[1](), fs[1](), fs[2]()', [11, 21, 12]],
  ['generic for variables are fresh per iteration', 'local fs = {} for k, v in ipairs({"a", "b"}) do fs[k] = function() return v end end return fs[1](), fs[2]()', ['a', 'b']],
  ['shared upvalue between sibling closures', 'local function pair() local v = 0 return function() v = v + 1 end, function() return v end end local inc, get = pair() inc() inc() return get()', [2]],
  ['local function can recurse', 'local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end return fact(10)', [3628800]],
  ['local x = x reads the outer x', 'local x = 1 do local x = x + 1 return x end', [2]],
  ['shadowing in nested blocks', 'local x = 1 do local x = 2 end return x', [1]],
  ['function statements with dotted names and methods', 'local m = {a = {}} function m.a.f(x) return x * 2 end function m.a:g(x) return self == m.a, x end return m.a.f(4), m.a:g(5)', [8, true, 5]],
  ['globals are stored in _G', 'g1 = 5 return _G.g1, rawget(_G, "g1")', [5, 5]],
  ['tail calls do not grow the stack', 'local function loop(n) if n == 0 then return "done" end return loop(n - 1) end return loop(100000)', ['done']],
  ['mutual tail recursion', 'local even, odd function even(n) if n == 0 then return true end return odd(n - 1) end function odd(n) if n == 0 then return false end return even(n - 1) end return even(10001)', [false]],
  ['semicolons are optional separators', 'local a = 1; local b = 2; return a + b;', [3]],
  ['equality of different types is false; NaN differs from itself', 'local nan = 0/0 return 1 == "1", nan == nan, nan ~= nan', [false, false, true]],
  ['string comparison is bytewise', 'return "a" < "b", "Z" < "a", "abc" < "abd", "" < "a", "a\\0b" > "a"', [true, true, true, true, true]],
  ['^ follows C pow for 1 and -1 bases', 'return 1^(0/0), (-1)^(1/0), math.pow(1, 0/0), 2^10', [1, 1, 1, 1024]],
  ['division by zero gives inf', 'return 1/0 > 1e308, -1/0 < -1e308', [true, true]],
  ['tostring and type', 'return tostring(12), tostring(1.5), tostring(nil), type({}), type(print), type(type)', ['12', '1.5', 'nil', 'table', 'nil', 'function']],
  ['tonumber with bases', 'return tonumber("10"), tonumber("z", 36), tonumber("ff", 16), tonumber("0x1A"), tonumber("8", 8), tonumber("x"), tonumber("  5  ")', [10, 35, 255, 26, undefined, undefined, 5]],
  ['_VERSION and absent globals', 'return _VERSION, print, dofile, loadfile, os, io', ['Lua 5.1', undefined, undefined, undefined, undefined, undefined]],
  ['loadstring compiles a chunk that sees globals', 'gx = 3 local f = loadstring("return gx * 2") return f()', [6]],
  ['loadstring returns nil and a message on a syntax error', 'return loadstring("return +")', [undefined, '[string "return +"]:1: unexpected symbol near \'+\'']],
  ['getfenv and setfenv on functions', 'local function f() return y end setfenv(f, {y = 42}) return f(), getfenv(f).y, getfenv(0) == _G', [42, 42, true]],
  ['arg table compatibility is absent for main chunk varargs', 'return select("#", ...)', [0]],
  ['vararg functions not using ... get the 5.0 arg table', 'local function f(...) return arg.n, arg[2], #arg end local function g(...) return arg, ... end return f(1, 2, 3), g(5)', [3, undefined, 5]],
  ['very long left-associative chains (redis-server evaluates 1+1+...+1 with 20000 terms)', `return 1${'+1'.repeat(20000)}, 2${'*1-1'.repeat(100)}`, [20001, -98]],
  ['a chunk returns nothing by default', 'local x = 1', []],
  ['deep non-tail recursion within the bound works', 'local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(150)', [150]],
];

describe('Lua 5.1 language', () => {
  for (const [title, source, expected] of cases) {
    it(`evaluates ${title}`, () => {
      expect(runLua(source)).toEqual(expected);
    });
  }
});
