import { formatDoubleG17 } from '../protocol/double-format.js';
import type { LuaValue } from './lua/api.js';
import { luaToBytes } from './lua-bytes.js';

/**
 * luaArgsToRedisArgv (script_lua.c): strings as their bytes, numbers as
 * "%.17g" (not Lua's lossy "%.14g"); anything else is an error, as is no
 * argument at all. The error texts are luaPushError's (no code: ERR).
 */
export function argsToArgv(args: readonly LuaValue[]): Buffer[] | { readonly error: string } {
  if (args.length === 0) return { error: 'Please specify at least one argument for this redis lib call' };
  const argv: Buffer[] = [];
  for (const argument of args) {
    if (typeof argument === 'string') argv.push(luaToBytes(argument));
    else if (typeof argument === 'number') argv.push(Buffer.from(formatDoubleG17(argument), 'latin1'));
    else return { error: 'Lua redis lib command arguments must be strings or integers' };
  }
  return argv;
}
