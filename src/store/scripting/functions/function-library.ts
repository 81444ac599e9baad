import type { LuaFunction } from '../lua/api.js';
import type { ScriptFlags } from '../script-flags.js';

/** One registered function (functions.c functionInfo). */
export interface RegisteredFunction {
  readonly name: string;
  readonly description: string | undefined;
  readonly flags: ScriptFlags;
  readonly fn: LuaFunction;
  readonly libraryName: string;
}

/** One library (functionLibInfo): its name, engine, whole code (shebang included) and functions by exact name. */
export interface FunctionLibrary {
  readonly name: string;
  readonly engine: string;
  readonly code: Buffer;
  readonly functions: Map<string, RegisteredFunction>;
}

/** The no-flags state of a function: shebang semantics (not eval-compatible), nothing allowed beyond the default. */
export const NO_FUNCTION_FLAGS: ScriptFlags = { evalCompatible: false, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlotKeys: false };

/** scripts_flags_def: names in Redis's order (FUNCTION LIST prints them so). */
export const FUNCTION_FLAG_NAMES: readonly (readonly [string, keyof Omit<ScriptFlags, 'evalCompatible'>])[] = [
  ['no-writes', 'noWrites'],
  ['allow-oom', 'allowOom'],
  ['allow-stale', 'allowStale'],
  ['no-cluster', 'noCluster'],
  ['allow-cross-slot-keys', 'allowCrossSlotKeys'],
];

export function flagNamesOf(flags: ScriptFlags): string[] {
  return FUNCTION_FLAG_NAMES.filter(([, field]) => flags[field]).map(([name]) => name);
}
