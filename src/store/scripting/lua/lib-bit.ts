import { LuaHostFunction, type LuaCallContext, type LuaValue, type LuaVm } from './api.js';
import { toLuaNumber, typeError } from './lib-string-arguments.js';

/**
 * LuaBitOp 1.0.2 (deps/lua/src/lua_bit.c) as the global `bit`: 32-bit
 * operations on numbers, results as signed 32-bit numbers.
 */

const view = new DataView(new ArrayBuffer(8));

/** barg: the number plus 2^52+2^51, whose low 32 bits are the integer rounded to nearest (mod 2^32). */
function bitArgument(args: readonly LuaValue[], index: number, context: LuaCallContext, functionName: string): number {
  const number = toLuaNumber(args[index - 1]);
  view.setFloat64(0, (number ?? 0) + 6755399441055744.0);
  const bits = view.getUint32(4);
  if (bits === 0 && number === undefined) throw typeError(context, args, index, functionName, 'number');
  return bits;
}

function signed(bits: number): number {
  return bits | 0;
}

type BitFunction = (args: readonly LuaValue[], argument: (index: number) => number) => number | string;

function fold(operation: (left: number, right: number) => number): BitFunction {
  return (args, argument) => {
    let bits = argument(1);
    for (let index = args.length; index > 1; index--) bits = operation(bits, argument(index));
    return signed(bits);
  };
}

function shift(operation: (bits: number, count: number) => number): BitFunction {
  return (_args, argument) => {
    const bits = argument(1);
    const count = argument(2) & 31;
    return signed(operation(bits, count));
  };
}

function toHex(args: readonly LuaValue[], argument: (index: number) => number): string {
  let bits = argument(1);
  let digits = args.length < 2 ? 8 : signed(argument(2));
  let alphabet = '0123456789abcdef';
  if (digits < 0) {
    digits = -digits;
    alphabet = '0123456789ABCDEF';
  }
  // -INT_MIN overflows in C; we treat it as the widest form.
  if (digits > 8 || digits < 0) digits = 8;
  let text = '';
  for (let index = 0; index < digits; index++) {
    text = alphabet.charAt(bits & 15) + text;
    bits >>>= 4;
  }
  return text;
}

const bitFunctions: Readonly<Record<string, BitFunction>> = {
  tobit: (_args, argument) => signed(argument(1)),
  bnot: (_args, argument) => signed(~argument(1)),
  band: fold((left, right) => left & right),
  bor: fold((left, right) => left | right),
  bxor: fold((left, right) => left ^ right),
  lshift: shift((bits, count) => bits << count),
  rshift: shift((bits, count) => bits >>> count),
  arshift: shift((bits, count) => signed(bits) >> count),
  rol: shift((bits, count) => (bits << count) | (count === 0 ? 0 : bits >>> (32 - count))),
  ror: shift((bits, count) => (count === 0 ? 0 : bits << (32 - count)) | (bits >>> count)),
  bswap: (_args, argument) => {
    const bits = argument(1);
    return signed((bits >>> 24) | ((bits >>> 8) & 0xff00) | ((bits & 0xff00) << 8) | (bits << 24));
  },
  tohex: toHex,
};

/** Sets the global `bit`, as Redis's luaLoadLibraries does. */
export function installBit(vm: LuaVm): void {
  const module = vm.newTable();
  for (const [name, operation] of Object.entries(bitFunctions)) {
    module.set(
      name,
      new LuaHostFunction(name, (args, context) => [operation(args, (index) => bitArgument(args, index, context, name))]),
    );
  }
  vm.globals.set('bit', module);
}
