import type { LuaVm } from './api.js';
import { basicStringFunctions } from './lib-string-basic.js';
import { stringFindFunction, stringGmatchFunction, stringGsubFunction, stringMatchFunction } from './lib-string-find.js';
import { stringFormatFunction } from './lib-string-format.js';

/**
 * Lua 5.1's string library (lstrlib.c) as Redis 7.0 loads it: the global
 * `string` table and the metatable every string shares, whose __index is
 * that table (so `("x"):upper()` works).
 */
export function installStringLibrary(vm: LuaVm): void {
  const library = vm.newTable();
  for (const fn of basicStringFunctions) library.set(fn.name, fn);
  library.set('find', stringFindFunction);
  library.set('format', stringFormatFunction);
  library.set('gmatch', stringGmatchFunction);
  // LUA_COMPAT_GFIND is on in Redis's luaconf.h: the old name stays.
  library.set('gfind', stringGmatchFunction);
  library.set('gsub', stringGsubFunction);
  library.set('match', stringMatchFunction);
  vm.globals.set('string', library);
  const metatable = vm.newTable();
  metatable.set('__index', library);
  vm.stringMetatable = metatable;
}
