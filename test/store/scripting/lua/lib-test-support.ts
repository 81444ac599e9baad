import {
  LuaError,
  LuaFunction,
  LuaHostFunction,
  type LuaCallContext,
  type LuaTable,
  type LuaVm,
  type LuaValue,
} from '../../../../src/store/scripting/lua/api.js';
import { formatLuaNumber } from '../../../../src/store/scripting/lua/number-format.js';
import type { RespConnection } from '../../../support/resp-connection.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';

/**
 * What the library tests need without the interpreter: a call context that
 * runs host functions directly and positions errors like a script's first
 * line (or like a call made through pcall, which has no position).
 */
export function testContext(where = 'user_script:1: '): LuaCallContext {
  const context: LuaCallContext = {
    call(fn: LuaValue, args: readonly LuaValue[]): LuaValue[] {
      if (fn instanceof LuaHostFunction) return fn.fn(args, context);
      throw new LuaError(`attempt to call a ${typeof fn} value`);
    },
    tostring(value: LuaValue): string {
      if (typeof value === 'number') return formatLuaNumber(value);
      if (typeof value === 'string') return value;
      if (value === undefined) return 'nil';
      if (typeof value === 'boolean') return String(value);
      return value instanceof LuaFunction ? `function: ${value.name}` : 'table';
    },
    where: () => where,
  };
  return context;
}

/** Calls a library function from a table of them as pcall would: [true, results...] or [false, message]. */
export function protectedCall(fn: LuaValue, args: readonly LuaValue[], context = testContext('')): LuaValue[] {
  try {
    return [true, ...context.call(fn, args)];
  } catch (error) {
    if (error instanceof LuaError) return [false, error.value];
    throw error;
  }
}

export function libraryFunction(table: LuaTable, name: string): LuaHostFunction {
  const fn = table.get(name);
  if (!(fn instanceof LuaHostFunction)) throw new Error(`no host function ${name}`);
  return fn;
}

/** The differential scripts' serialisation of a result list: "type:tostring" joined by '|'. */
export function describeResults(values: readonly LuaValue[]): string {
  return values
    .map((value) => {
      if (value === undefined) return 'nil:nil';
      if (typeof value === 'number') return `number:${formatLuaNumber(value)}`;
      if (typeof value === 'string') return `string:${value}`;
      if (typeof value === 'boolean') return `boolean:${String(value)}`;
      return value instanceof LuaFunction ? 'function:' : 'table:';
    })
    .join('|');
}

/** Lua helper prepended to differential scripts: the same serialisation on the real server. */
export const luaDescribeResults = `
local function describe(n, r)
  local out = {}
  for i = 1, n do
    local v = r[i]
    local t = type(v)
    if t == 'function' or t == 'table' then out[i] = t .. ':' else out[i] = t .. ':' .. tostring(v) end
  end
  return table.concat(out, '|')
end
local function pack(...) return select('#', ...), {...} end
`;

/** Runs `script` once per argument list on the real server (one pipeline); every reply must be a bulk string. */
export async function evalEach(connection: RespConnection, script: string, argumentLists: readonly (readonly string[])[]): Promise<string[]> {
  const commands = argumentLists.map((list) => ['EVAL', script, '0', ...list.map((text) => Buffer.from(text, 'latin1'))]);
  const replies = await connection.pipeline(commands);
  return replies.map((reply) => {
    if (reply.kind === 'bulk' && reply.value !== null) return reply.value.toString('latin1');
    if (reply.kind === 'error') return `ERROR ${reply.text}`;
    return `UNEXPECTED ${reply.kind}`;
  });
}

/** The exact double as C's hex float text (strtod reads it back bit for bit). */
export function hexFloatText(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const sign = view.getUint8(0) & 0x80 ? '-' : '';
  const biased = (view.getUint16(0) >>> 4) & 0x7ff;
  const fraction = (BigInt(view.getUint32(0) & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased === 0 && fraction === 0n) return `${sign}0x0p+0`;
  const leading = biased === 0 ? 0 : 1;
  const exponent = biased === 0 ? -1022 : biased - 1023;
  return `${sign}0x${leading}.${fraction.toString(16).padStart(13, '0')}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** Enough of a LuaVm for the library installers: tables and globals (no interpreter). */
export function tableOnlyVm(): LuaVm {
  const globals = createLuaTable();
  const vm: LuaVm = {
    globals,
    newTable: () => createLuaTable(),
    load: () => {
      throw new Error('tableOnlyVm cannot compile');
    },
    start: () => {
      throw new Error('tableOnlyVm cannot run');
    },
    call: (fn, args) => testContext().call(fn, args),
    tostring: (value) => testContext().tostring(value),
    stringMetatable: undefined,
    seedRandom: () => undefined,
  };
  return vm;
}

/** A library installed alone on a table-only VM: its global table, and a direct call of one of its functions. */
export interface InstalledLibrary {
  readonly table: LuaTable;
  call(name: string, ...args: LuaValue[]): LuaValue[];
}

export function installedLibrary(install: (vm: LuaVm) => void, globalName: string): InstalledLibrary {
  const vm = tableOnlyVm();
  install(vm);
  const table = vm.globals.get(globalName);
  if (typeof table !== 'object' || table === null || table instanceof LuaHostFunction || Buffer.isBuffer(table)) throw new Error(`no ${globalName} table`);
  return { table: table as LuaTable, call: (name, ...args) => libraryFunction(table as LuaTable, name).fn(args, testContext()) };
}

/** Error messages of the real server carry the calling line ("user_script:3: "); the bare message is what we compare. */
export function withoutPosition(text: string): string {
  return text.replace(/user_script:\d+: /g, '');
}

export { useRealRedisConnection } from '../../../support/use-real-redis.js';
