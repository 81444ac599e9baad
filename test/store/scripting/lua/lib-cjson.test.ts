import { describe, expect, it } from 'vitest';
import type { LuaTable, LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { cjsonNull, isCjsonNull } from '../../../../src/store/scripting/lua/lib-cjson-config.js';
import { createCjsonModule, installCjson } from '../../../../src/store/scripting/lua/lib-cjson.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { libraryFunction, protectedCall, tableOnlyVm, testContext } from './lib-test-support.js';

function freshCjson(): LuaTable {
  return createCjsonModule(() => createLuaTable());
}

function call(cjson: LuaTable, name: string, ...args: LuaValue[]): LuaValue[] {
  return libraryFunction(cjson, name).fn(args, testContext());
}

function failure(cjson: LuaTable, name: string, ...args: LuaValue[]): LuaValue {
  const result = protectedCall(libraryFunction(cjson, name), args, testContext());
  expect(result[0]).toBe(false);
  return result[1];
}

function table(entries: readonly (readonly [LuaValue, LuaValue])[]): LuaTable {
  const created = createLuaTable();
  for (const [key, value] of entries) created.set(key, value);
  return created;
}

function array(...values: LuaValue[]): LuaTable {
  return table(values.map((value, index) => [index + 1, value] as const));
}

describe('cjson.encode', () => {
  const cjson = freshCjson();
  const encode = (value: LuaValue): LuaValue => call(cjson, 'encode', value)[0];

  it('writes arrays, objects, numbers with %.14g and strings escaped like char2escape', () => {
    // redis-cli eval "return cjson.encode({1,2,{a=1}})" 0 -> [1,2,{"a":1}]
    expect(encode(array(1, 2, table([['a', 1]])))).toBe('[1,2,{"a":1}]');
    // redis-cli eval "return cjson.encode('a/b\"\\\\\\1\\127\\200')" 0
    expect(encode('a/b"\\\x01\x7f\x80')).toBe('"a\\/b\\"\\\\\\u0001\\u007f\x80"');
    expect(encode(0.1)).toBe('0.1');
    expect(encode(1e15)).toBe('1e+15');
    expect(encode(-0)).toBe('-0');
    expect(encode(table([]))).toBe('{}');
    expect(encode(array(true, false, cjsonNull))).toBe('[true,false,null]');
    expect(encode(undefined)).toBe('null');
  });

  it('fills holes of a not too sparse array with null and writes other keys as an object', () => {
    // redis-cli eval "return cjson.encode({[1]=1,[2]=2,[4]=4})" 0 -> [1,2,null,4]
    expect(encode(table([[1, 1], [2, 2], [4, 4]]))).toBe('[1,2,null,4]');
    expect(encode(table([[1.5, 1]]))).toBe('{"1.5":1}');
    expect(encode(table([[1e10, 1]]))).toBe('{"10000000000":1}');
    expect(encode(table([[-1, 2]]))).toBe('{"-1":2}');
  });

  it('refuses an excessively sparse array unless told to convert it', () => {
    // redis-cli eval "return cjson.encode({[1]=1,[23]=2})" 0
    const sparse = table([[1, 1], [23, 2]]);
    expect(failure(cjson, 'encode', sparse)).toBe('user_script:1: Cannot serialise table: excessively sparse array');
    const converting = freshCjson();
    expect(call(converting, 'encode_sparse_array', true)).toEqual([true, 2, 10]);
    expect(call(converting, 'encode', sparse)).toEqual(['{"1":1,"23":2}']);
  });

  it('refuses functions, bad keys, NaN and Inf, and nesting deeper than encode_max_depth', () => {
    expect(failure(cjson, 'encode', libraryFunction(cjson, 'encode'))).toBe('user_script:1: Cannot serialise function: type not supported');
    expect(failure(cjson, 'encode', table([[true, 1]]))).toBe('user_script:1: Cannot serialise boolean: table key must be a number or string');
    expect(failure(cjson, 'encode', 1 / 0)).toBe('user_script:1: Cannot serialise number: must not be NaN or Inf');
    expect(failure(cjson, 'encode', 1, 2)).toBe("user_script:1: bad argument #1 to 'encode' (expected 1 argument)");
    const shallow = freshCjson();
    expect(call(shallow, 'encode_max_depth', 2)).toEqual([2]);
    expect(failure(shallow, 'encode', array(array(array(1))))).toBe('user_script:1: Cannot serialise, excessive nesting (3)');
  });

  it('honours encode_invalid_numbers and encode_number_precision', () => {
    const custom = freshCjson();
    // redis-cli eval "return {cjson.encode_invalid_numbers('null'), cjson.encode(1/0), ...}" 0
    expect(call(custom, 'encode_invalid_numbers', 'null')).toEqual(['null']);
    expect(call(custom, 'encode', 1 / 0)).toEqual(['null']);
    expect(call(custom, 'encode_invalid_numbers', true)).toEqual([true]);
    expect(call(custom, 'encode', array(-1 / 0, Number.NaN))).toEqual(['[-inf,nan]']);
    expect(call(custom, 'encode_number_precision', 3)).toEqual([3]);
    expect(call(custom, 'encode', 3.14159)).toEqual(['3.14']);
    expect(failure(custom, 'encode_number_precision', 15)).toBe("user_script:1: bad argument #1 to 'encode_number_precision' (expected integer between 1 and 14)");
    expect(failure(custom, 'encode_keep_buffer', 'x')).toBe("user_script:1: bad argument #1 to 'encode_keep_buffer' (invalid option 'x')");
    expect(failure(custom, 'encode_sparse_array', 1, 2, 3, 4)).toBe("user_script:1: bad argument #4 to 'encode_sparse_array' (found too many arguments)");
  });
});

describe('cjson.decode', () => {
  const cjson = freshCjson();
  const decode = (text: string): LuaValue => call(cjson, 'decode', text)[0];

  it('builds tables, numbers, strings, booleans and cjson.null', () => {
    const decoded = decode('[1,null,{"a":[]},"\\u00e9\\ud83d\\ude00", true]') as LuaTable;
    expect(decoded.get(1)).toBe(1);
    expect(isCjsonNull(decoded.get(2))).toBe(true);
    expect(((decoded.get(3) as LuaTable).get('a') as LuaTable).next(undefined)).toBeUndefined();
    expect(decoded.get(4)).toBe(Buffer.from('é😀', 'utf8').toString('latin1'));
    expect(decoded.get(5)).toBe(true);
    expect(decoded.length()).toBe(5);
  });

  it('accepts what strtod accepts while decode_invalid_numbers is on', () => {
    // redis-cli eval "return cjson.decode('0x10')" 0 -> 16
    expect(decode('0x10')).toBe(16);
    expect(decode('-0')).toBe(-0);
    expect(decode(' 1E2 ')).toBe(100);
    expect(decode('Infinity')).toBe(Infinity);
    const strict = freshCjson();
    call(strict, 'decode_invalid_numbers', false);
    expect(failure(strict, 'decode', '0x10')).toBe('user_script:1: Expected value but found invalid number at character 1');
  });

  it('reports errors like lua_cjson', () => {
    // redis-cli eval "return cjson.decode('[1,2')" 0 and the like
    expect(failure(cjson, 'decode', '[1,2')).toBe('user_script:1: Expected comma or array end but found T_END at character 5');
    expect(failure(cjson, 'decode', 'x')).toBe('user_script:1: Expected value but found invalid token at character 1');
    expect(failure(cjson, 'decode', '[1,2] x')).toBe('user_script:1: Expected the end but found invalid token at character 7');
    expect(failure(cjson, 'decode', '"abc')).toBe('user_script:1: Expected value but found unexpected end of string at character 5');
    expect(failure(cjson, 'decode', '"\\x"')).toBe('user_script:1: Expected value but found invalid escape code at character 2');
    expect(failure(cjson, 'decode', '{1:2}')).toBe('user_script:1: Expected object key string but found T_NUMBER at character 2');
    expect(failure(cjson, 'decode', '')).toBe('user_script:1: Expected value but found T_END at character 1');
    expect(failure(cjson, 'decode')).toBe("user_script:1: bad argument #1 to 'decode' (expected 1 argument)");
    expect(failure(cjson, 'decode', '\0[')).toBe('user_script:1: JSON parser does not support UTF-16 or UTF-32');
  });

  it('stops at decode_max_depth', () => {
    const shallow = freshCjson();
    expect(call(shallow, 'decode_max_depth', 2)).toEqual([2]);
    expect(failure(shallow, 'decode', '[[[1]]]')).toBe('user_script:1: Found too many nested data structures (3) at character 3');
  });
});

describe('installCjson', () => {
  it('sets the global cjson with null, _NAME and _VERSION, and new() makes an independent module', () => {
    const vm = tableOnlyVm();
    installCjson(vm);
    const cjson = vm.globals.get('cjson') as LuaTable;
    expect(cjson.get('null')).toBe(cjsonNull);
    expect(cjson.get('_NAME')).toBe('cjson');
    expect(cjson.get('_VERSION')).toBe('2.1.0');
    const other = call(cjson, 'new')[0] as LuaTable;
    call(other, 'encode_max_depth', 1);
    expect(call(cjson, 'encode_max_depth')).toEqual([1000]);
  });
});
