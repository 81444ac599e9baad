import { LuaFunction, LuaHostFunction, LuaSyntaxError, type LuaCallContext, type LuaValue } from './api.js';
import { callValue, markStack, restoreStack } from './calls.js';
import { compileChunk } from './compiler.js';
import { ipairsFunction, nextFunction, pairsFunction } from './iteration.js';
import {
  argumentError, checkAny, checkInteger, checkTable, libraryError, optionalInteger, rawWrite, readonlyError, typeError,
} from './library-arguments.js';
import { isLuaTable, type LuaTableImpl } from './lua-table.js';
import { formatNumber } from './number-text.js';
import { luaErrorValue } from './protected-call.js';
import { LuaClosure, LuaIntrinsic, type InterpreterState, type Run } from './runtime.js';
import { metatableOf, positionedError, toNumber, typeName } from './values.js';
import { parseUnsignedInBase } from './unsigned-in-base.js';

type HostBody = (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[];

/** Lua 5.1's base library as Redis 7.0 keeps it (no print, dofile, loadfile). */
export function openBaseLibrary(state: InterpreterState, toStringValue: (value: LuaValue) => LuaValue): void {
  const globals = state.globals;
  const define = (name: string, fn: HostBody): void => globals.set(name, new LuaHostFunction(name, fn));
  globals.set('_G', globals);
  globals.set('_VERSION', 'Lua 5.1');
  globals.set('next', nextFunction);
  globals.set('pairs', pairsFunction);
  globals.set('ipairs', ipairsFunction);
  define('assert', assertFunction);
  define('error', errorFunction);
  define('type', (args, context) => [typeName(checkAny(context, args, 1, 'type'))]);
  define('tostring', (args, context) => [toStringValue(checkAny(context, args, 1, 'tostring'))]);
  define('tonumber', tonumber);
  define('select', select);
  define('unpack', unpack);
  define('rawget', (args, context) => [checkTable(context, args, 1, 'rawget').get(checkAny(context, args, 2, 'rawget'))]);
  define('rawset', rawset);
  define('rawequal', (args, context) => [checkAny(context, args, 1, 'rawequal') === checkAny(context, args, 2, 'rawequal')]);
  define('setmetatable', setmetatable);
  define('getmetatable', (args, context) => {
    const metatable = metatableOf(state, checkAny(context, args, 1, 'getmetatable'));
    if (metatable === undefined) return [undefined];
    const protectedValue = metatable.get('__metatable');
    return [protectedValue !== undefined ? protectedValue : metatable];
  });
  define('getfenv', (args, context) => [environmentOf(state, args, context)]);
  define('setfenv', (args, context) => setEnvironment(state, args, context));
  define('loadstring', (args, context) => loadString(state, args, context));
  define('load', (args, context) => load(state, args, context));
  define('collectgarbage', collectgarbage);
  define('gcinfo', () => [gcKilobytes]);
  globals.set('pcall', new LuaIntrinsic('pcall', (args) => pcall(state, args)));
  globals.set('xpcall', new LuaIntrinsic('xpcall', (args) => xpcall(state, args)));
}

/** What collectgarbage("count") and gcinfo() report: a fixed, plausible figure (we have no collector to ask). */
const gcKilobytes = 24;

function assertFunction(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const value = checkAny(context, args, 1, 'assert');
  if (value !== undefined && value !== false) return args.slice();
  const message = args[1];
  if (message === undefined) throw libraryError(context, 'assertion failed!');
  if (typeof message === 'number') throw libraryError(context, formatNumber(message));
  if (typeof message !== 'string') throw typeError(context, args, 2, 'assert', 'string');
  throw libraryError(context, message);
}

function errorFunction(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const level = optionalInteger(context, args, 2, 'error', 1);
  let value = args[0];
  if (typeof value === 'number') value = formatNumber(value);
  if (typeof value === 'string' && level > 0) value = context.where(level) + value;
  // Redis's error handler reports the function that called error(), whatever the level.
  throw positionedError(value, context.where(1));
}

function tonumber(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const base = optionalInteger(context, args, 2, 'tonumber', 10);
  if (base === 10) return [toNumber(checkAny(context, args, 1, 'tonumber'))];
  const value = args[0];
  const text = typeof value === 'number' ? formatNumber(value) : value;
  if (typeof text !== 'string') throw typeError(context, args, 1, 'tonumber', 'string');
  if (base < 2 || base > 36) throw argumentError(context, 2, 'tonumber', 'base out of range');
  return [parseUnsignedInBase(text, base)];
}

function select(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const count = args.length;
  if (typeof args[0] === 'string' && args[0].startsWith('#')) return [count - 1];
  let position = checkInteger(context, args, 1, 'select');
  if (position < 0) position = count + position;
  else if (position > count) position = count;
  if (position < 1) throw argumentError(context, 1, 'select', 'index out of range');
  return args.slice(position);
}

/** Lua 5.1's C stack limit (LUAI_MAXCSTACK): unpack cannot push more. */
const unpackResultsMax = 8000;

function unpack(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'unpack');
  const first = optionalInteger(context, args, 2, 'unpack', 1);
  const last = args[2] === undefined ? table.length() : checkInteger(context, args, 3, 'unpack');
  if (first > last) return [];
  const count = last - first + 1;
  if (count <= 0 || count + args.length > unpackResultsMax) throw libraryError(context, 'too many results to unpack');
  const results: LuaValue[] = new Array<LuaValue>(count);
  for (let index = 0; index < count; index += 1) results[index] = table.get(first + index);
  return results;
}

