import { describe, expect, it } from 'vitest';
import { luaErrorOf, runLua } from './interpreter-support.js';

describe('table library (fixtures from redis-server 7.0.15 EVAL)', () => {
  it('insert appends, inserts at a position, and may leave a hole past the end', () => {
    expect(runLua('local t = {1,2,3} table.insert(t, 1, 0) table.insert(t, 4) return t')).toEqual([[0, 1, 2, 3, 4]]);
    expect(runLua('local t = {1,2} table.insert(t, 5, 9) return #t, t[5]')).toEqual([2, 9]);
    expect(luaErrorOf('table.insert({}, 1, 2, 3)')).toBe("user_script:1: wrong number of arguments to 'insert'");
    expect(luaErrorOf('table.insert(nil, 1)')).toBe("user_script:1: bad argument #1 to 'insert' (table expected, got nil)");
  });

  it('remove takes the last or a given element and shifts down', () => {
    expect(runLua('local t = {1,2,3} return table.remove(t), table.remove(t, 1), #t, t[1]')).toEqual([3, 1, 1, 2]);
    expect(runLua('local t = {} return table.remove(t), #t')).toEqual([undefined, 0]);
    expect(runLua('local t = {1,2,3} return table.remove(t, 7), #t')).toEqual([undefined, 3]);
  });

  it('concat joins strings and numbers with a separator over a range', () => {
    expect(runLua('return table.concat({1, 2.5, "x"}, ", ", 2, 3)')).toEqual(['2.5, x']);
    expect(runLua('return table.concat({}), table.concat({1, 2, 3}), table.concat({1, 2}, 3)')).toEqual(['', '123', '132']);
    expect(luaErrorOf('return table.concat({1, {}, 3})')).toBe("user_script:1: invalid value (table) at index 2 in table for 'concat'");
  });

  it('getn, maxn, setn, foreach and foreachi behave as in 5.1', () => {
    expect(runLua('return table.getn({1,2,3}), table.maxn({1, 2, [10] = 3, [5.5] = 1}), table.maxn({})')).toEqual([3, 10, 0]);
    expect(luaErrorOf('table.setn({}, 1)')).toBe("user_script:1: 'setn' is obsolete");
    expect(runLua('local s = 0 table.foreachi({5, 6}, function(i, v) s = s + i * v end) return s')).toEqual([17]);
    expect(runLua('return table.foreach({a = 1}, function(k, v) return k .. v end)')).toEqual(['a1']);
  });
});

describe('table.sort', () => {
  it('sorts numbers and strings ascending by default (strings bytewise)', () => {
    expect(runLua('local t = {5,3,8,1,9,2} table.sort(t) return t')).toEqual([[1, 2, 3, 5, 8, 9]]);
    expect(runLua('local t = {"b","a","c","B"} table.sort(t) return t')).toEqual([['B', 'a', 'b', 'c']]);
  });

  it('uses a comparator, and does exactly as many comparisons as Lua 5.1 quicksort', () => {
    const source = 'local t = {} for i = 1, 30 do t[i] = (i * 13) % 17 end local n = 0 ' +
      'table.sort(t, function(a,b) n = n + 1 return a > b end) return n, t[1], t[30]';
    expect(runLua(source)).toEqual([137, 16, 0]);
  });

  it('raises Lua 5.1 errors for inconsistent comparators', () => {
    expect(luaErrorOf('local t = {3,1,2,5,4} table.sort(t, function(a,b) return true end)')).toBe('user_script:1: invalid order function for sorting');
    expect(luaErrorOf('local t = {5,5,5,1,1,1,3,3} table.sort(t, function(a,b) return a <= b end)'))
      .toBe('user_script:1: attempt to compare number with nil');
    expect(luaErrorOf('local t = {} for i = 1, 20 do t[i] = (i * 7) % 11 end table.sort(t, function(a,b) return a <= b end)'))
      .toBe('user_script:1: attempt to compare nil with number');
  });

  it('raises an unprefixed compare error for mixed types without a comparator', () => {
    expect(luaErrorOf('local t = {3,"a",1} table.sort(t)')).toBe('attempt to compare string with number');
  });

  it('sorts tables with __lt metamethods', () => {
    const source = 'local mt = {__lt = function(a, b) return a.v < b.v end} local t = {} ' +
      'for i, v in ipairs({4, 1, 3}) do t[i] = setmetatable({v = v}, mt) end table.sort(t) return t[1].v, t[2].v, t[3].v';
    expect(runLua(source)).toEqual([1, 3, 4]);
  });

  it('handles empty, one and two element tables', () => {
    expect(runLua('local a, b, c = {}, {1}, {2, 1} table.sort(a) table.sort(b) table.sort(c) return #a, b[1], c[1], c[2]')).toEqual([0, 1, 1, 2]);
  });
});
