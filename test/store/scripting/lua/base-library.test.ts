import { describe, expect, it } from 'vitest';
import { LuaHostFunction, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { luaErrorOf, runLua } from './interpreter-support.js';

describe('base library (fixtures from redis-server 7.0.15 where noted)', () => {
  it('pcall returns true and results, or false and the error value', () => {
    expect(runLua('return pcall(function(a, b) return a + b, "x" end, 1, 2)')).toEqual([true, 3, 'x']);
    expect(runLua('return pcall(nil)')).toEqual([false, 'attempt to call a nil value']);
    expect(runLua('local ok, e = pcall(function() local x = {} .. "" end) return e')).toEqual(['user_script:1: attempt to concatenate a table value']);
    expect(runLua('local ok, e = pcall(error) return ok, e')).toEqual([false, undefined]);
    expect(luaErrorOf('pcall()')).toBe("user_script:1: bad argument #1 to 'pcall' (value expected)");
  });

  it('xpcall passes the error to the handler', () => {
    expect(runLua('return xpcall(function() error("e1") end, function(m) return "handled: " .. m end)')).toEqual([false, 'handled: user_script:1: e1']);
    expect(runLua('return xpcall(function() return 1, 2 end, print)')).toEqual([true, 1, 2]);
  });

  it('error levels point at the caller', () => {
    expect(runLua('local function f() error("lvl2", 2) end local function g() f() end local ok, e = pcall(g) return e')).toEqual(['user_script:1: lvl2']);
    expect(runLua('local function f()\n error("lvl1")\n end local ok, e = pcall(f) return e')).toEqual(['user_script:2: lvl1']);
    expect(runLua('local ok, e = pcall(error, "msg", 0) return e')).toEqual(['msg']);
  });

  it('select counts and slices its varargs', () => {
    expect(runLua('return select("#"), select("#", nil, nil), select(2, "a", "b", "c")')).toEqual([0, 2, 'b', 'c']);
  });

  it('tostring honours __tostring and returns its value as is', () => {
    expect(runLua('return tostring(setmetatable({}, {__tostring = function() return 42 end}))')).toEqual([42]);
    expect(runLua('return type(tostring({})), tostring(nil), tostring(false), tostring(-1.25)')).toEqual(['string', 'nil', 'false', '-1.25']);
  });

  it('prints tables and functions with stable per-VM addresses', () => {
    const vm = createLuaVm();
    const [first] = runLua('t1 = {} return tostring(t1)', vm);
    const [again] = runLua('return tostring(t1)', vm);
    expect(first).toMatch(/^table: 0x[0-9a-f]{8}$/);
    expect(again).toBe(first);
    const [other] = runLua('t1 = {} return tostring(t1)', createLuaVm());
    expect(other).toBe(first);
  });

  it('tonumber converts numerals and rejects junk', () => {
    expect(runLua('return tonumber(""), tonumber(" "), tonumber("0x"), tonumber("1e"), tonumber(".5"), tonumber("5.")'))
      .toEqual([undefined, undefined, undefined, undefined, 0.5, 5]);
    expect(runLua('return tonumber("-ff", 16), tonumber("1 0", 2), tonumber("  11  ", 2)')).toEqual([18446744073709551616 - 255, undefined, 3]);
  });

  it('unpack keeps holes up to the length', () => {
    expect(runLua('return #{unpack({1, nil, 3})}')).toEqual([3]);
  });

  it('collectgarbage and gcinfo answer harmlessly', () => {
    expect(runLua('return collectgarbage("count") > 0, collectgarbage(), gcinfo() > 0')).toEqual([true, 0, true]);
    expect(luaErrorOf('collectgarbage("nope")')).toBe("user_script:1: bad argument #1 to 'collectgarbage' (invalid option 'nope')");
  });

  it('load reads a chunk from a function', () => {
    expect(runLua('local parts = {"return ", "1 + ", "2"} local i = 0 local f = load(function() i = i + 1 return parts[i] end) return f()')).toEqual([3]);
  });

  it('getfenv and setfenv work on levels and functions', () => {
    expect(runLua('return getfenv(1) == _G, getfenv() == _G, getfenv(print) == nil')).toEqual([true, true, false]);
    expect(runLua('local env = {x = 7} local function f() setfenv(1, env) return x end return f()')).toEqual([7]);
    expect(luaErrorOf('setfenv(tostring, {})')).toBe("user_script:1: 'setfenv' cannot change environment of given object");
  });

  it('host functions see where(1) as the calling line', () => {
    const vm = createLuaVm();
    vm.globals.set('here', new LuaHostFunction('here', (_args, context) => [context.where(1), context.where(2)]));
    expect(runLua('local function f()\n return here()\n end\n local a, b = f()\n return a, b', vm)).toEqual(['user_script:2: ', 'user_script:4: ']);
  });

  it('host functions can call back into Lua through their context', () => {
    const vm = createLuaVm();
    vm.globals.set('twice', new LuaHostFunction('twice', (args, context) => {
      const once: LuaValue[] = context.call(args[0], [1]);
      return context.call(args[0], once);
    }));
    expect(runLua('return twice(function(x) return x * 10 end)', vm)).toEqual([100]);
    expect(runLua('return pcall(twice, function() error("inside", 0) end)', vm)).toEqual([false, 'inside']);
  });
});