function rawset(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'rawset');
  const key = checkAny(context, args, 2, 'rawset');
  const value = checkAny(context, args, 3, 'rawset');
  rawWrite(context, table, key, value);
  return [table];
}

function setmetatable(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const table = checkTable(context, args, 1, 'setmetatable');
  const metatable = args[1];
  if (metatable !== undefined && !isLuaTable(metatable)) throw argumentError(context, 2, 'setmetatable', 'nil or table expected');
  if (table.metatable !== undefined && table.metatable.get('__metatable') !== undefined) {
    throw libraryError(context, 'cannot change a protected metatable');
  }
  if (table.isReadonly) throw readonlyError(context);
  table.metatable = metatable;
  return [table];
}

/** The function getfenv/setfenv mean: a function value, or the Lua function `level` levels up (0: the thread). */
function functionAtLevel(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext, name: string): LuaValue | 0 {
  const target = args[0];
  if (target instanceof LuaFunction) return target;
  const level = optionalInteger(context, args, 1, name, 1);
  if (level < 0) throw argumentError(context, 1, name, 'level must be non-negative');
  if (level === 0) return 0;
  const frames = state.thread.frames;
  const position = frames.length - 1 - level;
  if (position < 0) throw argumentError(context, 1, name, 'invalid level');
  const frame = frames[position];
  return frame === undefined ? undefined : frame.closure;
}

function environmentOf(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext): LuaValue {
  const target = functionAtLevel(state, args, context, 'getfenv');
  return target instanceof LuaClosure ? target.environment : state.globals;
}

function setEnvironment(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const environment = checkTable(context, args, 2, 'setfenv');
  const target = functionAtLevel(state, args, context, 'setfenv');
  if (!(target instanceof LuaClosure)) throw libraryError(context, "'setfenv' cannot change environment of given object");
  target.environment = environment;
  return [target];
}

/** luaO_chunkid: how a chunk name shows in messages ("=name" and "@name" as given, else [string "first line..."]). */
export function chunkDisplayName(chunkName: string): string {
  if (chunkName.startsWith('=') || chunkName.startsWith('@')) return chunkName.slice(1);
  const firstLineEnd = chunkName.search(/[\n\r]/);
  let length = firstLineEnd < 0 ? chunkName.length : firstLineEnd;
  const room = 60 - 17;
  if (length > room) length = room;
  if (length < chunkName.length) return `[string "${chunkName.slice(0, length)}..."]`;
  return `[string "${chunkName}"]`;
}

function compileToClosure(state: InterpreterState, source: string, chunkName: string, environment: LuaTableImpl): LuaValue[] {
  try {
    const prototype = compileChunk(state, source, chunkDisplayName(chunkName));
    return [new LuaClosure(prototype, [], environment)];
  } catch (error) {
    if (error instanceof LuaSyntaxError) return [undefined, error.message];
    throw error;
  }
}

function loadString(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const source = args[0];
  if (typeof source !== 'string' && typeof source !== 'number') throw typeError(context, args, 1, 'loadstring', 'string');
  const text = typeof source === 'number' ? formatNumber(source) : source;
  const name = args[1];
  return compileToClosure(state, text, typeof name === 'string' ? name : text, state.globals);
}

function load(state: InterpreterState, args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const reader = args[0];
  if (!(reader instanceof LuaFunction)) throw typeError(context, args, 1, 'load', 'function');
  const pieces: string[] = [];
  for (;;) {
    const piece = context.call(reader, [])[0];
    if (piece === undefined || piece === '') break;
    if (typeof piece !== 'string') return [undefined, 'reader function must return a string'];
    pieces.push(piece);
  }
  const name = args[1];
  return compileToClosure(state, pieces.join(''), typeof name === 'string' ? name : '=(load)', state.globals);
}

const collectOptions = new Set(['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul']);

function collectgarbage(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const option = args[0] === undefined ? 'collect' : args[0];
  if (typeof option !== 'string') throw typeError(context, args, 1, 'collectgarbage', 'string');
  if (!collectOptions.has(option)) throw argumentError(context, 1, 'collectgarbage', `invalid option '${option}'`);
  if (option === 'count') return [gcKilobytes];
  if (option === 'step') return [false];
  return [0];
}

function* pcall(state: InterpreterState, args: LuaValue[]): Run<LuaValue[]> {
  if (args.length === 0) throw argumentError(state.context, 1, 'pcall', 'value expected');
  const mark = markStack(state);
  try {
    const results = yield* callValue(state, args[0], args.slice(1), '', undefined);
    return [true, ...results];
  } catch (error) {
    const caught = luaErrorValue(error);
    if (caught === undefined) throw error;
    restoreStack(state, mark);
    return [false, caught.value];
  }
}

function* xpcall(state: InterpreterState, args: LuaValue[]): Run<LuaValue[]> {
  if (args.length < 2) throw argumentError(state.context, 2, 'xpcall', 'value expected');
  const mark = markStack(state);
  try {
    const results = yield* callValue(state, args[0], [], '', undefined);
    return [true, ...results];
  } catch (error) {
    const caught = luaErrorValue(error);
    if (caught === undefined) throw error;
    restoreStack(state, mark);
    try {
      const handled = yield* callValue(state, args[1], [caught.value], '', undefined);
      return [false, handled[0]];
    } catch (handlerError) {
      if (luaErrorValue(handlerError) === undefined) throw handlerError;
      restoreStack(state, mark);
      return [false, 'error in error handling'];
    }
  }
}
