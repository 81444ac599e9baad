import { LuaHostFunction, type LuaCallContext, type LuaValue, type LuaVm } from './api.js';
import {
  argumentError,
  checkNumber,
  checkString,
  luaRuntimeError,
  optionalInteger,
  toLuaNumber,
  type ArgumentReader,
} from './lib-string-arguments.js';
import { doubleToInt64, doubleToUint64 } from './lib-string-printf.js';
import {
  applyControlOption,
  defaultHeader,
  formatCursor,
  optionSize,
  paddingBefore,
  type Endian,
} from './lib-struct-format.js';

/**
 * Roberto Ierusalimschy's struct library (deps/lua/src/lua_struct.c) as the
 * global `struct`: pack, unpack, size, with C `long` integers (64 bits).
 */

/** LUAI_MAXCSTACK: values a C function may leave on the stack. */
const stackSlotsMax = 8000;
const integerOptions = 'bBhHlLTiI';

function orderBytes(littleEndianBytes: string, endian: Endian): string {
  return endian === 'little' ? littleEndianBytes : [...littleEndianBytes].reverse().join('');
}

/** putinteger: the number as a C long (negative) or unsigned long, `size` bytes (beyond 8 they are zero). */
function packInteger(n: number, size: number, endian: Endian): string {
  let value = n < 0 ? BigInt.asUintN(64, doubleToInt64(n)) : doubleToUint64(n);
  let bytes = '';
  for (let index = 0; index < size; index++) {
    bytes += String.fromCharCode(Number(value & 0xffn));
    value >>= 8n;
  }
  return orderBytes(bytes, endian);
}

function packFloat(n: number, size: 4 | 8, endian: Endian): string {
  const view = new DataView(new ArrayBuffer(8));
  if (size === 4) view.setFloat32(0, n, true);
  else view.setFloat64(0, n, true);
  let bytes = '';
  for (let index = 0; index < size; index++) bytes += String.fromCharCode(view.getUint8(index));
  return orderBytes(bytes, endian);
}

function pack(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const format = checkString({ args, context, functionName: 'pack' }, 1);
  // Then b_pack pushes a nil mark after its arguments: the first missing value reads as nil, not "no value".
  const reader: ArgumentReader = { args: [...args, undefined], context, functionName: 'pack' };
  const cursor = formatCursor(format, context, 'pack');
  const header = defaultHeader();
  const pieces: string[] = [];
  let argumentIndex = 2;
  let total = 0;
  while (cursor.at < cursor.format.length) {
    const option = cursor.format.charAt(cursor.at++);
    let size = optionSize(cursor, option);
    const padding = paddingBefore(total, header, option, size);
    total += padding;
    pieces.push('\0'.repeat(padding));
    if (integerOptions.includes(option)) {
      pieces.push(packInteger(checkNumber(reader, argumentIndex++), size, header.endian));
    } else if (option === 'x') {
      pieces.push('\0');
    } else if (option === 'f' || option === 'd') {
      pieces.push(packFloat(checkNumber(reader, argumentIndex++), option === 'f' ? 4 : 8, header.endian));
    } else if (option === 'c' || option === 's') {
      const text = checkString(reader, argumentIndex++);
      if (size === 0) size = text.length;
      // C checks after moving to the next argument, so it blames that one.
      if (text.length < size) throw argumentError(context, argumentIndex, 'pack', 'string too short');
      pieces.push(text.slice(0, size));
      if (option === 's') {
        pieces.push('\0');
        size++;
      }
    } else {
      applyControlOption(cursor, option, header);
    }
    total += size;
  }
  return [pieces.join('')];
}

/** getinteger: `size` bytes as an unsigned or sign-extended C long (only the last 8 bytes read survive the shifts). */
function unpackInteger(bytes: string, endian: Endian, signed: boolean, size: number): number {
  const ordered = endian === 'big' ? bytes : [...bytes].reverse().join('');
  let value = 0n;
  for (const character of ordered) value = BigInt.asUintN(64, (value << 8n) | BigInt(character.charCodeAt(0)));
  if (!signed) return Number(value);
  // x86 masks a 64-bit shift count to 6 bits.
  const mask = BigInt.asUintN(64, ~0n << BigInt((size * 8 - 1) & 63));
  if (value & mask) value |= mask;
  return Number(BigInt.asIntN(64, value));
}

