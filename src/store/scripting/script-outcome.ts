import { LuaError, LuaFunction, type LuaTable, type LuaValue, type LuaVm } from './lua/api.js';

/** How a script ended: its first result, a Lua error, killed, or an interpreter failure. */
export type ScriptOutcome =
  | { readonly kind: 'done'; readonly value: LuaValue }
  | { readonly kind: 'error'; readonly error: LuaError }
  | { readonly kind: 'killed'; readonly position: string }
  | { readonly kind: 'failure'; readonly message: string };

/** The error reply of a failed script: the message (no leading `-`) and whether its stats were already counted. */
export interface ScriptErrorReply {
  readonly message: string;
  readonly ignoreStats: boolean;
}

function isTable(value: LuaValue): value is LuaTable {
  return typeof value === 'object' && !(value instanceof LuaFunction);
}

/** "user_script:3: " → source "@user_script" (or "@user_function"), line "3" (Redis's err.source / err.line). */
function sourceAndLine(position: string | undefined): { readonly source: string; readonly line: string } | undefined {
  if (position === undefined) return undefined;
  const match = /^(.*):(\d+): $/s.exec(position);
  if (match === null) return undefined;
  const chunk = match[1] ?? '';
  // Redis names its chunks "@user_script" (EVAL) and "@user_function" (FUNCTION LOAD).
  return { source: chunk === 'user_script' || chunk === 'user_function' ? `@${chunk}` : chunk, line: match[2] ?? '' };
}

/** The position an error carries, or the one its message starts with. */
function positionOf(error: LuaError): string | undefined {
  if (error.position !== undefined && error.position !== '') return error.position;
  if (typeof error.value !== 'string') return undefined;
  const match = /^(user_(?:script|function):\d+: )/.exec(error.value);
  return match?.[1];
}

/**
 * luaCallFunction's error reply: the error table's `err` (a non-table error
 * becomes `ERR <tostring(err)>`, as __redis__err__handler does), followed
 * by " script: <sha>, on <source>:<line>." when the position is known.
 */
export function scriptErrorReply(vm: LuaVm, sha: string, outcome: Exclude<ScriptOutcome, { kind: 'done' }>): ScriptErrorReply {
  if (outcome.kind === 'failure') return { message: `ERR Error running script ${sha}, ${outcome.message.slice(0, 100)}`, ignoreStats: false };
  if (outcome.kind === 'killed') return { message: withPosition('ERR Script killed by user with SCRIPT KILL...', sha, sourceAndLine(outcome.position)), ignoreStats: false };
  const value = outcome.error.value;
  const position = sourceAndLine(positionOf(outcome.error));
  if (!isTable(value)) return { message: withPosition(`ERR ${vm.tostring(value)}`, sha, position), ignoreStats: false };
  const err = value.get('err');
  // Redis 7.0.15 crashes on an error table without `err`; a generic message stands in.
  const message = typeof err === 'string' || typeof err === 'number' ? vm.tostring(err) : 'ERR unknown error';
  return { message: withPosition(message, sha, position), ignoreStats: value.get('ignore_error_stats_update') === true };
}

function withPosition(message: string, sha: string, position: { readonly source: string; readonly line: string } | undefined): string {
  return position === undefined ? message : `${message} script: ${sha}, on ${position.source}:${position.line}.`;
}
