import { LuaFunction, LuaHostFunction, type LuaCallContext, type LuaTable, type LuaValue, type LuaVm } from './lua/api.js';
import { raiseAt } from './redis-api.js';

/**
 * The globals a script may see (script_lua.c allow lists): libraries, the
 * redis API and Lua builtins. Anything else a library defined (print,
 * dofile, loadfile, os, io, debug...) is removed, as Redis's allow-list
 * __newindex never lets it in. getfenv and setfenv are on upstream's list
 * but absent from the reference server (Debian's redis-server 7.0.15 answers
 * "Script attempted to access nonexistent global variable 'getfenv'"), so
 * they are left out, as is print.
 */
const ALLOWED_GLOBALS: ReadonlySet<string> = new Set([
  'string', 'cjson', 'bit', 'cmsgpack', 'math', 'table', 'struct',
  'redis', '__redis__err__handler',
  'xpcall', 'tostring', 'setmetatable', 'next', 'assert', 'tonumber', 'rawequal', 'collectgarbage',
  'getmetatable', 'rawset', 'pcall', 'coroutine', 'type', '_G', 'select', 'unpack', 'gcinfo', 'pairs', 'rawget',
  'loadstring', 'ipairs', '_VERSION', 'load', 'error', 'newproxy',
]);

const READONLY = 'Attempt to modify a readonly table';

function isTable(value: LuaValue): value is LuaTable {
  return typeof value === 'object' && !(value instanceof LuaFunction);
}

function entriesOf(table: LuaTable): [LuaValue, LuaValue][] {
  const entries: [LuaValue, LuaValue][] = [];
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) entries.push(entry);
  return entries;
}

/** Drops every global not on the allow lists. */
export function removeDisallowedGlobals(vm: LuaVm): void {
  for (const [name] of entriesOf(vm.globals)) {
    if (typeof name !== 'string' || !ALLOWED_GLOBALS.has(name)) vm.globals.set(name, undefined);
  }
}

/** The tables scripts must not change (views, their metatables, _G): rawset and setmetatable check it. */
export class Protection {
  readonly tables = new WeakSet<LuaTable>();
  readonly refuse: LuaHostFunction;

  constructor(private readonly vm: LuaVm) {
    this.refuse = new LuaHostFunction('__newindex', (_args, context) => {
      throw raiseAt(context, `${context.where(1)}${READONLY}`);
    });
  }

  /**
   * An empty table that reads through to `target` and refuses every write
   * (a missing key goes to __newindex); its metatable's __metatable is the
   * view itself, so getmetatable() hands out nothing writable.
   */
  view(target: LuaTable): LuaTable {
    const view = this.vm.newTable();
    const metatable = this.vm.newTable();
    metatable.set('__index', target);
    metatable.set('__newindex', this.refuse);
    metatable.set('__metatable', view);
    view.metatable = metatable;
    this.tables.add(view);
    this.tables.add(metatable);
    this.tables.add(target);
    return view;
  }

  /** A builtin that first refuses to touch a protected table (its first argument). */
  guarded(name: string, original: LuaValue): LuaValue {
    if (original === undefined) return undefined;
    return new LuaHostFunction(name, (args: readonly LuaValue[], context: LuaCallContext) => {
      const target = args[0];
      if (isTable(target) && this.tables.has(target)) throw raiseAt(context, READONLY);
      return context.call(original, args);
    });
  }
}

/**
 * scriptingInit's lock (lua_enablereadonlytable on _G and everything under
 * it), built from metatables so it holds whatever the interpreter enforces:
 * _G becomes an empty table over the real globals, reading a missing one
 * raises "Script attempted to access nonexistent global variable", and any
 * assignment "Attempt to modify a readonly table"; library tables (redis,
 * string, cjson...) and the strings' metatable are read-only views; rawset
 * and setmetatable refuse protected tables. `isReadonly` is set too, for an
 * interpreter that enforces it. Returns the table holding the real globals
 * (KEYS and ARGV are set there for each run).
 */
export function protectGlobals(vm: LuaVm): LuaTable {
  const protection = new Protection(vm);
  const globals = vm.globals;
  const backing = vm.newTable();
  for (const [name, value] of entriesOf(globals)) {
    globals.set(name, undefined);
    backing.set(name, isTable(value) && value !== globals ? protection.view(value) : value);
  }
  backing.set('_G', globals);
  backing.set('rawset', protection.guarded('rawset', backing.get('rawset')));
  backing.set('setmetatable', protection.guarded('setmetatable', backing.get('setmetatable')));
  const missing = missingGlobalMetatable(vm);
  backing.metatable = missing;
  const globalsMeta = vm.newTable();
  globalsMeta.set('__index', backing);
  globalsMeta.set('__newindex', protection.refuse);
  globalsMeta.set('__metatable', protection.view(globalsMeta));
  globals.metatable = globalsMeta;
  for (const table of [globals, backing, missing, globalsMeta]) protection.tables.add(table);
  protectStringMetatable(vm, protection, backing);
  for (const table of [globals, backing, missing, globalsMeta]) table.isReadonly = true;
  return backing;
}

/** luaSetErrorMetatable: reading a missing field raises "Script attempted to access nonexistent global variable". */
export function missingGlobalMetatable(vm: LuaVm): LuaTable {
  const missing = vm.newTable();
  missing.set('__index', new LuaHostFunction('__index', (args, context) => {
    throw raiseAt(context, `${context.where(1)}Script attempted to access nonexistent global variable '${vm.tostring(args[1])}'`);
  }));
  return missing;
}

/** The strings' metatable: indexing goes through the protected `string` view, getmetatable('') gives a view. */
function protectStringMetatable(vm: LuaVm, protection: Protection, backing: LuaTable): void {
  const metatable = vm.stringMetatable;
  if (metatable === undefined) return;
  const stringView = backing.get('string');
  if (isTable(stringView)) metatable.set('__index', stringView);
  metatable.set('__metatable', protection.view(metatable));
  protection.tables.add(metatable);
}
