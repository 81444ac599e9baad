import { describe, expect, it } from 'vitest';
import { LuaHostFunction, type LuaTable, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { installStringLibrary } from '../../../../src/store/scripting/lua/lib-string.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { installedLibrary, libraryFunction, protectedCall, tableOnlyVm, testContext } from './lib-test-support.js';

const { table: library, call } = installedLibrary(installStringLibrary, 'string');

function failure(name: string, ...args: LuaValue[]): LuaValue {
  const result = protectedCall(libraryFunction(library, name), args, testContext());
  expect(result[0]).toBe(false);
  return result[1];
}

describe('installStringLibrary', () => {
  it('sets the string table and a string metatable whose __index is that table', () => {
    const vm = tableOnlyVm();
    installStringLibrary(vm);
    const table = vm.globals.get('string');
    expect(typeof table).toBe('object');
    expect(vm.stringMetatable?.get('__index')).toBe(table);
    for (const name of ['byte', 'char', 'dump', 'find', 'format', 'gmatch', 'gsub', 'len', 'lower', 'match', 'rep', 'reverse', 'sub', 'upper', 'gfind']) {
      expect((table as LuaTable).get(name), name).toBeInstanceOf(LuaHostFunction);
    }
  });
});

describe('string basics follow lstrlib.c', () => {
  it('sub counts negative positions from the end and clamps', () => {
    expect(call('sub', 'hello', 2, 4)).toEqual(['ell']);
    expect(call('sub', 'hello', -3)).toEqual(['llo']);
    expect(call('sub', 'hello', 0, 100)).toEqual(['hello']);
    expect(call('sub', 'hello', 4, 2)).toEqual(['']);
    expect(call('sub', 12345, 2, '3')).toEqual(['23']);
  });

  it('byte returns codes of a range, char builds bytes and rejects values beyond 255', () => {
    expect(call('byte', 'ABC')).toEqual([65]);
    expect(call('byte', 'ABC', 1, -1)).toEqual([65, 66, 67]);
    expect(call('byte', 'ABC', 10)).toEqual([]);
    expect(call('char', 72, 105, 0)).toEqual(['Hi\0']);
    expect(failure('char', 256)).toBe("user_script:1: bad argument #1 to 'char' (invalid value)");
  });

  it('upper and lower change ASCII letters only; rep and reverse', () => {
    expect(call('upper', 'aBc\xe9')).toEqual(['ABC\xe9']);
    expect(call('lower', 'AbC\xc9')).toEqual(['abc\xc9']);
    expect(call('rep', 'ab', 3)).toEqual(['ababab']);
    expect(call('rep', 'ab', -1)).toEqual(['']);
    expect(call('reverse', 'abc')).toEqual(['cba']);
    expect(call('len', 'a\0b')).toEqual([3]);
  });

  it('reports bad arguments with luaL_argerror messages', () => {
    // redis-cli eval "return string.sub()" 0
    expect(failure('sub')).toBe("user_script:1: bad argument #1 to 'sub' (string expected, got no value)");
    expect(failure('rep', 'x', 'y')).toBe("user_script:1: bad argument #2 to 'rep' (number expected, got string)");
    expect(failure('len', undefined)).toBe("user_script:1: bad argument #1 to 'len' (string expected, got nil)");
    expect(failure('dump', 'x')).toBe("user_script:1: bad argument #1 to 'dump' (function expected, got string)");
    expect(failure('dump', libraryFunction(library, 'len'))).toBe('user_script:1: unable to dump given function');
  });

  it('refuses a byte slice of more than LUAI_MAXCSTACK values', () => {
    // redis-cli eval "return #{string.byte(string.rep('a', 7998), 1, -1)}" 0
    expect(call('byte', 'a'.repeat(7997), 1, -1)).toHaveLength(7997);
    expect(failure('byte', 'a'.repeat(7998), 1, -1)).toBe('user_script:1: stack overflow (string slice too long)');
  });
});

describe('string.find and string.match', () => {
  it('find returns positions and captures; plain search for patterns without specials or when asked', () => {
    expect(call('find', 'hello world', 'o w')).toEqual([5, 7]);
    expect(call('find', 'hello world', '(o)(r)')).toEqual([8, 9, 'o', 'r']);
    expect(call('find', 'a.b', '.', 1, true)).toEqual([2, 2]);
    expect(call('find', 'abc', '', 10)).toEqual([4, 3]);
    expect(call('find', 'abc', 'b', -1)).toEqual([undefined]);
  });

  it('match supports classes, sets, anchors, quantifiers and position captures', () => {
    expect(call('match', 'key:123', '^(%a+):(%d+)$')).toEqual(['key', '123']);
    expect(call('match', '  x  ', '^%s*(.-)%s*$')).toEqual(['x']);
    expect(call('match', 'hello', '()ll()')).toEqual([3, 5]);
    expect(call('match', 'f(a(b)c)d', '%b()')).toEqual(['(a(b)c)']);
    expect(call('match', 'THE (quick) fox', '%f[%a]%a+', 5)).toEqual(['quick']);
    expect(call('match', 'abcabc', '(abc)%1')).toEqual(['abc']);
    expect(call('match', '[x]', '[%]]')).toEqual([']']);
    expect(call('match', 'a-b', '[a%-]+')).toEqual(['a-']);
  });

  it('raises Lua 5.1 pattern errors', () => {
    expect(failure('find', 'a', '%')).toBe("user_script:1: malformed pattern (ends with '%')");
    expect(failure('find', 'a', '[a')).toBe("user_script:1: malformed pattern (missing ']')");
    expect(failure('match', 'a', '(a')).toBe('user_script:1: unfinished capture');
    expect(failure('match', 'a', '%1')).toBe('user_script:1: invalid capture index');
    expect(failure('match', 'a', 'a)')).toBe('user_script:1: invalid pattern capture');
    expect(failure('match', 'a', '%b')).toBe('user_script:1: unbalanced pattern');
    expect(failure('match', 'a', '%fa')).toBe("user_script:1: missing '[' after '%f' in pattern");
    expect(failure('match', 'a'.repeat(40), '(a)'.repeat(33))).toBe('user_script:1: too many captures');
  });

  it('stops a runaway recursion with "pattern too complex" instead of overflowing the stack', () => {
    expect(failure('match', 'a'.repeat(10_000), 'a?'.repeat(10_000))).toBe('user_script:1: pattern too complex');
    expect(call('match', 'a'.repeat(150), `^${'a?'.repeat(150)}$`)).toEqual(['a'.repeat(150)]);
  });

  it('matches long subjects without deep recursion (a repetition is a loop, not a call per character)', () => {
    const subject = `${'ab'.repeat(50_000)}c`;
    expect(call('find', subject, '[ab]*c')).toEqual([1, subject.length]);
    expect(call('match', subject, '^(.-)c$')).toEqual(['ab'.repeat(50_000)]);
    expect(call('gsub', subject, 'a', '')[1]).toBe(50_000);
  });
});

describe('string.gsub and string.gmatch', () => {
  it('gsub expands %0-%9 and %% in a string replacement and counts replacements', () => {
    expect(call('gsub', 'hello world', '(o)', '[%1%%]')).toEqual(['hell[o%] w[o%]rld', 2]);
    expect(call('gsub', 'abc', '%w', '%0%0', 2)).toEqual(['aabbc', 2]);
    expect(call('gsub', 'abc', '', '-')).toEqual(['-a-b-c-', 4]);
    expect(call('gsub', 'abc', '^a', 'x')).toEqual(['xbc', 1]);
  });

  it('gsub looks captures up in a table and keeps the match for nil or false', () => {
    const table = createLuaTable();
    table.set('a', 'A');
    table.set('b', false);
    table.set('c', 3);
    expect(call('gsub', 'abcd', '%w', table)).toEqual(['Ab3d', 4]);
  });

  it('gsub calls a function replacement with the captures', () => {
    const seen: LuaValue[][] = [];
    const replacer = new LuaHostFunction('replacer', (args) => {
      seen.push([...args]);
      return [typeof args[0] === 'string' ? args[0].toUpperCase() : undefined];
    });
    expect(call('gsub', 'a=1, b=2', '(%w+)=(%w+)', replacer)).toEqual(['A, B', 2]);
    expect(seen).toEqual([['a', '1'], ['b', '2']]);
  });

  it('gsub rejects a boolean replacement and a table replacement value', () => {
    expect(failure('gsub', 'a', 'a', true)).toBe("user_script:1: bad argument #3 to 'gsub' (string/function/table expected)");
    const table = createLuaTable();
    table.set('a', createLuaTable());
    expect(failure('gsub', 'a', 'a', table)).toBe('user_script:1: invalid replacement value (a table)');
  });

  it('gmatch iterates matches, stepping over empty ones', () => {
    const [iterator] = call('gmatch', 'one two  three', '%a*');
    const found: LuaValue[] = [];
    for (let step = 0; step < 20; step++) {
      const [value] = (iterator as LuaHostFunction).fn([], testContext());
      if (value === undefined) break;
      found.push(value);
    }
    expect(found).toEqual(['one', '', 'two', '', '', 'three', '']);
  });
});

describe('string.format', () => {
  it('formats like glibc printf through Lua 5.1', () => {
    // redis-cli eval "return string.format('%5.2s|%q|%x|%5.1f|%-5d|%+d|%#o|%#x|%e|%g|%c', 'abc', 'a\\0b\\n\"\\r', 255, 3.14159, 42, 5, 8, 255, 12345.678, 1e20, 65)" 0
    expect(
      call('format', '%5.2s|%q|%x|%5.1f|%-5d|%+d|%#o|%#x|%e|%g|%c', 'abc', 'a\0b\n"\r', 255, 3.14159, 42, 5, 8, 255, 12345.678, 1e20, 65),
    ).toEqual(['   ab|"a\\000b\\\n\\"\\r"|ff|  3.1|42   |+5|010|0xff|1.234568e+04|1e+20|A']);
    // redis-cli eval "return string.format('%d|%x|%d', 3.7, -1, 2^63)" 0
    expect(call('format', '%d|%x|%d', 3.7, -1, 2 ** 63)).toEqual(['3|ffffffffffffffff|-9223372036854775808']);
  });

  it('rounds ties to even and cuts sprintf output at a NUL', () => {
    // redis-cli eval "return string.format('%.0f|%.1f|%.0e|%g|%.3g|%#g|%#.0f|%#x|%#o|%.0d|%5.3d|%-+8.2f|%08.3f|% d|%x', ...)" 0
    expect(
      call('format', '%.0f|%.1f|%.0e|%g|%.3g|%#g|%#.0f|%#x|%#o|%.0d|%5.3d|%-+8.2f|%08.3f|% d|%x', 2.5, 0.25, 25, 123456789012345, 0.0001234, 1, 3, 0, 0, 0, 7, 3.14159, -3.14159, 5, 2 ** 64),
    ).toEqual(['2|0.2|2e+01|1.23457e+14|0.000123|1.00000|3.|0|0||  007|+3.14   |-003.142| 5|0']);
    expect(call('format', '%c|%5c|%-5c|%s|', 0, 0, 0, 'a\0b')).toEqual(['|    ||a|']);
    expect(call('format', '%s', `${'x'.repeat(100)}\0y`)).toEqual([`${'x'.repeat(100)}\0y`]);
  });

  it('raises str_format errors', () => {
    expect(failure('format', '%y', 1)).toBe("user_script:1: invalid option '%y' to 'format'");
    expect(failure('format', '%d')).toBe("user_script:1: bad argument #2 to 'format' (no value)");
    expect(failure('format', '%------d', 1)).toBe('user_script:1: invalid format (repeated flags)');
    expect(failure('format', '%123d', 1)).toBe('user_script:1: invalid format (width or precision too long)');
    expect(failure('format', '%d', 'x')).toBe("user_script:1: bad argument #2 to 'format' (number expected, got string)");
    expect(failure('format', '%', 1)).toBe("user_script:1: invalid option '%' to 'format'");
  });
});
