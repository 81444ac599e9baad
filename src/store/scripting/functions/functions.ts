import { provideFunctionLibraries, type FunctionLibrariesPort } from '../../persistence/function-libraries-port.js';
import type { StoreNode } from '../../server/node.js';
import { scriptingOf } from '../scripting.js';
import type { FunctionLibrary } from './function-library.js';
import { FunctionLibraries } from './function-libraries.js';
import { extractLibraryMetadata, INVALID_NAME, isValidFunctionName } from './library-metadata.js';
import { LuaFunctionsEngine } from './lua-engine.js';

/** LOAD_TIMEOUT_MS: how long a library's body may run while it registers its functions. */
export const LOAD_TIMEOUT_MS = 500;
/** The one engine (engines dict, case-insensitive names). */
export const LUA_ENGINE_NAME = 'LUA';

const attached = new WeakMap<StoreNode, Functions>();

/**
 * A node's functions (functions.c): the current libraries and the Lua
 * engine that compiles and runs them (its own Lua state, made on first use).
 */
export class Functions implements FunctionLibrariesPort {
  libraries = new FunctionLibraries();
  private engine: LuaFunctionsEngine | undefined;

  constructor(readonly node: StoreNode) {}

  get luaEngine(): LuaFunctionsEngine {
    if (this.engine === undefined) {
      const node = this.node;
      this.engine = new LuaFunctionsEngine(scriptingOf(node), () => node.env.clock.monotonicUs());
    }
    return this.engine;
  }

  /**
   * functionsCreateWithLibraryCtx: parses the shebang, compiles and runs the
   * code, and links the library into `into` (replacing one of the same name
   * when `replace`); the library's name, or the error (nothing changed).
   */
  createLibrary(code: Buffer, replace: boolean, into: FunctionLibraries, timeoutMs: number): { readonly name: string } | { readonly error: string } {
    const metadata = extractLibraryMetadata(code);
    if ('error' in metadata) return metadata;
    if (!isValidFunctionName(metadata.name)) return { error: INVALID_NAME };
    if (metadata.engine.toUpperCase() !== LUA_ENGINE_NAME) return { error: `Engine '${metadata.engine}' not found` };
    const old = into.libraries.get(metadata.name);
    if (old !== undefined && !replace) return { error: `Library '${metadata.name}' already exists` };
    if (old !== undefined) into.unlink(old);
    const library: FunctionLibrary = { name: metadata.name, engine: LUA_ENGINE_NAME, code: Buffer.from(code), functions: new Map() };
    const error = this.luaEngine.create(library, metadata.code, timeoutMs) ?? this.collision(library, into);
    if (error !== undefined) {
      if (old !== undefined) into.link(old);
      return { error };
    }
    into.link(library);
    return { name: metadata.name };
  }

  private collision(library: FunctionLibrary, into: FunctionLibraries): string | undefined {
    if (library.functions.size === 0) return 'No functions registered';
    const colliding = into.collidingFunction(library);
    return colliding === undefined ? undefined : `Function ${colliding.name} already exists`;
  }

  // FunctionLibrariesPort

  codes(): Buffer[] {
    return [...this.libraries.libraries.values()].map((library) => library.code);
  }

  replaceAll(codes: readonly Buffer[]): string | undefined {
    this.libraries.clear();
    return this.load(codes, false);
  }

  load(codes: readonly Buffer[], replace: boolean): string | undefined {
    for (const code of codes) {
      const created = this.createLibrary(code, replace, this.libraries, 0);
      if ('error' in created) return created.error;
    }
    return undefined;
  }

  clear(): void {
    this.libraries.clear();
  }
}

/** The node's functions, made on first use. */
export function functionsOf(node: StoreNode): Functions {
  let functions = attached.get(node);
  if (functions === undefined) {
    functions = new Functions(node);
    attached.set(node, functions);
  }
  return functions;
}

export function installedFunctions(node: StoreNode): Functions | undefined {
  return attached.get(node);
}

/** Persistence's view: nothing is made for a node that never had a library and loads none. */
provideFunctionLibraries((node) => ({
  codes: () => installedFunctions(node)?.codes() ?? [],
  replaceAll: (codes) => {
    if (codes.length > 0) return functionsOf(node).replaceAll(codes);
    installedFunctions(node)?.clear();
    return undefined;
  },
  load: (codes, replace) => functionsOf(node).load(codes, replace),
  clear: () => installedFunctions(node)?.clear(),
}));
