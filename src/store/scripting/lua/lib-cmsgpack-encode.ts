import { LuaFunction, type LuaCallContext, type LuaTable, type LuaValue } from './api.js';
import { indexWithMetatable } from './lib-string-table-index.js';
import { doubleToInt32, doubleToInt64 } from './lib-string-printf.js';

/** cmsgpack.pack's encoder (lua_cmsgpack.c mp_encode_lua_type and friends); bytes are latin1 strings. */

/** LUACMSGPACK_MAX_NESTING: a table this deep is packed as nil (cycles end there). */
const nestingMax = 16;

function bigEndian(value: bigint, byteCount: number): string {
  let bytes = '';
  for (let index = byteCount - 1; index >= 0; index--) {
    bytes += String.fromCharCode(Number((value >> BigInt(8 * index)) & 0xffn));
  }
  return bytes;
}

function header(byte: number, length: number, byteCount: number): string {
  return String.fromCharCode(byte) + bigEndian(BigInt(length), byteCount);
}

function encodeBytes(text: string): string {
  const length = text.length;
  if (length < 32) return String.fromCharCode(0xa0 | length) + text;
  if (length <= 0xff) return header(0xd9, length, 1) + text;
  if (length <= 0xffff) return header(0xda, length, 2) + text;
  return header(0xdb, length, 4) + text;
}

function encodeDouble(d: number): string {
  const view = new DataView(new ArrayBuffer(8));
  if (d === Math.fround(d)) {
    view.setFloat32(0, d);
    return '\xca' + String.fromCharCode(view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3));
  }
  view.setFloat64(0, d);
  let bytes = '\xcb';
  for (let index = 0; index < 8; index++) bytes += String.fromCharCode(view.getUint8(index));
  return bytes;
}

function encodeInteger(n: bigint): string {
  if (n >= 0n) {
    if (n <= 127n) return String.fromCharCode(Number(n));
    if (n <= 0xffn) return '\xcc' + bigEndian(n, 1);
    if (n <= 0xffffn) return '\xcd' + bigEndian(n, 2);
    if (n <= 0xffffffffn) return '\xce' + bigEndian(n, 4);
    return '\xcf' + bigEndian(n, 8);
  }
  if (n >= -32n) return String.fromCharCode(Number(n) & 0xff);
  if (n >= -128n) return '\xd0' + bigEndian(BigInt.asUintN(8, n), 1);
  if (n >= -32768n) return '\xd1' + bigEndian(BigInt.asUintN(16, n), 2);
  if (n >= -2147483648n) return '\xd2' + bigEndian(BigInt.asUintN(32, n), 4);
  return '\xd3' + bigEndian(BigInt.asUintN(64, n), 8);
}

function encodeNumber(n: number): string {
  // IS_INT64_EQUIVALENT: not infinite and (int64_t)n == n.
  const asInt64 = doubleToInt64(n);
  if (Number.isFinite(n) && Number(asInt64) === n) return encodeInteger(asInt64);
  return encodeDouble(n);
}

function containerHeader(fixBase: number, byte16: number, count: number): string {
  if (count <= 15) return String.fromCharCode(fixBase | count);
  if (count <= 65535) return header(byte16, count, 2);
  return header(byte16 + 1, count, 4);
}

/** table_is_an_array: only keys 1..n (positive numbers that fit an int), no holes. */
function isArray(table: LuaTable): boolean {
  let count = 0;
  let max = 0;
  let entry = table.next(undefined);
  while (entry !== undefined) {
    const key = entry[0];
    if (typeof key !== 'number' || key <= 0 || doubleToInt32(key) !== key) return false;
    if (key > max) max = key;
    count++;
    entry = table.next(key);
  }
  return max === count;
}

function encodeTable(table: LuaTable, level: number, context: LuaCallContext): string {
  const pieces: string[] = [];
  if (isArray(table)) {
    const length = table.length();
    pieces.push(containerHeader(0x90, 0xdc, length));
    for (let index = 1; index <= length; index++) {
      pieces.push(encodeValue(indexWithMetatable(context, table, index), level + 1, context));
    }
    return pieces.join('');
  }
  let count = 0;
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) count++;
  pieces.push(containerHeader(0x80, 0xde, count));
  for (let entry = table.next(undefined); entry !== undefined; entry = table.next(entry[0])) {
    pieces.push(encodeValue(entry[0], level + 1, context), encodeValue(entry[1], level + 1, context));
  }
  return pieces.join('');
}

/** mp_encode_lua_type: one value; nil, functions and whatever else has no MessagePack form become nil. */
export function encodeValue(value: LuaValue, level: number, context: LuaCallContext): string {
  if (typeof value === 'string') return encodeBytes(value);
  if (typeof value === 'boolean') return value ? '\xc3' : '\xc2';
  if (typeof value === 'number') return encodeNumber(value);
  if (value === undefined || value instanceof LuaFunction || level === nestingMax) return '\xc0';
  return encodeTable(value, level, context);
}
