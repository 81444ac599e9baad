import type { LuaCallContext, LuaTable, LuaValue } from './api.js';
import { LuaFunction } from './api.js';
import { luaRuntimeError } from './lib-string-arguments.js';

/** MAXTAGLOOP in Lua 5.1's lvm.c: how many __index tables a lookup may chain through. */
const indexChainMax = 100;

function isTable(value: LuaValue): value is LuaTable {
  return typeof value === 'object';
}

/** lua_gettable on a table: the raw value, else what its __index (table or function) gives. */
export function indexWithMetatable(context: LuaCallContext, table: LuaTable, key: LuaValue): LuaValue {
  let current: LuaTable = table;
  for (let loop = 0; loop < indexChainMax; loop++) {
    const raw = current.get(key);
    if (raw !== undefined) return raw;
    const handler = current.metatable?.get('__index');
    if (handler === undefined) return undefined;
    if (handler instanceof LuaFunction) return context.call(handler, [current, key])[0];
    if (!isTable(handler)) return undefined;
    current = handler;
  }
  throw luaRuntimeError(context, "loop in gettable");
}
