import { describe, expect, it } from 'vitest';
import { LuaHostFunction } from '../../../../src/store/scripting/lua/api.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { luaErrorOf, runLua } from './interpreter-support.js';

describe('metatables', () => {
  it('__index as a table chains lookups, as a function computes them', () => {
    expect(runLua('local base = {a = 1} local mid = setmetatable({b = 2}, {__index = base}) local t = setmetatable({}, {__index = mid}) return t.a, t.b, t.c'))
      .toEqual([1, 2, undefined]);
    expect(runLua('local t = setmetatable({}, {__index = function(t, k) return k .. "!" end}) return t.x, rawget(t, "x")')).toEqual(['x!', undefined]);
  });

  it('__newindex as a table or function receives new keys only', () => {
    expect(runLua('local store = {} local t = setmetatable({}, {__newindex = store}) t.a = 1 return rawget(t, "a"), store.a')).toEqual([undefined, 1]);
    expect(runLua('local log = {} local t = setmetatable({x = 1}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v * 2) end}) t.x = 5 t.y = 6 return t.x, t.y, #log'))
      .toEqual([5, 12, 1]);
  });

  it('__call makes tables callable with themselves first', () => {
    expect(runLua('local t = setmetatable({n = 10}, {__call = function(self, a, b) return self.n + a + b end}) return t(1, 2)')).toEqual([13]);
  });

  it('arithmetic, concat, unary minus and comparison metamethods', () => {
    const source = `
      local mt = {}
      local function new(v) return setmetatable({v = v}, mt) end
      mt.__add = function(a, b) return new(a.v + b.v) end
      mt.__sub = function(a, b) return new(a.v - b.v) end
      mt.__mul = function(a, b) return new((type(a) == "number" and a or a.v) * b.v) end
      mt.__div = function(a, b) return new(a.v / b.v) end
      mt.__mod = function(a, b) return new(a.v % b.v) end
      mt.__pow = function(a, b) return new(a.v ^ b.v) end
      mt.__unm = function(a) return new(-a.v) end
      mt.__concat = function(a, b) return (type(a) == "table" and a.v or a) .. "|" .. (type(b) == "table" and b.v or b) end
      mt.__eq = function(a, b) return a.v == b.v end
      mt.__lt = function(a, b) return a.v < b.v end
      mt.__le = function(a, b) return a.v <= b.v end
      local a, b = new(6), new(4)
      return (a + b).v, (a - b).v, (2 * b).v, (a / b).v, (a % b).v, (b ^ new(2)).v, (-a).v,
        a .. "s", "s" .. b, new(1) == new(1), a ~= b, b < a, a <= a, a > b, a >= b`;
    expect(runLua(source)).toEqual([10, 2, 8, 1.5, 2, 16, -6, '6|s', 's|4', true, true, true, true, true, true]);
  });

  it('__le falls back to not __lt with swapped operands', () => {
    expect(runLua('local mt = {__lt = function(a, b) return a.v < b.v end} local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt) return a <= b, b <= a'))
      .toEqual([true, false]);
  });

  it('__eq is only used between two tables with the same handler', () => {
    expect(runLua('local t = setmetatable({}, {__eq = function() return true end}) return t == 1, t == {}, t == setmetatable({}, getmetatable(t))'))
      .toEqual([false, false, true]);
  });

  it('__len is ignored for tables (Lua 5.1)', () => {
    expect(runLua('local t = setmetatable({1, 2}, {__len = function() return 99 end}) return #t')).toEqual([2]);
  });

  it('__tostring is used by tostring', () => {
    expect(runLua('local t = setmetatable({}, {__tostring = function() return "custom" end}) return tostring(t)')).toEqual(['custom']);
  });

  it('__metatable hides and protects the metatable', () => {
    expect(runLua('local t = setmetatable({}, {__metatable = "locked"}) return getmetatable(t)')).toEqual(['locked']);
    expect(luaErrorOf('local t = setmetatable({}, {__metatable = false}) setmetatable(t, nil)')).toBe('user_script:1: cannot change a protected metatable');
  });

  it('rawget, rawset and rawequal bypass metamethods', () => {
    expect(runLua('local t = setmetatable({}, {__index = function() return 1 end, __newindex = function() error("no") end}) rawset(t, "k", 2) return rawget(t, "x"), t.k, rawequal(t, t), rawequal(t, {})'))
      .toEqual([undefined, 2, true, false]);
  });

  it('an __index loop is reported', () => {
    expect(luaErrorOf('local t = {} setmetatable(t, {__index = t}) return t.x')).toBe('user_script:1: loop in gettable');
    expect(luaErrorOf('local a, b = {}, {} setmetatable(a, {__index = b}) setmetatable(b, {__index = a}) return a.x')).toBe('user_script:1: loop in gettable');
  });

  it('strings index through the shared string metatable', () => {
    const vm = createLuaVm();
    const stringLibrary = vm.newTable();
    stringLibrary.set('rep', new LuaHostFunction('rep', (args) => [String(args[0]).repeat(Number(args[1]))]));
    const metatable = vm.newTable();
    metatable.set('__index', stringLibrary);
    vm.stringMetatable = metatable;
    expect(runLua('local s = "ab" return s:rep(3), ("x"):rep(2), #s, getmetatable("").__index == nil', vm)).toEqual(['ababab', 'xx', 2, false]);
    expect(luaErrorOf('local s = "ab" return s:nope()', vm)).toBe("user_script:1: attempt to call method 'nope' (a nil value)");
  });

  it('indexing a string without a string metatable is an error', () => {
    expect(luaErrorOf('local s = "x" return s.y')).toBe("user_script:1: attempt to index local 's' (a string value)");
  });

  it('globals honour a metatable on _G (Redis protects globals this way)', () => {
    const source = 'setmetatable(_G, {__index = function(t, k) error("Script attempted to access nonexistent global variable \'" .. k .. "\'", 2) end}) return undefined_thing';
    expect(luaErrorOf(source)).toBe("user_script:1: Script attempted to access nonexistent global variable 'undefined_thing'");
  });
});
