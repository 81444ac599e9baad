import type { InfoFields } from '../server/info.js';
import type { Scripting } from './scripting.js';

/** used_memory_lua of a fresh Lua state in Redis 7.0 (lua_gc LUA_GCCOUNT in KiB). */
export const FRESH_LUA_STATE_BYTES = 32_768;
/** used_memory_vm_functions of Redis 7.0 with no library loaded. */
export const FRESH_FUNCTIONS_VM_BYTES = 33_792;
/** functionsMemory() with no library: what used_memory_scripts adds to the EVAL scripts. */
export const FRESH_FUNCTIONS_BYTES = 200;
/** A guess of what a compiled script adds to the Lua heap per byte of its body, and per script. */
const COMPILED_BYTES_PER_BODY_BYTE = 3;
const COMPILED_BYTES_PER_SCRIPT = 512;

/** bytesToHuman (server.c) for the sizes these fields take. */
export function bytesToHuman(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(2)}K`;
  return `${(bytes / 1024 / 1024).toFixed(2)}M`;
}

/**
 * The EVAL part of INFO memory. used_memory_scripts_eval follows Redis's
 * evalScriptsMemory (allocator-rounded SHA and body strings, dict entries
 * and slots); the Lua heap cannot be measured (our interpreter is not Lua)
 * and is estimated from the cached bodies, in whole KiB as Lua reports it.
 */
export function scriptingInfo(scripting: Scripting): InfoFields {
  const cache = scripting.cache;
  const compiledBytes = cache.bodyBytes * COMPILED_BYTES_PER_BODY_BYTE + cache.size * COMPILED_BYTES_PER_SCRIPT;
  const luaBytes = FRESH_LUA_STATE_BYTES + Math.floor(compiledBytes / 1024) * 1024;
  const scriptsBytes = cache.memoryBytes();
  const vmTotal = luaBytes + FRESH_FUNCTIONS_VM_BYTES;
  return [
    ['used_memory_lua', luaBytes], ['used_memory_vm_eval', luaBytes], ['used_memory_lua_human', bytesToHuman(luaBytes)],
    ['used_memory_scripts_eval', scriptsBytes], ['number_of_cached_scripts', cache.size],
    ['used_memory_vm_total', vmTotal], ['used_memory_vm_total_human', bytesToHuman(vmTotal)],
    ['used_memory_scripts', scriptsBytes + FRESH_FUNCTIONS_BYTES], ['used_memory_scripts_human', bytesToHuman(scriptsBytes + FRESH_FUNCTIONS_BYTES)],
  ];
}
