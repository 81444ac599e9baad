import type { LuaTable, LuaValue } from './api.js';

/** cmsgpack's decoder (lua_cmsgpack.c mp_decode_to_lua_type) over a latin1 byte string. */

/** LUAI_MAXCSTACK: the Lua stack slots a C function may use; each decoded value and open container takes some. */
const stackSlotsMax = 8000;
/**
 * C recurses without a bound (until the stack check above); we stop nesting
 * here, with the same message, to stay far from the JS stack's end.
 */
const nestingMax = 1000;

export type DecodeFailure = 'missing bytes' | 'bad format' | 'stack overflow';

export class MsgpackCursor {
  at: number;
  failure: DecodeFailure | undefined;
  /** Lua stack slots in use by the unpacking function: its argument, decoded values, open containers. */
  stackSlots = 1;
  depth = 0;

  constructor(
    readonly bytes: string,
    start: number,
    readonly newTable: () => LuaTable,
  ) {
    this.at = start;
  }

  get left(): number {
    return this.bytes.length - this.at;
  }

  byte(offset: number): number {
    return this.bytes.charCodeAt(this.at + offset);
  }

  /** mp_cur_need: false (and the failure set) when fewer than `count` bytes are left. */
  need(count: number): boolean {
    if (this.left >= count) return true;
    this.failure = 'missing bytes';
    return false;
  }

  unsigned(offset: number, byteCount: number): bigint {
    let value = 0n;
    for (let index = 0; index < byteCount; index++) value = (value << 8n) | BigInt(this.byte(offset + index));
    return value;
  }
}

function readFloat(cursor: MsgpackCursor, byteCount: 4 | 8): number | undefined {
  if (!cursor.need(1 + byteCount)) return undefined;
  const view = new DataView(new ArrayBuffer(8));
  for (let index = 0; index < byteCount; index++) view.setUint8(index, cursor.byte(1 + index));
  cursor.at += 1 + byteCount;
  return byteCount === 4 ? view.getFloat32(0) : view.getFloat64(0);
}

function readInteger(cursor: MsgpackCursor, byteCount: number, signed: boolean): number | undefined {
  if (!cursor.need(1 + byteCount)) return undefined;
  const raw = cursor.unsigned(1, byteCount);
  cursor.at += 1 + byteCount;
  // 64-bit values pass through C's signed lua_Integer (or int64_t): the top bit makes them negative.
  if (byteCount === 8) return Number(BigInt.asIntN(64, raw));
  return Number(signed ? BigInt.asIntN(8 * byteCount, raw) : raw);
}

function readString(cursor: MsgpackCursor, lengthBytes: number, fixLength: number): string | undefined {
  if (!cursor.need(1 + lengthBytes)) return undefined;
  const length = lengthBytes === 0 ? fixLength : Number(cursor.unsigned(1, lengthBytes));
  if (!cursor.need(1 + lengthBytes + length)) return undefined;
  const start = cursor.at + 1 + lengthBytes;
  cursor.at = start + length;
  return cursor.bytes.slice(start, start + length);
}

function readContainer(cursor: MsgpackCursor, lengthBytes: number, kind: 'array' | 'map', fixLength: number): LuaValue {
  if (lengthBytes > 0 && !cursor.need(1 + lengthBytes)) return undefined;
  const count = lengthBytes === 0 ? fixLength : Number(cursor.unsigned(1, lengthBytes));
  cursor.at += 1 + lengthBytes;
  return kind === 'array' ? decodeArray(cursor, count) : decodeMap(cursor, count);
}

function decodeArray(cursor: MsgpackCursor, count: number): LuaValue {
  const table = cursor.newTable();
  if (!enterContainer(cursor)) return undefined;
  cursor.stackSlots += 2;
  for (let index = 1; index <= count; index++) {
    const value = decodeValue(cursor);
    if (cursor.failure !== undefined) return undefined;
    table.set(index, value);
  }
  cursor.stackSlots -= 2;
  cursor.depth--;
  return table;
}

function decodeMap(cursor: MsgpackCursor, count: number): LuaValue {
  const table = cursor.newTable();
  if (!enterContainer(cursor)) return undefined;
  for (let index = 0; index < count; index++) {
    cursor.stackSlots += 1;
    const key = decodeValue(cursor);
    if (cursor.failure !== undefined) return undefined;
    cursor.stackSlots += 1;
    const value = decodeValue(cursor);
    if (cursor.failure !== undefined) return undefined;
    cursor.stackSlots -= 2;
    // lua_settable: a nil or NaN key raises Lua's "table index is nil" from here.
    table.set(key, value);
  }
  cursor.depth--;
  return table;
}

function enterContainer(cursor: MsgpackCursor): boolean {
  cursor.depth++;
  if (cursor.depth <= nestingMax) return true;
  cursor.failure = 'stack overflow';
  return false;
}

/** One value at the cursor; on failure cursor.failure is set and the value is meaningless. */
export function decodeValue(cursor: MsgpackCursor): LuaValue {
  if (!cursor.need(1)) return undefined;
  if (cursor.stackSlots + 1 > stackSlotsMax) {
    cursor.failure = 'stack overflow';
    return undefined;
  }
  const first = cursor.byte(0);
  switch (first) {
    case 0xcc: return readInteger(cursor, 1, false);
    case 0xd0: return readInteger(cursor, 1, true);
    case 0xcd: return readInteger(cursor, 2, false);
    case 0xd1: return readInteger(cursor, 2, true);
    case 0xce: return readInteger(cursor, 4, false);
    case 0xd2: return readInteger(cursor, 4, true);
    case 0xcf: return readInteger(cursor, 8, false);
    case 0xd3: return readInteger(cursor, 8, true);
    case 0xc0: cursor.at++; return undefined;
    case 0xc3: cursor.at++; return true;
    case 0xc2: cursor.at++; return false;
    case 0xca: return readFloat(cursor, 4);
    case 0xcb: return readFloat(cursor, 8);
    case 0xd9: return readString(cursor, 1, 0);
    case 0xda: return readString(cursor, 2, 0);
    case 0xdb: return readString(cursor, 4, 0);
    case 0xdc: return readContainer(cursor, 2, 'array', 0);
    case 0xdd: return readContainer(cursor, 4, 'array', 0);
    case 0xde: return readContainer(cursor, 2, 'map', 0);
    case 0xdf: return readContainer(cursor, 4, 'map', 0);
    default: return decodeFixValue(cursor, first);
  }
}

function decodeFixValue(cursor: MsgpackCursor, first: number): LuaValue {
  if ((first & 0x80) === 0) {
    cursor.at++;
    return first;
  }
  if ((first & 0xe0) === 0xe0) {
    cursor.at++;
    return first - 256;
  }
  if ((first & 0xe0) === 0xa0) return readString(cursor, 0, first & 0x1f);
  if ((first & 0xf0) === 0x90) return readContainer(cursor, 0, 'array', first & 0xf);
  if ((first & 0xf0) === 0x80) return readContainer(cursor, 0, 'map', first & 0xf);
  cursor.failure = 'bad format';
  return undefined;
}
