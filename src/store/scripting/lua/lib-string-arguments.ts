import { LuaError, type LuaCallContext, type LuaValue } from './api.js';
import { typeName } from './values.js';
import { formatLuaNumber, parseLuaNumber } from './number-format.js';
import { doubleToInt64 } from './lib-string-printf.js';

/**
 * Lua 5.1's auxiliary argument checks (lauxlib.c luaL_check* / luaL_opt*)
 * for host functions: the same coercions (numbers where strings are
 * expected, numeric strings where numbers are) and the same messages,
 * prefixed like luaL_error with the caller's "chunk:line: ".
 */

/** lua_typename of a value, as the interpreter names it. */
export function luaTypeName(value: LuaValue): string {
  return typeName(value);
}

/** luaL_error: a LuaError whose message carries the caller's position. */
export function luaRuntimeError(context: LuaCallContext, message: string): LuaError {
  return new LuaError(context.where(1) + message);
}

/** luaL_argerror: "bad argument #i to 'name' (message)". */
export function argumentError(context: LuaCallContext, index: number, functionName: string, message: string): LuaError {
  return luaRuntimeError(context, `bad argument #${index} to '${functionName}' (${message})`);
}

/** luaL_typerror: "(expected expected, got typename)", "no value" for an absent argument. */
export function typeError(
  context: LuaCallContext,
  args: readonly LuaValue[],
  index: number,
  functionName: string,
  expected: string,
): LuaError {
  const got = index > args.length ? 'no value' : luaTypeName(args[index - 1]);
  return argumentError(context, index, functionName, `${expected} expected, got ${got}`);
}

/** lua_tolstring's coercion: strings as they are, numbers formatted; undefined otherwise. */
export function toLuaString(value: LuaValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatLuaNumber(value);
  return undefined;
}

/** lua_tonumber's coercion: numbers, and strings that spell one; undefined otherwise. */
export function toLuaNumber(value: LuaValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseLuaNumber(value);
  return undefined;
}

export interface ArgumentReader {
  readonly args: readonly LuaValue[];
  readonly context: LuaCallContext;
  readonly functionName: string;
}

/** luaL_checklstring. */
export function checkString(reader: ArgumentReader, index: number): string {
  const text = toLuaString(reader.args[index - 1]);
  if (text === undefined) throw typeError(reader.context, reader.args, index, reader.functionName, 'string');
  return text;
}

/** luaL_optlstring: `fallback` when the argument is none or nil. */
export function optionalString(reader: ArgumentReader, index: number, fallback: string): string {
  return reader.args[index - 1] === undefined ? fallback : checkString(reader, index);
}

/** luaL_checknumber. */
export function checkNumber(reader: ArgumentReader, index: number): number {
  const value = toLuaNumber(reader.args[index - 1]);
  if (value === undefined) throw typeError(reader.context, reader.args, index, reader.functionName, 'number');
  return value;
}

/** luaL_optnumber. */
export function optionalNumber(reader: ArgumentReader, index: number, fallback: number): number {
  return reader.args[index - 1] === undefined ? fallback : checkNumber(reader, index);
}

/** luaL_checkinteger: the number cast to a 64-bit ptrdiff_t (truncation), as a JS number. */
export function checkInteger(reader: ArgumentReader, index: number): number {
  return Number(doubleToInt64(checkNumber(reader, index)));
}

/** luaL_optinteger. */
export function optionalInteger(reader: ArgumentReader, index: number, fallback: number): number {
  return reader.args[index - 1] === undefined ? fallback : checkInteger(reader, index);
}

/** luaL_checkint: luaL_checkinteger narrowed to a C int. */
export function checkInt(reader: ArgumentReader, index: number): number {
  return Number(BigInt.asIntN(32, doubleToInt64(checkNumber(reader, index))));
}

/** luaL_optint. */
export function optionalInt(reader: ArgumentReader, index: number, fallback: number): number {
  return reader.args[index - 1] === undefined ? fallback : checkInt(reader, index);
}

/** luaL_checktype(L, index, LUA_TTABLE) and friends: "(table expected, got nil)". */
export function checkType(reader: ArgumentReader, index: number, expected: string): LuaValue {
  const value = reader.args[index - 1];
  if (index > reader.args.length || luaTypeName(value) !== expected) {
    throw typeError(reader.context, reader.args, index, reader.functionName, expected);
  }
  return value;
}

/** luaL_checkany: "(value expected)" for an absent argument. */
export function checkAny(reader: ArgumentReader, index: number): LuaValue {
  if (index > reader.args.length) throw argumentError(reader.context, index, reader.functionName, 'value expected');
  return reader.args[index - 1];
}


