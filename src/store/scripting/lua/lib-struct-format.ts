import type { LuaCallContext } from './api.js';
import { argumentError, luaRuntimeError } from './lib-string-arguments.js';

/** lua_struct.c's format reading (optsize, getnum, gettoalign, controloptions) for an x86-64 LP64 build. */

/** MAXINTSIZE: the widest 'i'/'I' integer, in bytes. */
export const integerBytesMax = 32;
/** MAXALIGN on x86-64: the padding of struct { char; double; }. */
const alignMax = 8;
const intMax = 2 ** 31 - 1;

export type Endian = 'big' | 'little';

/** Header: the byte order and alignment in force. */
export interface StructHeader {
  endian: Endian;
  align: number;
}

export function defaultHeader(): StructHeader {
  return { endian: 'little', align: 1 };
}

/** A format being read: the C string (cut at a NUL) and the reading position. */
export interface FormatCursor {
  readonly format: string;
  at: number;
  readonly context: LuaCallContext;
  readonly functionName: string;
}

function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/** getnum: the decimal number at the cursor, or `fallback` when there is none. */
function readNumber(cursor: FormatCursor, fallback: number): number {
  if (!isDigit(cursor.format.charAt(cursor.at))) return fallback;
  let value = 0;
  do {
    const digit = cursor.format.charCodeAt(cursor.at) - 48;
    if (value > Math.floor(intMax / 10) || value * 10 > intMax - digit) throw luaRuntimeError(cursor.context, 'integral size overflow');
    value = value * 10 + digit;
    cursor.at++;
  } while (isDigit(cursor.format.charAt(cursor.at)));
  return value;
}

/** optsize: the size of option `option`, reading its number if it takes one; 0 for options without size. */
export function optionSize(cursor: FormatCursor, option: string): number {
  switch (option) {
    case 'B': case 'b': case 'x': return 1;
    case 'H': case 'h': return 2;
    case 'L': case 'l': case 'T': case 'd': return 8;
    case 'f': return 4;
    case 'c': return readNumber(cursor, 1);
    case 'i': case 'I': {
      const size = readNumber(cursor, 4);
      if (size > integerBytesMax) {
        throw luaRuntimeError(cursor.context, `integral size ${size} is larger than limit of ${integerBytesMax}`);
      }
      return size;
    }
    default: return 0;
  }
}

/** gettoalign: the padding before an item of `size` bytes at `length`. */
export function paddingBefore(length: number, header: StructHeader, option: string, size: number): number {
  if (size === 0 || option === 'c') return 0;
  const alignment = Math.min(size, header.align);
  return (alignment - (length & (alignment - 1))) & (alignment - 1);
}

function isPowerOfTwo(value: number): boolean {
  return value > 0 && (value & (value - 1)) === 0;
}

/** controloptions: ' ', '>', '<', '!n'; anything else is an invalid option. */
export function applyControlOption(cursor: FormatCursor, option: string, header: StructHeader): void {
  switch (option) {
    case ' ':
      return;
    case '>':
      header.endian = 'big';
      return;
    case '<':
      header.endian = 'little';
      return;
    case '!': {
      const alignment = readNumber(cursor, alignMax);
      if (!isPowerOfTwo(alignment)) throw luaRuntimeError(cursor.context, `alignment ${alignment} is not a power of 2`);
      header.align = alignment;
      return;
    }
    default: {
      throw argumentError(cursor.context, 1, cursor.functionName, `invalid format option '${option}'`);
    }
  }
}

export function formatCursor(format: string, context: LuaCallContext, functionName: string): FormatCursor {
  const nulAt = format.indexOf('\0');
  return { format: nulAt < 0 ? format : format.slice(0, nulAt), at: 0, context, functionName };
}
