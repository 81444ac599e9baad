import { LuaHostFunction, type LuaCallContext, type LuaValue } from './api.js';
import {
  argumentError,
  checkInt,
  checkInteger,
  checkString,
  checkType,
  luaRuntimeError,
  optionalInteger,
  type ArgumentReader,
} from './lib-string-arguments.js';
import { relativePosition } from './lib-string-find.js';

/** string.len sub upper lower rep reverse byte char dump (lstrlib.c). */

/** LUAI_MAXCSTACK: how many values a C function may push. */
const returnValuesMax = 8000;
/** Lua would grow its buffer until malloc failed; we refuse beyond this size (a V8 string cannot be much longer). */
export const stringBytesMax = 256 * 1024 * 1024;

function reader(args: readonly LuaValue[], context: LuaCallContext, functionName: string): ArgumentReader {
  return { args, context, functionName };
}

function mapBytes(text: string, mapper: (code: number) => number): string {
  let mapped = '';
  for (let index = 0; index < text.length; index++) mapped += String.fromCharCode(mapper(text.charCodeAt(index)));
  return mapped;
}

const lengthFunction = new LuaHostFunction('len', (args, context) => [checkString(reader(args, context, 'len'), 1).length]);

const subFunction = new LuaHostFunction('sub', (args, context) => {
  const arguments_ = reader(args, context, 'sub');
  const text = checkString(arguments_, 1);
  let start = relativePosition(checkInteger(arguments_, 2), text.length);
  let end = relativePosition(optionalInteger(arguments_, 3, -1), text.length);
  if (start < 1) start = 1;
  if (end > text.length) end = text.length;
  return [start <= end ? text.slice(start - 1, end) : ''];
});

const upperFunction = new LuaHostFunction('upper', (args, context) => [
  mapBytes(checkString(reader(args, context, 'upper'), 1), (code) => (code >= 97 && code <= 122 ? code - 32 : code)),
]);

const lowerFunction = new LuaHostFunction('lower', (args, context) => [
  mapBytes(checkString(reader(args, context, 'lower'), 1), (code) => (code >= 65 && code <= 90 ? code + 32 : code)),
]);

const reverseFunction = new LuaHostFunction('reverse', (args, context) => {
  const text = checkString(reader(args, context, 'reverse'), 1);
  let reversed = '';
  for (let index = text.length - 1; index >= 0; index--) reversed += text.charAt(index);
  return [reversed];
});

const repFunction = new LuaHostFunction('rep', (args, context) => {
  const arguments_ = reader(args, context, 'rep');
  const text = checkString(arguments_, 1);
  const count = checkInt(arguments_, 2);
  if (count <= 0 || text.length === 0) return [''];
  if (text.length * count > stringBytesMax) throw luaRuntimeError(context, 'not enough memory');
  return [text.repeat(count)];
});

const byteFunction = new LuaHostFunction('byte', (args, context) => {
  const arguments_ = reader(args, context, 'byte');
  const text = checkString(arguments_, 1);
  let first = relativePosition(optionalInteger(arguments_, 2, 1), text.length);
  let last = relativePosition(optionalInteger(arguments_, 3, first), text.length);
  if (first <= 0) first = 1;
  if (last > text.length) last = text.length;
  if (first > last) return [];
  const count = last - first + 1;
  if (count + args.length > returnValuesMax) throw luaRuntimeError(context, 'stack overflow (string slice too long)');
  const codes: LuaValue[] = [];
  for (let index = first - 1; index < last; index++) codes.push(text.charCodeAt(index));
  return codes;
});

const charFunction = new LuaHostFunction('char', (args, context) => {
  const arguments_ = reader(args, context, 'char');
  let text = '';
  for (let index = 1; index <= args.length; index++) {
    const code = checkInt(arguments_, index);
    if (code < 0 || code > 255) throw argumentError(context, index, 'char', 'invalid value');
    text += String.fromCharCode(code);
  }
  return [text];
});

const dumpFunction = new LuaHostFunction('dump', (args, context) => {
  checkType(reader(args, context, 'dump'), 1, 'function');
  // We keep no bytecode: every function is as undumpable as a C function is in Lua.
  throw luaRuntimeError(context, 'unable to dump given function');
});

export const basicStringFunctions: readonly LuaHostFunction[] = [
  byteFunction,
  charFunction,
  dumpFunction,
  lengthFunction,
  lowerFunction,
  repFunction,
  reverseFunction,
  subFunction,
  upperFunction,
];
