import { LuaHostFunction, type LuaCallContext, type LuaTable, type LuaValue, type LuaVm } from './api.js';
import { cjsonNull, defaultCjsonConfig, type CjsonConfig } from './lib-cjson-config.js';
import { decodeJson } from './lib-cjson-decode.js';
import { encodeJson } from './lib-cjson-encode.js';
import { argumentError, checkInteger, checkString, type ArgumentReader } from './lib-string-arguments.js';

/**
 * Redis's bundled lua-cjson 2.1.0 (deps/lua/src/lua_cjson.c) as the global
 * `cjson`: encode, decode, null, the configuration functions and new().
 */

const intMax = 2 ** 31 - 1;

/** json_arg_init: more than `count` arguments is an error. */
function checkArgumentCount(reader: ArgumentReader, count: number): void {
  if (reader.args.length > count) throw argumentError(reader.context, count + 1, reader.functionName, 'found too many arguments');
}

/** json_integer_option: sets the setting when the argument is not nil; returns the (new) value. */
function integerOption(reader: ArgumentReader, index: number, current: number, min: number, max: number): number {
  if (reader.args[index - 1] === undefined) return current;
  const value = Number(BigInt.asIntN(32, BigInt(checkInteger(reader, index))));
  // lua_cjson reports a range error against argument 1 whatever the position.
  if (value < min || value > max) throw argumentError(reader.context, 1, reader.functionName, `expected integer between ${min} and ${max}`);
  return value;
}

/** json_enum_option: a boolean or one of `options` (luaL_checkoption); returns the index. */
function enumOption(reader: ArgumentReader, index: number, current: number, options: readonly string[]): number {
  const value = reader.args[index - 1];
  if (value === undefined) return current;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const name = checkString(reader, index);
  const found = options.indexOf(name);
  if (found < 0) throw argumentError(reader.context, index, reader.functionName, `invalid option '${name}'`);
  return found;
}

type ConfigFunction = (reader: ArgumentReader, config: CjsonConfig) => LuaValue[];

const configFunctions: Readonly<Record<string, ConfigFunction>> = {
  encode_sparse_array: (reader, config) => {
    checkArgumentCount(reader, 3);
    config.encodeSparseConvert = enumOption(reader, 1, config.encodeSparseConvert ? 1 : 0, ['off', 'on']) === 1;
    config.encodeSparseRatio = integerOption(reader, 2, config.encodeSparseRatio, 0, intMax);
    config.encodeSparseSafe = integerOption(reader, 3, config.encodeSparseSafe, 0, intMax);
    return [config.encodeSparseConvert, config.encodeSparseRatio, config.encodeSparseSafe];
  },
  encode_max_depth: (reader, config) => {
    checkArgumentCount(reader, 1);
    config.encodeMaxDepth = integerOption(reader, 1, config.encodeMaxDepth, 1, intMax);
    return [config.encodeMaxDepth];
  },
  decode_max_depth: (reader, config) => {
    checkArgumentCount(reader, 1);
    config.decodeMaxDepth = integerOption(reader, 1, config.decodeMaxDepth, 1, intMax);
    return [config.decodeMaxDepth];
  },
  encode_number_precision: (reader, config) => {
    checkArgumentCount(reader, 1);
    config.encodeNumberPrecision = integerOption(reader, 1, config.encodeNumberPrecision, 1, 14);
    return [config.encodeNumberPrecision];
  },
  encode_keep_buffer: (reader, config) => {
    checkArgumentCount(reader, 1);
    // Only memory reuse hangs on it in C; we keep the setting to report it back.
    config.encodeKeepBuffer = enumOption(reader, 1, config.encodeKeepBuffer ? 1 : 0, ['off', 'on']) === 1;
    return [config.encodeKeepBuffer];
  },
  encode_invalid_numbers: (reader, config) => {
    checkArgumentCount(reader, 1);
    const mode = enumOption(reader, 1, config.encodeInvalidNumbers, ['off', 'on', 'null']);
    config.encodeInvalidNumbers = mode === 2 ? 2 : mode === 1 ? 1 : 0;
    return [mode === 2 ? 'null' : mode === 1];
  },
  decode_invalid_numbers: (reader, config) => {
    checkArgumentCount(reader, 1);
    config.decodeInvalidNumbers = enumOption(reader, 1, config.decodeInvalidNumbers ? 1 : 0, ['off', 'on']) === 1;
    return [config.decodeInvalidNumbers];
  },
};

function reader(args: readonly LuaValue[], context: LuaCallContext, functionName: string): ArgumentReader {
  return { args, context, functionName };
}

/** lua_cjson_new: a module table with its own configuration. */
export function createCjsonModule(newTable: () => LuaTable): LuaTable {
  const config = defaultCjsonConfig();
  const module = newTable();
  module.set('encode', new LuaHostFunction('encode', (args, context) => {
    if (args.length !== 1) throw argumentError(context, 1, 'encode', 'expected 1 argument');
    return [encodeJson(args[0], config, context)];
  }));
  module.set('decode', new LuaHostFunction('decode', (args, context) => {
    if (args.length !== 1) throw argumentError(context, 1, 'decode', 'expected 1 argument');
    const text = checkString(reader(args, context, 'decode'), 1);
    return [decodeJson(text, config, context, newTable)];
  }));
  for (const [name, configure] of Object.entries(configFunctions)) {
    module.set(name, new LuaHostFunction(name, (args, context) => configure(reader(args, context, name), config)));
  }
  module.set('new', new LuaHostFunction('new', () => [createCjsonModule(newTable)]));
  module.set('null', cjsonNull);
  module.set('_NAME', 'cjson');
  module.set('_VERSION', '2.1.0');
  return module;
}

/** Sets the global `cjson`, as Redis's luaLoadLibraries does. */
export function installCjson(vm: LuaVm): void {
  vm.globals.set('cjson', createCjsonModule(() => vm.newTable()));
}
