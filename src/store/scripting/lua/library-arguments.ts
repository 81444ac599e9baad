import type { LuaCallContext, LuaError, LuaValue } from './api.js';
import { isLuaTable, type LuaTableImpl } from './lua-table.js';
import { readonlyMessage } from './operations.js';
import { positionedError, toNumber, typeName } from './values.js';

/** luaL_error: the message prefixed with the calling Lua function's position. */
export function libraryError(context: LuaCallContext, message: string): LuaError {
  const where = context.where(1);
  return positionedError(where + message, where);
}

/** A write to a readonly table from a library function (lua_rawset's luaG_runerror: no prefix inside a C function). */
export function readonlyError(context: LuaCallContext): LuaError {
  return positionedError(readonlyMessage, context.where(1));
}

/** lua_rawset/lua_rawseti as Redis patched them: a readonly table refuses. */
export function rawWrite(context: LuaCallContext, table: LuaTableImpl, key: LuaValue, value: LuaValue): void {
  if (table.isReadonly) throw readonlyError(context);
  table.set(key, value);
}

/** luaL_argerror: "bad argument #n to 'name' (...)". */
export function argumentError(context: LuaCallContext, position: number, functionName: string, message: string): LuaError {
  return libraryError(context, `bad argument #${position} to '${functionName}' (${message})`);
}

function typeNameOfArgument(args: readonly LuaValue[], position: number): string {
  return position > args.length ? 'no value' : typeName(args[position - 1]);
}

export function typeError(context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string, expected: string): LuaError {
  return argumentError(context, position, functionName, `${expected} expected, got ${typeNameOfArgument(args, position)}`);
}

export function checkTable(context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string): LuaTableImpl {
  const value = args[position - 1];
  if (!isLuaTable(value)) throw typeError(context, args, position, functionName, 'table');
  return value;
}

export function checkNumber(context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string): number {
  const number = toNumber(args[position - 1]);
  if (number === undefined) throw typeError(context, args, position, functionName, 'number');
  return number;
}

/** luaL_checkint: a number truncated towards zero (C's cast). */
export function checkInteger(context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string): number {
  return truncateToInteger(checkNumber(context, args, position, functionName));
}

export function optionalInteger(
  context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string, fallback: number,
): number {
  const value = args[position - 1];
  if (value === undefined) return fallback;
  return checkInteger(context, args, position, functionName);
}

export function truncateToInteger(value: number): number {
  if (Number.isNaN(value)) return 0;
  const truncated = Math.trunc(value);
  return truncated === 0 ? 0 : truncated;
}

export function checkAny(context: LuaCallContext, args: readonly LuaValue[], position: number, functionName: string): LuaValue {
  if (position > args.length) throw argumentError(context, position, functionName, 'value expected');
  return args[position - 1];
}