function unpackFloat(bytes: string, endian: Endian): number {
  const view = new DataView(new ArrayBuffer(8));
  const ordered = endian === 'little' ? bytes : [...bytes].reverse().join('');
  for (let index = 0; index < ordered.length; index++) view.setUint8(index, ordered.charCodeAt(index));
  return ordered.length === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true);
}

interface UnpackState {
  readonly reader: ArgumentReader;
  readonly data: string;
  position: number;
  readonly results: LuaValue[];
}

function checkFits(state: UnpackState, size: number): void {
  if (!(size <= state.data.length && state.position <= state.data.length - size)) {
    throw argumentError(state.reader.context, 2, 'unpack', 'data string too short');
  }
}

/** One data option; returns its size (what the position advances by). */
function unpackItem(state: UnpackState, option: string, sizeGiven: number, endian: Endian): number {
  const { data, position, results } = state;
  if (integerOptions.includes(option)) {
    const signed = option >= 'a' && option <= 'z';
    results.push(unpackInteger(data.slice(position, position + sizeGiven), endian, signed, sizeGiven));
  } else if (option === 'f' || option === 'd') {
    results.push(unpackFloat(data.slice(position, position + sizeGiven), endian));
  } else if (option === 'c') {
    let size = sizeGiven;
    if (size === 0) {
      const previous = results.length === 0 ? undefined : toLuaNumber(results[results.length - 1]);
      if (previous === undefined) throw luaRuntimeError(state.reader.context, "format 'c0' needs a previous size");
      size = Number(BigInt.asUintN(64, doubleToInt64(previous)));
      results.pop();
      checkFits(state, size);
    }
    results.push(data.slice(position, position + size));
    return size;
  } else if (option === 's') {
    const end = data.indexOf('\0', position);
    if (end < 0) throw luaRuntimeError(state.reader.context, 'unfinished string in data');
    results.push(data.slice(position, end));
    return end - position + 1;
  }
  return sizeGiven;
}

function unpack(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: 'unpack' };
  const cursor = formatCursor(checkString(reader, 1), context, 'unpack');
  const data = checkString(reader, 2);
  const start = optionalInteger(reader, 3, 1);
  if (start === 0) throw argumentError(context, 3, 'unpack', 'offset must be 1 or greater');
  // size_t arithmetic: a negative start is a huge offset, which is always too far.
  const state: UnpackState = { reader, data, position: start < 0 ? Number.MAX_SAFE_INTEGER : start - 1, results: [] };
  const header = defaultHeader();
  while (cursor.at < cursor.format.length) {
    const option = cursor.format.charAt(cursor.at++);
    const size = optionSize(cursor, option);
    state.position += paddingBefore(state.position, header, option, size);
    checkFits(state, size);
    if (args.length + state.results.length + 2 > stackSlotsMax) throw luaRuntimeError(context, 'stack overflow (too many results)');
    const known = integerOptions.includes(option) || 'fdcsx'.includes(option);
    if (!known) applyControlOption(cursor, option, header);
    state.position += known ? unpackItem(state, option, size, header.endian) : size;
  }
  return [...state.results, state.position + 1];
}

function size(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: 'size' };
  const cursor = formatCursor(checkString(reader, 1), context, 'size');
  const header = defaultHeader();
  let position = 0;
  while (cursor.at < cursor.format.length) {
    const option = cursor.format.charAt(cursor.at++);
    const optionBytes = optionSize(cursor, option);
    position += paddingBefore(position, header, option, optionBytes);
    if (option === 's') throw argumentError(context, 1, 'size', "option 's' has no fixed size");
    if (option === 'c' && optionBytes === 0) throw argumentError(context, 1, 'size', "option 'c0' has no fixed size");
    if (!/[0-9A-Za-z]/.test(option)) applyControlOption(cursor, option, header);
    position += optionBytes;
  }
  return [position];
}

/** Sets the global `struct`, as Redis's luaLoadLibraries does. */
export function installStruct(vm: LuaVm): void {
  const module = vm.newTable();
  module.set('pack', new LuaHostFunction('pack', pack));
  module.set('unpack', new LuaHostFunction('unpack', unpack));
  module.set('size', new LuaHostFunction('size', size));
  vm.globals.set('struct', module);
}
