import type { LogLevel } from '../../env/env.js';
import { REDIS_VERSION } from '../server/version.js';
import { LuaError, LuaHostFunction, type LuaCallContext, type LuaTable, type LuaValue, type LuaVm } from './lua/api.js';
import { argsToArgv } from './redis-api-arguments.js';
import { replyToLua } from './reply-to-lua.js';
import { errorTable, errorText } from './script-errors.js';
import { sha1Hex } from './script-sha1.js';

/** What redis.call and friends need of the script being run. */
export interface RunningScript {
  /** scriptCall: the command's reply bytes, or the refusal (luaPushError text: `-CODE msg` or a plain message). */
  callCommand(argv: Buffer[]): { readonly reply: Buffer } | { readonly error: string };
  /** redis.setresp: the protocol the script's client speaks. */
  setProtocol(protocol: 2 | 3): void;
  /** redis.set_repl: PROPAGATE_AOF (1) | PROPAGATE_REPL (2) bits. */
  setReplication(flags: number): void;
}

/** The node side of the redis table. */
export interface RedisApiHost {
  /** The running script, or undefined outside a script invocation. */
  currentRun(): RunningScript | undefined;
  /** serverLogRaw at an LL_* level, when the level is at least the configured verbosity. */
  log(level: LogLevel, text: string): void;
  /** Commands known to the node (redis.acl_check_cmd). */
  commandExists(argv: readonly Buffer[]): boolean;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'verbose', 'notice', 'warning'];
/** REDIS_VERSION_NUM of 7.0.15: 0x00MMmmpp. */
const REDIS_VERSION_NUM = 0x07000f;

/** A Lua error carrying Redis's error table, raised at the position of the Lua code that called `context`'s host function. */
export function raiseAt(context: LuaCallContext, value: LuaValue): LuaError {
  const error = new LuaError(value);
  const where = context.where(1);
  if (where !== '') error.position = where;
  return error;
}

function hostFunction(name: string, fn: (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[]): LuaHostFunction {
  return new LuaHostFunction(name, fn);
}

/** luaRedisGenericCommand: redis.call raises error replies, redis.pcall returns them. */
function genericCommand(vm: LuaVm, host: RedisApiHost, raise: boolean): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    const run = host.currentRun();
    if (run === undefined) throw raiseAt(context, errorTable(vm, 'redis.call/pcall can only be called inside a script invocation'));
    const argv = argsToArgv(args);
    if (!Array.isArray(argv)) {
      const table = errorTable(vm, (argv as { readonly error: string }).error);
      if (raise) throw raiseAt(context, table);
      return [table];
    }
    const result = run.callCommand(argv);
    const failed = 'error' in result;
    const value = 'error' in result ? errorTable(vm, result.error, true) : replyToLua(vm, result.reply);
    if (raise && (failed || result.reply[0] === 0x2d)) throw raiseAt(context, value);
    return [value];
  };
}

/** redis.error_reply / redis.status_reply: one string argument, or the "wrong number or type" error table (returned, not raised). */
function singleFieldReply(vm: LuaVm, field: 'err' | 'ok'): (args: readonly LuaValue[]) => LuaValue[] {
  return (args) => {
    const text = args[0];
    if (args.length !== 1 || typeof text !== 'string') return [errorTable(vm, 'wrong number or type of arguments')];
    if (field === 'err') {
      const table = vm.newTable();
      table.set('err', errorText(text.startsWith('-') ? text : `-${text}`));
      return [table];
    }
    const table = vm.newTable();
    table.set('ok', text);
    return [table];
  };
}

function sha1hex(vm: LuaVm): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    if (args.length !== 1) throw raiseAt(context, errorTable(vm, 'wrong number of arguments'));
    const value = args[0];
    const text = typeof value === 'string' ? value : typeof value === 'number' ? vm.tostring(value) : '';
    return [sha1Hex(text)];
  };
}

