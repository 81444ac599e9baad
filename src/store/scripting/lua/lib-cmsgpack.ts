import { LuaHostFunction, type LuaCallContext, type LuaTable, type LuaValue, type LuaVm } from './api.js';
import { decodeValue, MsgpackCursor } from './lib-cmsgpack-decode.js';
import { encodeValue } from './lib-cmsgpack-encode.js';
import { argumentError, checkInteger, checkString, luaRuntimeError, optionalInteger, type ArgumentReader } from './lib-string-arguments.js';

/**
 * Redis's bundled lua-cmsgpack 0.4.0 (deps/lua/src/lua_cmsgpack.c) as the
 * global `cmsgpack`: pack, unpack, unpack_one, unpack_limit.
 */

const intMax = 2 ** 31 - 1;
const stackOverflowMessage = 'stack overflow (too many return values at once; use unpack_one or unpack_limit instead.)';

function pack(args: readonly LuaValue[], context: LuaCallContext): LuaValue[] {
  if (args.length === 0) throw argumentError(context, 0, 'pack', 'MessagePack pack needs input.');
  return [args.map((value) => encodeValue(value, 0, context)).join('')];
}

/** The C code prints (int) casts: wrap like them. */
function asCInt(value: number): number {
  return Number(BigInt.asIntN(32, BigInt(value)));
}

/** mp_unpack_full: limit 0 and offset 0 mean "everything, no offset result". */
function unpackFull(reader: ArgumentReader, bytes: string, limit: number, offset: number, newTable: () => LuaTable): LuaValue[] {
  const decodeAll = limit === 0 && offset === 0;
  if (offset < 0 || limit < 0) {
    // The C message prints the input length where it says limit.
    throw luaRuntimeError(reader.context, `Invalid request to unpack with offset of ${asCInt(offset)} and limit of ${asCInt(bytes.length)}.`);
  }
  if (offset > bytes.length) {
    throw luaRuntimeError(reader.context, `Start offset ${asCInt(offset)} greater than input length ${asCInt(bytes.length)}.`);
  }
  const cursor = new MsgpackCursor(bytes, offset, newTable);
  const values: LuaValue[] = [];
  const countMax = decodeAll ? intMax : limit;
  while (cursor.left > 0 && values.length < countMax) {
    const value = decodeValue(cursor);
    if (cursor.failure === 'missing bytes') throw luaRuntimeError(reader.context, 'Missing bytes in input.');
    if (cursor.failure === 'bad format') throw luaRuntimeError(reader.context, 'Bad data format in input.');
    if (cursor.failure === 'stack overflow') throw luaRuntimeError(reader.context, stackOverflowMessage);
    values.push(value);
    cursor.stackSlots++;
  }
  if (decodeAll) return values;
  return [cursor.left === 0 ? -1 : cursor.at, ...values];
}

function reader(args: readonly LuaValue[], context: LuaCallContext, functionName: string): ArgumentReader {
  return { args, context, functionName };
}

/** Sets the global `cmsgpack`, as Redis's luaLoadLibraries does. */
export function installCmsgpack(vm: LuaVm): void {
  const newTable = (): LuaTable => vm.newTable();
  const module = vm.newTable();
  module.set('pack', new LuaHostFunction('pack', pack));
  module.set('unpack', new LuaHostFunction('unpack', (args, context) => {
    const arguments_ = reader(args, context, 'unpack');
    return unpackFull(arguments_, checkString(arguments_, 1), 0, 0, newTable);
  }));
  module.set('unpack_one', new LuaHostFunction('unpack_one', (args, context) => {
    const arguments_ = reader(args, context, 'unpack_one');
    const offset = optionalInteger(arguments_, 2, 0);
    return unpackFull(arguments_, checkString(arguments_, 1), 1, offset, newTable);
  }));
  module.set('unpack_limit', new LuaHostFunction('unpack_limit', (args, context) => {
    const arguments_ = reader(args, context, 'unpack_limit');
    const limit = checkInteger(arguments_, 2);
    const offset = optionalInteger(arguments_, 3, 0);
    return unpackFull(arguments_, checkString(arguments_, 1), limit, offset, newTable);
  }));
  module.set('_NAME', 'cmsgpack');
  module.set('_VERSION', 'lua-cmsgpack 0.4.0');
  module.set('_COPYRIGHT', 'Copyright (C) 2012, Salvatore Sanfilippo');
  module.set('_DESCRIPTION', 'MessagePack C implementation for Lua');
  vm.globals.set('cmsgpack', module);
}
