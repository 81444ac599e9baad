/**
 * The contract between our Lua 5.1 interpreter (src/store/scripting/lua/),
 * its libraries and the Redis scripting layer (EVAL and friends). Redis 7.0
 * embeds Lua 5.1; scripts see byte strings, tables, numbers (doubles),
 * booleans, nil and functions.
 *
 * Representation:
 * - nil is `undefined`; booleans and numbers are JS booleans and numbers
 *   (Lua 5.1 numbers are doubles).
 * - A Lua string is a JS string whose every char code is a byte 0..255
 *   (latin1): `Buffer.from(s, 'latin1')` and `buffer.toString('latin1')`
 *   convert without loss. Never put a char code above 255 in a Lua string.
 * - Tables are `LuaTable`; functions are `LuaFunction` (Lua closures made by
 *   the interpreter, or host functions written in TypeScript).
 */

export type LuaValue = undefined | boolean | number | string | LuaTable | LuaFunction;

/** A Lua function: a closure compiled from Lua source, or a host function. */
export abstract class LuaFunction {
  abstract readonly name: string;
}

/** What a host function may do besides computing its results. */
export interface LuaCallContext {
  /** Calls a Lua value (function, or table/other with __call) to completion; errors propagate as LuaError. */
  call(fn: LuaValue, args: readonly LuaValue[]): LuaValue[];
  /** tostring() as Lua's base library does it (honours __tostring; numbers as "%.14g"). */
  tostring(value: LuaValue): string;
  /** "chunkname:line: " of the Lua function `level` levels up the call stack (1 = the caller of the host function), or "" when there is none: what error() prefixes. */
  where(level: number): string;
}

/**
 * A function written in TypeScript. It receives its arguments (missing ones
 * are simply absent: `args.length` is the number passed) and returns its
 * results. It reports a Lua error by throwing `LuaError`.
 */
export class LuaHostFunction extends LuaFunction {
  constructor(
    readonly name: string,
    readonly fn: (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[],
  ) {
    super();
  }
}

/** A Lua error in flight: `value` is what error() was given (any Lua value; Redis raises tables with an `err` field). */
export class LuaError extends Error {
  /**
   * Added by the scripting layer, optional for the interpreter to fill: the
   * "chunkname:line: " of the innermost Lua function running when the error
   * was raised (what Redis's __redis__err__handler reports as source and
   * line, also for `error(msg, 0)` and table errors). Absent, the scripting
   * layer falls back to the message's own position prefix.
   */
  position?: string;

  constructor(
    readonly value: LuaValue,
    /** Lua's traceback text where the interpreter has one; not part of any reply. */
    readonly traceback?: string,
  ) {
    super(typeof value === 'string' ? value : 'lua error object');
    this.name = 'LuaError';
  }
}

/** A compile-time error: `message` is Lua 5.1's text, e.g. `user_script:1: '=' expected near 'x'`. */
export class LuaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LuaSyntaxError';
  }
}

/**
 * A Lua table: an array part for keys 1..n and a hash part. Keys compare as
 * Lua does: numbers by value (so 1 and 1.0 are one key), strings by bytes,
 * tables and functions by identity; nil and NaN are not keys. Assigning nil
 * removes a key. Iteration (`next`) is deterministic: the array part in
 * order, then the hash part in insertion order.
 */
export interface LuaTable {
  readonly kind: 'table';
  metatable: LuaTable | undefined;
  /** Raw read (no __index). */
  get(key: LuaValue): LuaValue;
  /** Raw write (no __newindex); throws LuaError for a nil or NaN key, as Lua does. */
  set(key: LuaValue, value: LuaValue): void;
  /** Lua's `#t` without __len (5.1 has none for tables): a border. */
  length(): number;
  /** Lua's next(t, key): the entry after `key` (undefined: the first), or undefined at the end. Throws LuaError "invalid key to 'next'" for a key not in the table. */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined;
  /**
   * Added by the scripting layer, optional: Redis's lua_enablereadonlytable.
   * The scripting layer sets it on _G and the tables behind it after setup
   * (it also locks them with metatables, so enforcing this is a bonus, not a
   * requirement). While true, every write to the table
   * by Lua code — assignment (before any __newindex), rawset, setmetatable,
   * table.insert/remove/sort — raises LuaError "Attempt to modify a readonly
   * table" with the usual "chunkname:line: " position (luaG_runerror).
   * Host code (TypeScript) may still use `set`.
   */
  isReadonly?: boolean;
}

/** A suspendable run of one Lua function call (an EVAL body). */
export interface LuaExecution {
  /**
   * Runs at most about `instructionBudget` interpreter steps (a step is a
   * statement, a loop iteration or a call; nested calls from host functions
   * count too) and returns. `done: false` means it paused and can be resumed
   * by calling run again; `done: true` carries the function's results. An
   * uncaught Lua error is thrown as LuaError (and the execution is over).
   */
  run(instructionBudget: number): { readonly done: true; readonly results: LuaValue[] } | { readonly done: false };
  /** Steps executed so far. */
  readonly instructions: number;
  /**
   * Added by the scripting layer, optional: "chunkname:line: " of the Lua
   * function the paused execution is in (SCRIPT KILL's error reports it as
   * Redis's error handler does), or "" when unknown.
   */
  currentPosition?(): string;
}

/** One Lua state (Redis keeps one per server; SCRIPT FLUSH makes a new one). */
export interface LuaVm {
  /** The global table (_G): libraries, redis.*, scripts' functions. */
  readonly globals: LuaTable;
  /** Creates an empty table. */
  newTable(): LuaTable;
  /** Compiles a chunk; throws LuaSyntaxError. `chunkName` appears in messages (Redis uses "user_script" for EVAL bodies, giving "user_script:1: ..."). */
  load(source: string, chunkName: string): LuaFunction;
  /** Starts a suspendable call (nothing runs until `run`). */
  start(fn: LuaFunction, args: readonly LuaValue[]): LuaExecution;
  /** Calls to completion (not suspendable): for short host-side calls. */
  call(fn: LuaValue, args: readonly LuaValue[]): LuaValue[];
  /** tostring() as Lua does it. */
  tostring(value: LuaValue): string;
  /** The metatable every string shares (Lua 5.1: its __index is the `string` library, so `("x"):upper()` works); set by the string library's installer. */
  stringMetatable: LuaTable | undefined;
  /** Reseeds math.random's generator (Redis's rand.c lrand48, reseeded with 0 before every script so runs repeat). */
  seedRandom(seed: number): void;
}
