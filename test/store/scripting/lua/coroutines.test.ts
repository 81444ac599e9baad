import { describe, expect, it } from 'vitest';
import { luaErrorOf, runLua } from './interpreter-support.js';

describe('coroutines', () => {
  it('pass values through resume and yield both ways', () => {
    const source = `
      local co = coroutine.create(function(a, b)
        local c = coroutine.yield(a + b)
        local d, e = coroutine.yield(c * 2)
        return d + e
      end)
      local r1 = {coroutine.resume(co, 1, 2)}
      local r2 = {coroutine.resume(co, 10)}
      local r3 = {coroutine.resume(co, 3, 4)}
      local r4 = {coroutine.resume(co)}
      return r1[2], r2[2], r3[2], r4[1], r4[2], coroutine.status(co)`;
    expect(runLua(source)).toEqual([3, 20, 7, false, 'cannot resume dead coroutine', 'dead']);
  });

  it('report status from inside and outside, and running()', () => {
    const source = `
      local co
      co = coroutine.create(function() return coroutine.status(co), coroutine.running() == co end)
      local before = coroutine.status(co)
      local _, inside, isRunning = coroutine.resume(co)
      return before, inside, isRunning, coroutine.running()`;
    expect(runLua(source)).toEqual(['suspended', 'running', true, undefined]);
  });

  it('catch errors inside the coroutine as resume results', () => {
    expect(runLua('local co = coroutine.create(function() error("bad") end) return coroutine.resume(co)')).toEqual([false, 'user_script:1: bad']);
    expect(runLua('local co = coroutine.create(function() error({code = 7}) end) local ok, e = coroutine.resume(co) return ok, e.code')).toEqual([false, 7]);
  });

  it('wrap returns a function that resumes and rethrows', () => {
    expect(runLua('local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) return gen(), gen(), gen()')).toEqual([1, 2, 3]);
    expect(luaErrorOf('local f = coroutine.wrap(function() error("x", 0) end) f()')).toBe('user_script:1: x');
  });

  it('works as generators in a generic for', () => {
    const source = `
      local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
      local sum = 0 for v in range(10) do sum = sum + v end return sum`;
    expect(runLua(source)).toEqual([55]);
  });

  it('yield across pcall inside the coroutine', () => {
    const source = `
      local co = coroutine.create(function()
        local ok, v = pcall(function() local got = coroutine.yield("paused") return got * 2 end)
        return ok, v
      end)
      local _, first = coroutine.resume(co)
      local _, ok, v = coroutine.resume(co, 21)
      return first, ok, v`;
    expect(runLua(source)).toEqual(['paused', true, 42]);
  });

  it('nested coroutines keep their own state', () => {
    const source = `
      local inner = coroutine.wrap(function() coroutine.yield("i1") coroutine.yield("i2") end)
      local outer = coroutine.wrap(function() coroutine.yield(inner()) coroutine.yield(inner()) end)
      return outer(), outer()`;
    expect(runLua(source)).toEqual(['i1', 'i2']);
  });

  it('cannot yield across a host-function call such as table.sort', () => {
    const source = `
      local co = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
      return coroutine.resume(co)`;
    expect(runLua(source)).toEqual([false, 'attempt to yield across metamethod/C-call boundary']);
  });

  it('rejects non-functions and resuming a running coroutine', () => {
    expect(luaErrorOf('coroutine.create(1)')).toBe("user_script:1: bad argument #1 to 'create' (Lua function expected)");
    expect(runLua('local co co = coroutine.create(function() return coroutine.resume(co) end) return coroutine.resume(co)'))
      .toEqual([true, false, 'cannot resume non-suspended coroutine']);
    expect(runLua('return type(coroutine.create(function() end))')).toEqual(['thread']);
  });
});
