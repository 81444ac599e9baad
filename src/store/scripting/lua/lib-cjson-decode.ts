import type { LuaCallContext, LuaTable, LuaValue } from './api.js';
import { cjsonNull, type CjsonConfig } from './lib-cjson-config.js';
import { luaRuntimeError } from './lib-string-arguments.js';
import { parseCNumberPrefix } from './number-format.js';

/** cjson.decode as lua_cjson.c's tokenizer and recursive parser do it. */

type TokenType =
  | 'T_OBJ_BEGIN' | 'T_OBJ_END' | 'T_ARR_BEGIN' | 'T_ARR_END' | 'T_STRING' | 'T_NUMBER' | 'T_BOOLEAN'
  | 'T_NULL' | 'T_COLON' | 'T_COMMA' | 'T_END' | 'T_ERROR';

interface Token {
  readonly type: TokenType;
  /** 0-based position of the token (of the problem, for T_ERROR). */
  readonly index: number;
  readonly value?: LuaValue;
  /** T_ERROR's description. */
  readonly error?: string;
}

interface Parser {
  /** The JSON text cut at its first NUL (C reads it as a C string) plus the NUL. */
  readonly data: string;
  at: number;
  depth: number;
  readonly config: CjsonConfig;
  readonly context: LuaCallContext;
  readonly newTable: () => LuaTable;
}

const singleCharacterTokens: Readonly<Record<string, TokenType>> = {
  '{': 'T_OBJ_BEGIN', '}': 'T_OBJ_END', '[': 'T_ARR_BEGIN', ']': 'T_ARR_END', ',': 'T_COMMA', ':': 'T_COLON', '\0': 'T_END',
};
const unknownStarts = 'fiInNt"+-0123456789';
const escapedCharacters: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

function errorToken(parser: Parser, description: string): Token {
  return { type: 'T_ERROR', index: parser.at, error: description };
}

function hex4(parser: Parser, at: number): number {
  const digits = parser.data.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
}

/** json_append_unicode_escape: the UTF-8 bytes of \uXXXX (or a surrogate pair) at parser.at, or undefined. */
function unicodeEscape(parser: Parser): string | undefined {
  let codepoint = hex4(parser, parser.at + 2);
  if (codepoint < 0) return undefined;
  let escapeLength = 6;
  if ((codepoint & 0xf800) === 0xd800) {
    if (codepoint & 0x400) return undefined;
    if (parser.data.slice(parser.at + 6, parser.at + 8) !== '\\u') return undefined;
    const low = hex4(parser, parser.at + 8);
    if (low < 0 || (low & 0xfc00) !== 0xdc00) return undefined;
    codepoint = (((codepoint & 0x3ff) << 10) | (low & 0x3ff)) + 0x10000;
    escapeLength = 12;
  }
  parser.at += escapeLength;
  return Buffer.from(String.fromCodePoint(codepoint), 'utf8').toString('latin1');
}

function stringToken(parser: Parser): Token {
  const start = parser.at;
  parser.at++;
  let text = '';
  for (;;) {
    const character = parser.data.charAt(parser.at);
    if (character === '"') break;
    if (character === '\0') return errorToken(parser, 'unexpected end of string');
    if (character !== '\\') {
      text += character;
      parser.at++;
      continue;
    }
    const escape = parser.data.charAt(parser.at + 1);
    if (escape === 'u') {
      const bytes = unicodeEscape(parser);
      if (bytes === undefined) return errorToken(parser, 'invalid unicode escape code');
      text += bytes;
      continue;
    }
    const translated = escapedCharacters[escape];
    if (translated === undefined) return errorToken(parser, 'invalid escape code');
    text += translated;
    parser.at += 2;
  }
  parser.at++;
  return { type: 'T_STRING', index: start, value: text };
}

/** json_is_invalid_number: what strtod would take but strict JSON refuses (+, hex, leading zeros, inf, nan). */
function isInvalidNumber(parser: Parser): boolean {
  let at = parser.at;
  if (parser.data[at] === '+') return true;
  if (parser.data[at] === '-') at++;
  const first = parser.data.charAt(at);
  if (first === '0') {
    const second = parser.data.charAt(at + 1);
    return second === 'x' || second === 'X' || (second >= '0' && second <= '9');
  }
  if (first <= '9') return false;
  const word = parser.data.slice(at, at + 3).toLowerCase();
  return word === 'inf' || word === 'nan';
}

function numberToken(parser: Parser): Token {
  const parsed = parseCNumberPrefix(parser.data, parser.at);
  if (parsed.end === parser.at) return errorToken(parser, 'invalid number');
  const index = parser.at;
  parser.at = parsed.end;
  return { type: 'T_NUMBER', index, value: parsed.value };
}