/** redis.log(level, ...): the arguments that are strings or numbers, joined by spaces. */
function log(vm: LuaVm, host: RedisApiHost): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    if (args.length < 2) throw raiseAt(context, errorTable(vm, 'redis.log() requires two arguments or more.'));
    const level = toNumber(args[0]);
    if (level === undefined) throw raiseAt(context, errorTable(vm, 'First argument must be a number (log level).'));
    const levelName = LOG_LEVELS[Math.trunc(level)];
    if (levelName === undefined || level < 0) throw raiseAt(context, errorTable(vm, 'Invalid debug level.'));
    const parts: string[] = [];
    for (const argument of args.slice(1)) {
      if (typeof argument === 'string' || typeof argument === 'number') parts.push(vm.tostring(argument));
    }
    host.log(levelName, parts.join(' '));
    return [];
  };
}

/** lua_tonumber: numbers, and strings that read as numbers. */
function toNumber(value: LuaValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isNaN(number) ? undefined : number;
}

function setresp(vm: LuaVm, host: RedisApiHost): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    const run = host.currentRun();
    if (run === undefined) throw raiseAt(context, errorTable(vm, 'redis.setresp can only be called inside a script invocation'));
    if (args.length !== 1) throw raiseAt(context, errorTable(vm, 'redis.setresp() requires one argument.'));
    const protocol = Math.trunc(toNumber(args[0]) ?? 0);
    if (protocol !== 2 && protocol !== 3) throw raiseAt(context, errorTable(vm, 'RESP version must be 2 or 3.'));
    run.setProtocol(protocol);
    return [];
  };
}

function setRepl(vm: LuaVm, host: RedisApiHost): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    const run = host.currentRun();
    if (run === undefined) throw raiseAt(context, errorTable(vm, 'redis.set_repl can only be called inside a script invocation'));
    if (args.length !== 1) throw raiseAt(context, errorTable(vm, 'redis.set_repl() requires two arguments.'));
    const flags = Math.trunc(toNumber(args[0]) ?? 0);
    if ((flags & ~3) !== 0) throw raiseAt(context, errorTable(vm, 'Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.'));
    run.setReplication(flags);
    return [];
  };
}

function aclCheckCommand(vm: LuaVm, host: RedisApiHost): (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[] {
  return (args, context) => {
    if (host.currentRun() === undefined) throw raiseAt(context, errorTable(vm, 'redis.acl_check_cmd can only be called inside a script invocation'));
    const argv = argsToArgv(args);
    if (!Array.isArray(argv)) throw raiseAt(context, errorTable(vm, (argv as { readonly error: string }).error));
    if (!host.commandExists(argv)) throw raiseAt(context, errorTable(vm, 'Invalid command passed to redis.acl_check_cmd()'));
    // No ACL users: the default user may run everything.
    return [true];
  };
}

/** luaRegisterRedisAPI + the debugger stubs of scriptingInit: the `redis` table. */
export function createRedisTable(vm: LuaVm, host: RedisApiHost): LuaTable {
  const redis = vm.newTable();
  const functions: Record<string, (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[]> = {
    call: genericCommand(vm, host, true),
    pcall: genericCommand(vm, host, false),
    log: log(vm, host),
    setresp: setresp(vm, host),
    sha1hex: sha1hex(vm),
    error_reply: singleFieldReply(vm, 'err'),
    status_reply: singleFieldReply(vm, 'ok'),
    set_repl: setRepl(vm, host),
    acl_check_cmd: aclCheckCommand(vm, host),
    breakpoint: () => [false],
    debug: () => [],
    replicate_commands: () => [true],
  };
  for (const [name, fn] of Object.entries(functions)) redis.set(name, hostFunction(name, fn));
  const constants: Record<string, LuaValue> = {
    LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3,
    REDIS_VERSION_NUM, REDIS_VERSION,
    REPL_NONE: 0, REPL_AOF: 1, REPL_SLAVE: 2, REPL_REPLICA: 2, REPL_ALL: 3,
  };
  for (const [name, value] of Object.entries(constants)) redis.set(name, value);
  return redis;
}
