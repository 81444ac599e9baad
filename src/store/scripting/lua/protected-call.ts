import { LuaError, type LuaValue } from './api.js';

/** The Lua value a caught exception stands for, or undefined when it is not a Lua error (a bug: let it propagate). */
export function luaErrorValue(error: unknown): { readonly value: LuaValue } | undefined {
  if (error instanceof LuaError) return { value: error.value };
  // A JS stack overflow is Lua's "stack overflow": the depth bound should prevent it, this is the safety net.
  if (error instanceof RangeError && error.message.includes('call stack')) return { value: 'stack overflow' };
  return undefined;
}