function wordToken(parser: Parser, character: string): Token {
  const index = parser.at;
  if (character === '"') return stringToken(parser);
  if (character === '-' || (character >= '0' && character <= '9')) {
    if (!parser.config.decodeInvalidNumbers && isInvalidNumber(parser)) return errorToken(parser, 'invalid number');
    return numberToken(parser);
  }
  for (const [word, type, value] of [['true', 'T_BOOLEAN', true], ['false', 'T_BOOLEAN', false], ['null', 'T_NULL', cjsonNull]] as const) {
    if (parser.data.startsWith(word, index)) {
      parser.at += word.length;
      return { type, index, value };
    }
  }
  if (parser.config.decodeInvalidNumbers && isInvalidNumber(parser)) return numberToken(parser);
  return errorToken(parser, 'invalid token');
}

/** json_next_token. */
function nextToken(parser: Parser): Token {
  while (' \t\n\r'.includes(parser.data.charAt(parser.at))) parser.at++;
  const character = parser.data.charAt(parser.at);
  const single = singleCharacterTokens[character];
  if (single !== undefined) {
    const index = parser.at;
    if (single !== 'T_END') parser.at++;
    return { type: single, index };
  }
  if (!unknownStarts.includes(character)) return errorToken(parser, 'invalid token');
  return wordToken(parser, character);
}

function parseError(parser: Parser, expected: string, token: Token): never {
  const found = token.type === 'T_ERROR' ? (token.error ?? 'invalid token') : token.type;
  throw luaRuntimeError(parser.context, `Expected ${expected} but found ${found} at character ${token.index + 1}`);
}

function descend(parser: Parser): void {
  parser.depth++;
  if (parser.depth > parser.config.decodeMaxDepth) {
    throw luaRuntimeError(parser.context, `Found too many nested data structures (${parser.depth}) at character ${parser.at}`);
  }
}

function parseObject(parser: Parser): LuaTable {
  descend(parser);
  const table = parser.newTable();
  let token = nextToken(parser);
  if (token.type === 'T_OBJ_END') {
    parser.depth--;
    return table;
  }
  for (;;) {
    if (token.type !== 'T_STRING') parseError(parser, 'object key string', token);
    const key = token.value;
    token = nextToken(parser);
    if (token.type !== 'T_COLON') parseError(parser, 'colon', token);
    table.set(key, parseValue(parser, nextToken(parser)));
    token = nextToken(parser);
    if (token.type === 'T_OBJ_END') {
      parser.depth--;
      return table;
    }
    if (token.type !== 'T_COMMA') parseError(parser, 'comma or object end', token);
    token = nextToken(parser);
  }
}

function parseArray(parser: Parser): LuaTable {
  descend(parser);
  const table = parser.newTable();
  let token = nextToken(parser);
  if (token.type === 'T_ARR_END') {
    parser.depth--;
    return table;
  }
  for (let index = 1; ; index++) {
    table.set(index, parseValue(parser, token));
    token = nextToken(parser);
    if (token.type === 'T_ARR_END') {
      parser.depth--;
      return table;
    }
    if (token.type !== 'T_COMMA') parseError(parser, 'comma or array end', token);
    token = nextToken(parser);
  }
}

function parseValue(parser: Parser, token: Token): LuaValue {
  switch (token.type) {
    case 'T_STRING':
    case 'T_NUMBER':
    case 'T_BOOLEAN':
    case 'T_NULL':
      return token.value;
    case 'T_OBJ_BEGIN':
      return parseObject(parser);
    case 'T_ARR_BEGIN':
      return parseArray(parser);
    default:
      return parseError(parser, 'value', token);
  }
}

/** cjson.decode(text): the Lua value, or a LuaError with lua_cjson's message. */
export function decodeJson(text: string, config: CjsonConfig, context: LuaCallContext, newTable: () => LuaTable): LuaValue {
  if (text.length >= 2 && (text.charCodeAt(0) === 0 || text.charCodeAt(1) === 0)) {
    throw luaRuntimeError(context, 'JSON parser does not support UTF-16 or UTF-32');
  }
  const nulAt = text.indexOf('\0');
  const data = `${nulAt < 0 ? text : text.slice(0, nulAt)}\0`;
  const parser: Parser = { data, at: 0, depth: 0, config, context, newTable };
  const value = parseValue(parser, nextToken(parser));
  const end = nextToken(parser);
  if (end.type !== 'T_END') parseError(parser, 'the end', end);
  return value;
}
