import type { LuaFunction } from './lua/api.js';
import type { ScriptFlags } from './script-flags.js';

/** One cached script (eval.c luaScript): its body, shebang flags and compiled function. */
export interface CachedScript {
  readonly sha: string;
  readonly body: Buffer;
  readonly flags: ScriptFlags;
  readonly fn: LuaFunction;
}

/** sizeof(dictEntry) + sizeof(luaScript) on 64-bit Redis. */
const ENTRY_BYTES = 24 + 16;
/** The smallest dict table Redis allocates, in slots. */
const DICT_SLOTS_MIN = 4;

/** jemalloc's size class for an allocation (8, 16, 32, 48, ... then four classes per doubling). */
export function allocatorSize(bytes: number): number {
  if (bytes <= 8) return 8;
  if (bytes <= 128) return Math.ceil(bytes / 16) * 16;
  const power = 2 ** Math.floor(Math.log2(bytes - 1));
  const step = power / 4;
  return Math.ceil(bytes / step) * step;
}

/** An sds string's allocation: its bytes, a 3-byte sdshdr8 (1 for sdshdr5 is not used for these) and the NUL. */
function sdsSize(length: number): number {
  return allocatorSize(length + (length < 256 ? 3 : 5) + 1);
}

/** lctx.lua_scripts: SHA1 → script; what SCRIPT EXISTS, EVALSHA and SCRIPT LOAD see (SHAs compare case-insensitively). */
export class ScriptCache {
  private readonly scripts = new Map<string, CachedScript>();
  /** Sum of the cached bodies' lengths. */
  bodyBytes = 0;
  private stringBytes = 0;

  get(sha: string): CachedScript | undefined {
    return this.scripts.get(sha.toLowerCase());
  }

  add(script: CachedScript): void {
    if (this.scripts.has(script.sha)) return;
    this.scripts.set(script.sha, script);
    this.bodyBytes += script.body.length;
    this.stringBytes += sdsSize(40) + sdsSize(script.body.length);
  }

  get size(): number {
    return this.scripts.size;
  }

  /** evalScriptsMemory: the SHA and body strings, an entry per script and the dict's slots. */
  memoryBytes(): number {
    if (this.scripts.size === 0) return 0;
    let slots = DICT_SLOTS_MIN;
    while (slots < this.scripts.size) slots *= 2;
    return this.stringBytes + this.scripts.size * ENTRY_BYTES + slots * 8;
  }
}
