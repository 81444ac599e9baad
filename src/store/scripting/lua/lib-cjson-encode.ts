import { LuaFunction, type LuaCallContext, type LuaTable, type LuaValue } from './api.js';
import { isCjsonNull, type CjsonConfig } from './lib-cjson-config.js';
import { luaRuntimeError, luaTypeName } from './lib-string-arguments.js';
import { doubleToInt32 } from './lib-string-printf.js';
import { formatGeneralMagnitude, nonFiniteText } from './number-format.js';

/** cjson.encode as lua_cjson.c json_append_data and friends write it. */

/** char2escape: what each byte becomes inside a JSON string (undefined: itself). */
const escapes: readonly (string | undefined)[] = Array.from({ length: 256 }, (_, code) => {
  const named: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 34: '\\"', 47: '\\/', 92: '\\\\' };
  if (named[code] !== undefined) return named[code];
  if (code < 32 || code === 127) return `\\u${code.toString(16).padStart(4, '0')}`;
  return undefined;
});

interface EncodeState {
  readonly config: CjsonConfig;
  readonly context: LuaCallContext;
  readonly pieces: string[];
}

function encodeError(state: EncodeState, value: LuaValue, reason: string): never {
  throw luaRuntimeError(state.context, `Cannot serialise ${luaTypeName(value)}: ${reason}`);
}

export function jsonString(text: string): string {
  let quoted = '"';
  for (let index = 0; index < text.length; index++) {
    const escaped = escapes[text.charCodeAt(index)];
    quoted += escaped ?? text.charAt(index);
  }
  return `${quoted}"`;
}

function appendNumber(state: EncodeState, n: number): void {
  const mode = state.config.encodeInvalidNumbers;
  const invalid = !Number.isFinite(n);
  if (mode === 0 && invalid) encodeError(state, n, 'must not be NaN or Inf');
  if (mode === 1 && Number.isNaN(n)) return void state.pieces.push('nan');
  if (mode === 2 && invalid) return void state.pieces.push('null');
  if (invalid) return void state.pieces.push(nonFiniteText(n));
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  state.pieces.push(sign + formatGeneralMagnitude(n, state.config.encodeNumberPrecision, false));
}

/** lua_array_length: the array size, or -1 for an object (a non positive-integer key, or an excessively sparse array converted). */
function arrayLength(state: EncodeState, table: LuaTable): number {
  let max = 0;
  let items = 0;
  let entry = table.next(undefined);
  while (entry !== undefined) {
    const key = entry[0];
    if (typeof key !== 'number' || key === 0 || Math.floor(key) !== key || key < 1) return -1;
    // C keeps the maximum in an int: a key beyond INT_MAX wraps it like the cast does.
    if (key > max) max = doubleToInt32(key);
    items++;
    entry = table.next(key);
  }
  const config = state.config;
  if (config.encodeSparseRatio > 0 && max > items * config.encodeSparseRatio && max > config.encodeSparseSafe) {
    if (!config.encodeSparseConvert) encodeError(state, table, 'excessively sparse array');
    return -1;
  }
  return max;
}

function appendArray(state: EncodeState, table: LuaTable, depth: number, length: number): void {
  state.pieces.push('[');
  for (let index = 1; index <= length; index++) {
    if (index > 1) state.pieces.push(',');
    appendValue(state, table.get(index), depth);
  }
  state.pieces.push(']');
}

function appendObject(state: EncodeState, table: LuaTable, depth: number): void {
  state.pieces.push('{');
  let first = true;
  let entry = table.next(undefined);
  while (entry !== undefined) {
    const [key, value] = entry;
    if (!first) state.pieces.push(',');
    first = false;
    if (typeof key === 'number') {
      state.pieces.push('"');
      appendNumber(state, key);
      state.pieces.push('":');
    } else if (typeof key === 'string') {
      state.pieces.push(jsonString(key), ':');
    } else {
      encodeError(state, key, 'table key must be a number or string');
    }
    appendValue(state, value, depth);
    entry = table.next(key);
  }
  state.pieces.push('}');
}

function appendTable(state: EncodeState, table: LuaTable, parentDepth: number): void {
  const depth = parentDepth + 1;
  if (depth > state.config.encodeMaxDepth) {
    throw luaRuntimeError(state.context, `Cannot serialise, excessive nesting (${depth})`);
  }
  const length = arrayLength(state, table);
  if (length > 0) appendArray(state, table, depth, length);
  else appendObject(state, table, depth);
}

function appendValue(state: EncodeState, value: LuaValue, depth: number): void {
  if (typeof value === 'string') state.pieces.push(jsonString(value));
  else if (typeof value === 'number') appendNumber(state, value);
  else if (typeof value === 'boolean') state.pieces.push(value ? 'true' : 'false');
  else if (value === undefined || isCjsonNull(value)) state.pieces.push('null');
  else if (value instanceof LuaFunction) encodeError(state, value, 'type not supported');
  else appendTable(state, value, depth);
}

/** cjson.encode(value): the JSON text, or a LuaError with lua_cjson's message. */
export function encodeJson(value: LuaValue, config: CjsonConfig, context: LuaCallContext): string {
  const state: EncodeState = { config, context, pieces: [] };
  appendValue(state, value, 0);
  return state.pieces.join('');
}
