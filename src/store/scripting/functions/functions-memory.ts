import { allocatorSize } from '../script-cache.js';
import type { FunctionLibraries } from './function-libraries.js';

/** sizeof(dictEntry) on 64-bit Redis. */
const DICT_ENTRY_BYTES = 24;
/** sizeof(functionsLibCtx): three dict pointers and cache_memory. */
const LIBRARY_CONTEXT_BYTES = 32;
/** The engines dict with its one entry and four slots, and engine_cache_memory of the Lua engine (engineInfo, "LUA", engine, luaEngineCtx). */
const ENGINES_BYTES = DICT_ENTRY_BYTES + 4 * 8 + 32 + 8 + 64 + 8;
/** zmalloc_size of functionInfo (five words) and of luaFunctionCtx (an int). */
const FUNCTION_INFO_BYTES = 48;
const LUA_FUNCTION_CONTEXT_BYTES = 8;
/** zmalloc_size of functionLibInfo (four words). */
const LIBRARY_INFO_BYTES = 32;

/** sdsZmallocSize of an sds of this length (sdshdr8, 16 or 32 and the NUL). */
function sdsBytes(length: number): number {
  const header = length < 256 ? 3 : length < 65_536 ? 5 : 9;
  return allocatorSize(header + length + 1);
}

/** A dict's slots: none when empty, else the power of two (at least 4) its entries grew it to. */
function dictSlots(entries: number): number {
  if (entries === 0) return 0;
  let slots = 4;
  while (slots < entries) slots *= 2;
  return slots;
}

/**
 * functionsMemoryOverhead (used_memory_functions): the engines, the
 * functions dict and context, and per library and function what
 * libraryMallocSize and functionMallocSize count.
 */
export function functionsMemoryBytes(libraries: FunctionLibraries): number {
  let cacheBytes = 0;
  for (const library of libraries.libraries.values()) {
    cacheBytes += LIBRARY_INFO_BYTES + sdsBytes(Buffer.byteLength(library.name, 'latin1')) + sdsBytes(library.code.length);
    for (const fn of library.functions.values()) {
      const descriptionBytes = fn.description === undefined ? 0 : sdsBytes(Buffer.byteLength(fn.description, 'latin1'));
      cacheBytes += FUNCTION_INFO_BYTES + sdsBytes(Buffer.byteLength(fn.name, 'latin1')) + descriptionBytes + LUA_FUNCTION_CONTEXT_BYTES;
    }
  }
  const count = libraries.functionCount;
  return ENGINES_BYTES + count * DICT_ENTRY_BYTES + dictSlots(count) * 8 + LIBRARY_CONTEXT_BYTES + cacheBytes;
}
