import { isInvariantError } from '../../../core/assert.js';
import { REDIS_VERSION } from '../../server/version.js';
import { LuaError, LuaFunction, LuaHostFunction, LuaSyntaxError, type LuaTable, type LuaValue, type LuaVm } from '../lua/api.js';
import { missingGlobalMetatable, Protection } from '../global-protection.js';
import { createLuaEnvironment } from '../lua-environment.js';
import { createRedisTable, raiseAt, type RedisApiHost } from '../redis-api.js';
import { errorTable } from '../script-errors.js';
import { INSTRUCTIONS_PER_MS, SLICE_INSTRUCTIONS } from '../script-run.js';
import type { FunctionLibrary } from './function-library.js';
import { INVALID_NAME, isValidFunctionName } from './library-metadata.js';
import { readRegisterFunctionArguments } from './register-function.js';

/** REDIS_VERSION_NUM of 7.0.15. */
const REDIS_VERSION_NUM = 0x07000f;

/** luaExtractErrorInformation's message: `ERR <text>` for a string, the `err` field of a table. */
function errorMessageOf(vm: LuaVm, value: LuaValue): string {
  if (typeof value === 'string' || typeof value === 'number') return `ERR ${vm.tostring(value)}`;
  if (typeof value === 'object' && !(value instanceof LuaFunction)) {
    const err = value.get('err');
    if (typeof err === 'string' || typeof err === 'number') return vm.tostring(err);
  }
  // Redis formats a missing message with %s of NULL.
  return '(null)';
}

/**
 * The Lua engine of functions (function_lua.c): its own Lua state, with the
 * same locked globals as EVAL's while functions run. While a library loads,
 * the globals read through another table instead: only `redis` with
 * register_function, log, the LOG_* levels and the version, anything else
 * raising "Script attempted to access nonexistent global variable".
 */
export class LuaFunctionsEngine {
  readonly vm: LuaVm;
  /** The table the running functions' globals live in. */
  readonly globals: LuaTable;
  private readonly loadGlobals: LuaTable;
  private loading: FunctionLibrary | undefined;

  constructor(
    host: RedisApiHost,
    private readonly monotonicUs: () => number,
  ) {
    const environment = createLuaEnvironment(host);
    this.vm = environment.vm;
    this.globals = environment.globals;
    this.loadGlobals = this.createLoadGlobals(host);
  }

  private createLoadGlobals(host: RedisApiHost): LuaTable {
    const vm = this.vm;
    const protection = new Protection(vm);
    const api = vm.newTable();
    api.set('register_function', new LuaHostFunction('register_function', (args, context) => {
      const error = this.registerFunction(args);
      if (error !== undefined) throw raiseAt(context, errorTable(vm, error));
      return [];
    }));
    api.set('log', createRedisTable(vm, host).get('log'));
    const constants: Record<string, LuaValue> = { LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3, REDIS_VERSION_NUM, REDIS_VERSION };
    for (const [name, value] of Object.entries(constants)) api.set(name, value);
    api.metatable = missingGlobalMetatable(vm);
    const globals = vm.newTable();
    globals.set('redis', protection.view(api));
    globals.metatable = missingGlobalMetatable(vm);
    return globals;
  }

  /** luaRegisterFunction: adds the function to the library being loaded; the error text otherwise. */
  private registerFunction(args: readonly LuaValue[]): string | undefined {
    const library = this.loading;
    if (library === undefined) return 'redis.register_function can only be called on FUNCTION LOAD command';
    const parsed = readRegisterFunctionArguments(this.vm, args);
    if ('error' in parsed) return parsed.error;
    if (!isValidFunctionName(parsed.name)) return INVALID_NAME;
    if (library.functions.has(parsed.name)) return 'Function already exists in the library';
    library.functions.set(parsed.name, { ...parsed, libraryName: library.name });
    return undefined;
  }

  /**
   * luaEngineCreate: compiles the code and runs it with the load-time
   * globals so it registers its functions into `library`; the error text
   * on failure. `timeoutMs` 0 means no limit (a master or the AOF).
   */
  create(library: FunctionLibrary, code: Buffer, timeoutMs: number): string | undefined {
    const vm = this.vm;
    let chunk: LuaFunction;
    try {
      chunk = vm.load(code.toString('latin1'), 'user_function');
    } catch (error) {
      if (!(error instanceof LuaSyntaxError)) throw error;
      return `Error compiling function: ${error.message}`;
    }
    const globalsMetatable = vm.globals.metatable;
    const runtimeGlobals = globalsMetatable?.get('__index');
    globalsMetatable?.set('__index', this.loadGlobals);
    this.loading = library;
    try {
      const failure = this.runLoad(chunk, timeoutMs);
      return failure === undefined ? undefined : `Error registering functions: ${failure}`;
    } finally {
      this.loading = undefined;
      globalsMetatable?.set('__index', runtimeGlobals);
    }
  }

  /** Runs the library's body under luaEngineLoadHook's time limit. */
  private runLoad(chunk: LuaFunction, timeoutMs: number): string | undefined {
    const startUs = this.monotonicUs();
    const execution = this.vm.start(chunk, []);
    try {
      for (;;) {
        if (execution.run(SLICE_INSTRUCTIONS).done) return undefined;
        const elapsedMs = Math.max(Math.floor((this.monotonicUs() - startUs) / 1000), Math.floor(execution.instructions / INSTRUCTIONS_PER_MS));
        if (timeoutMs > 0 && elapsedMs > timeoutMs) return 'ERR FUNCTION LOAD timeout';
      }
    } catch (error) {
      if (error instanceof LuaError) return errorMessageOf(this.vm, error.value);
      if (isInvariantError(error)) throw error;
      return `ERR ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
