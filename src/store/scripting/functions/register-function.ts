import { LuaFunction, type LuaTable, type LuaValue, type LuaVm } from '../lua/api.js';
import type { ScriptFlags } from '../script-flags.js';
import { FUNCTION_FLAG_NAMES, NO_FUNCTION_FLAGS } from './function-library.js';

/** What redis.register_function was asked to register (function_lua.c registerFunctionArgs). */
export interface RegisterFunctionArguments {
  readonly name: string;
  readonly description: string | undefined;
  readonly fn: LuaFunction;
  readonly flags: ScriptFlags;
}

interface NamedArguments {
  name?: string | undefined;
  description?: string | undefined;
  fn?: LuaFunction | undefined;
  flags?: ScriptFlags | undefined;
}

type Parsed = RegisterFunctionArguments | { readonly error: string };

function isTable(value: LuaValue): value is LuaTable {
  return typeof value === 'object' && !(value instanceof LuaFunction);
}

/** luaGetStringSds: strings, and numbers as Lua prints them. */
function stringOf(vm: LuaVm, value: LuaValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return vm.tostring(value);
  return undefined;
}

/** luaRegisterFunctionReadFlags: the array part up to the first nil, each a known flag name (any case). */
function readFlags(vm: LuaVm, table: LuaTable): ScriptFlags | undefined {
  const flags: { -readonly [K in keyof ScriptFlags]: ScriptFlags[K] } = { ...NO_FUNCTION_FLAGS };
  for (let index = 1; ; index++) {
    const value = table.get(index);
    if (value === undefined) return flags;
    const text = stringOf(vm, value)?.toLowerCase();
    const known = FUNCTION_FLAG_NAMES.find(([name]) => name === text);
    if (known === undefined) return undefined;
    flags[known[1]] = true;
  }
}

/** One named argument into `into`; the error text for a bad one. */
function readNamedArgument(vm: LuaVm, key: string, value: LuaValue, into: NamedArguments): string | undefined {
  switch (key.toLowerCase()) {
    case 'function_name':
      into.name = stringOf(vm, value);
      return into.name === undefined ? 'function_name argument given to redis.register_function must be a string' : undefined;
    case 'description':
      into.description = stringOf(vm, value);
      return into.description === undefined ? 'description argument given to redis.register_function must be a string' : undefined;
    case 'callback':
      if (!(value instanceof LuaFunction)) return 'callback argument given to redis.register_function must be a function';
      into.fn = value;
      return undefined;
    case 'flags':
      if (!isTable(value)) return 'flags argument to redis.register_function must be a table representing function flags';
      into.flags = readFlags(vm, value);
      return into.flags === undefined ? 'unknown flag given' : undefined;
    default:
      return 'unknown argument given to redis.register_function';
  }
}

/** luaRegisterFunctionReadNamedArgs: `{function_name=, callback=, description=, flags=}`. */
function readNamed(vm: LuaVm, table: LuaValue): Parsed {
  if (!isTable(table)) return { error: 'calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).' };
  const into: NamedArguments = {};
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) {
    const key = stringOf(vm, entry[0]);
    if (key === undefined) return { error: 'named argument key given to redis.register_function is not a string' };
    const error = readNamedArgument(vm, key, entry[1], into);
    if (error !== undefined) return { error };
  }
  if (into.name === undefined) return { error: 'redis.register_function must get a function name argument' };
  if (into.fn === undefined) return { error: 'redis.register_function must get a callback argument' };
  return { name: into.name, description: into.description, fn: into.fn, flags: into.flags ?? NO_FUNCTION_FLAGS };
}

/** luaRegisterFunctionReadArgs: `(name, callback)` or one table of named arguments. */
export function readRegisterFunctionArguments(vm: LuaVm, args: readonly LuaValue[]): Parsed {
  if (args.length < 1 || args.length > 2) return { error: 'wrong number of arguments to redis.register_function' };
  if (args.length === 1) return readNamed(vm, args[0]);
  const name = stringOf(vm, args[0]);
  if (name === undefined) return { error: 'first argument to redis.register_function must be a string' };
  const fn = args[1];
  if (!(fn instanceof LuaFunction)) return { error: 'second argument to redis.register_function must be a function' };
  return { name, description: undefined, fn, flags: NO_FUNCTION_FLAGS };
}
