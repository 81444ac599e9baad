import type { LuaTable, LuaVm } from './lua/api.js';
import { createLuaVm } from './lua/vm.js';
import { protectGlobals, removeDisallowedGlobals } from './global-protection.js';
import { libraryInstallers } from './lua-libraries.js';
import { createRedisTable, type RedisApiHost } from './redis-api.js';

/**
 * luaRedisPcall (script_lua.c) written in Lua so that a pcall'd busy loop
 * stays suspendable: an error table with an `err` field is returned as its
 * message, as Redis 7 does for backward compatibility.
 */
const PCALL_SOURCE = `local lua_pcall, type = pcall, type
local function result(ok, ...)
  if ok then return true, ... end
  local e = ...
  if type(e) == 'table' then
    local m = e.err
    if type(m) == 'string' or type(m) == 'number' then e = m end
  end
  return false, e
end
pcall = function(f, ...) return result(lua_pcall(f, ...)) end
`;

/** eval.c's error handler, kept as a global for scripts that look for it (our replies are formatted host-side). */
const ERROR_HANDLER_SOURCE = `function __redis__err__handler(err)
  if type(err) ~= 'table' then err = {err='ERR ' .. tostring(err)} end
  return err
end
`;

/** A Lua state ready for scripts, and the table its globals live in (where KEYS and ARGV go). */
export interface LuaEnvironment {
  readonly vm: LuaVm;
  readonly globals: LuaTable;
}

/** scriptingInit: a fresh Lua state with Redis's libraries, redis API, pcall and locked globals. */
export function createLuaEnvironment(host: RedisApiHost): LuaEnvironment {
  const vm = createLuaVm();
  for (const install of libraryInstallers) install(vm);
  vm.globals.set('redis', createRedisTable(vm, host));
  vm.call(vm.load(PCALL_SOURCE, '=pcall'), []);
  vm.call(vm.load(ERROR_HANDLER_SOURCE, '@err_handler_def'), []);
  removeDisallowedGlobals(vm);
  return { vm, globals: protectGlobals(vm) };
}
