import type { InfoFields } from '../server/info.js';
import { FunctionLibraries } from './functions/function-libraries.js';
import { functionsMemoryBytes } from './functions/functions-memory.js';
import { installedFunctions } from './functions/functions.js';
import type { Scripting } from './scripting.js';

/** used_memory_lua of a fresh Lua state in Redis 7.0 (lua_gc LUA_GCCOUNT in KiB). */
export const FRESH_LUA_STATE_BYTES = 32_768;
/** used_memory_vm_functions of Redis 7.0 with no library loaded. */
export const FRESH_FUNCTIONS_VM_BYTES = 33_792;
/** A guess of what a compiled script adds to the Lua heap per byte of its body, and per script. */
const COMPILED_BYTES_PER_BODY_BYTE = 3;
const COMPILED_BYTES_PER_SCRIPT = 512;

const emptyLibraries = new FunctionLibraries();

/** The functions' Lua heap beyond a fresh state: estimated from the libraries' code, in whole KiB. */
function compiledEstimate(libraries: FunctionLibraries | undefined): number {
  let compiledBytes = 0;
  for (const library of libraries?.libraries.values() ?? []) compiledBytes += library.code.length * COMPILED_BYTES_PER_BODY_BYTE + library.functions.size * COMPILED_BYTES_PER_SCRIPT;
  return Math.floor(compiledBytes / 1024) * 1024;
}

/** bytesToHuman (server.c) for the sizes these fields take. */
export function bytesToHuman(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(2)}K`;
  return `${(bytes / 1024 / 1024).toFixed(2)}M`;
}

/**
 * The scripting part of INFO memory (EVAL and functions). used_memory_scripts_eval follows Redis's
 * evalScriptsMemory (allocator-rounded SHA and body strings, dict entries
 * and slots); the Lua heap cannot be measured (our interpreter is not Lua)
 * and is estimated from the cached bodies, in whole KiB as Lua reports it.
 */
export function scriptingInfo(scripting: Scripting): InfoFields {
  const cache = scripting.cache;
  const compiledBytes = cache.bodyBytes * COMPILED_BYTES_PER_BODY_BYTE + cache.size * COMPILED_BYTES_PER_SCRIPT;
  const luaBytes = FRESH_LUA_STATE_BYTES + Math.floor(compiledBytes / 1024) * 1024;
  const scriptsBytes = cache.memoryBytes();
  const libraries = installedFunctions(scripting.node)?.libraries;
  const functionsVmBytes = FRESH_FUNCTIONS_VM_BYTES + compiledEstimate(libraries);
  const functionsBytes = libraries === undefined ? functionsMemoryBytes(emptyLibraries) : functionsMemoryBytes(libraries);
  const vmTotal = luaBytes + functionsVmBytes;
  const scriptsTotal = scriptsBytes + functionsBytes;
  return [
    ['used_memory_lua', luaBytes], ['used_memory_vm_eval', luaBytes], ['used_memory_lua_human', bytesToHuman(luaBytes)],
    ['used_memory_scripts_eval', scriptsBytes], ['number_of_cached_scripts', cache.size],
    ['number_of_functions', libraries?.functionCount ?? 0], ['number_of_libraries', libraries?.libraries.size ?? 0],
    ['used_memory_vm_functions', functionsVmBytes], ['used_memory_vm_total', vmTotal], ['used_memory_vm_total_human', bytesToHuman(vmTotal)],
    ['used_memory_functions', functionsBytes], ['used_memory_scripts', scriptsTotal], ['used_memory_scripts_human', bytesToHuman(scriptsTotal)],
  ];
}
