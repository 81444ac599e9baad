import { LuaHostFunction, type LuaValue } from './api.js';
import {
  argumentError,
  checkNumber,
  checkString,
  luaRuntimeError,
  type ArgumentReader,
} from './lib-string-arguments.js';
import { formatPrintfNumber, formatPrintfString, type PrintfSpec } from './lib-string-printf.js';

/** string.format as Lua 5.1's str_format (lstrlib.c) does it, sprintf by sprintf. */

const flagCharacters = '-+ #0';
/** C checks the run of flags against sizeof("-+ #0"), which counts the NUL: five flags pass, a sixth is "repeated flags". */
const flagsMax = flagCharacters.length;
/** %s of a string this long without a precision is copied as is (no sprintf, no NUL cut). */
const longStringBytes = 100;

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/** scanformat: the flags, width and precision starting at `start`; `end` is the index of the conversion letter. */
function scanFormat(reader: ArgumentReader, format: string, start: number): { spec: Omit<PrintfSpec, 'conversion'>; end: number } {
  let at = start;
  while (at < format.length && flagCharacters.includes(format.charAt(at))) at++;
  if (at - start > flagsMax) throw luaRuntimeError(reader.context, 'invalid format (repeated flags)');
  const flags = format.slice(start, at);
  const widthStart = at;
  if (isDigit(format[at])) at++;
  if (isDigit(format[at])) at++;
  const width = at > widthStart ? Number(format.slice(widthStart, at)) : 0;
  let precision: number | undefined;
  if (format[at] === '.') {
    at++;
    const precisionStart = at;
    if (isDigit(format[at])) at++;
    if (isDigit(format[at])) at++;
    precision = at > precisionStart ? Number(format.slice(precisionStart, at)) : 0;
  }
  if (isDigit(format[at])) throw luaRuntimeError(reader.context, 'invalid format (width or precision too long)');
  return { spec: { flags, width, precision }, end: at };
}

/** %q: a string Lua can read back. */
export function quoteLuaString(text: string): string {
  let quoted = '"';
  for (const character of text) {
    if (character === '"' || character === '\\' || character === '\n') quoted += `\\${character}`;
    else if (character === '\r') quoted += '\\r';
    else if (character === '\0') quoted += '\\000';
    else quoted += character;
  }
  return `${quoted}"`;
}

/** sprintf output goes into the buffer with strlen: a NUL ends it. */
function cutAtNul(text: string): string {
  const nulAt = text.indexOf('\0');
  return nulAt < 0 ? text : text.slice(0, nulAt);
}

function formatItem(reader: ArgumentReader, spec: PrintfSpec, argumentIndex: number): string {
  switch (spec.conversion) {
    case 'c':
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G':
      return cutAtNul(formatPrintfNumber(spec, checkNumber(reader, argumentIndex)));
    case 'q':
      return quoteLuaString(checkString(reader, argumentIndex));
    case 's': {
      const text = checkString(reader, argumentIndex);
      if (spec.precision === undefined && text.length >= longStringBytes) return text;
      return cutAtNul(formatPrintfString(spec, text));
    }
    default: {
      // luaL_error's %c drops a NUL conversion letter (the format ended in '%').
      const shown = spec.conversion === '\0' ? '' : spec.conversion;
      throw luaRuntimeError(reader.context, `invalid option '%${shown}' to 'format'`);
    }
  }
}

function stringFormat(args: readonly LuaValue[], context: ArgumentReader['context']): LuaValue[] {
  const reader: ArgumentReader = { args, context, functionName: 'format' };
  const format = checkString(reader, 1);
  const pieces: string[] = [];
  let argumentIndex = 1;
  let at = 0;
  while (at < format.length) {
    const character = format.charAt(at);
    if (character !== '%') {
      pieces.push(character);
      at++;
    } else if (format[at + 1] === '%') {
      pieces.push('%');
      at += 2;
    } else {
      argumentIndex++;
      if (argumentIndex > args.length) throw argumentError(context, argumentIndex, 'format', 'no value');
      // The C string ends with a NUL that the scan may read as the conversion.
      const scanned = scanFormat(reader, `${format}\0`, at + 1);
      const conversion = `${format}\0`.charAt(scanned.end);
      pieces.push(formatItem(reader, { ...scanned.spec, conversion }, argumentIndex));
      at = scanned.end + 1;
    }
  }
  return [pieces.join('')];
}

export const stringFormatFunction = new LuaHostFunction('format', stringFormat);
