import type { StoreNode } from '../server/node.js';

/**
 * What persistence needs of a node's function libraries (the scripting
 * layer provides it, so persistence does not import scripting): their codes
 * for rdbSaveFunctions, and replacing them all with loaded ones.
 */
export interface FunctionLibrariesPort {
  /** Every library's code, in the order FUNCTION LIST gives them. */
  codes(): Buffer[];
  /** Drops every library, then creates these (an RDB load); the error of the first that fails. */
  replaceAll(codes: readonly Buffer[]): string | undefined;
  /** rdbFunctionLoad into the current libraries (DEBUG RELOAD NOFLUSH), replacing same-named ones when `replace`; the first error. */
  load(codes: readonly Buffer[], replace: boolean): string | undefined;
  /** functionsLibCtxClearCurrent (DEBUG LOADAOF's emptyData). */
  clear(): void;
}

let provider: ((node: StoreNode) => FunctionLibrariesPort) | undefined;

/** Installed once by the scripting layer when its modules load (before any node serves or loads). */
export function provideFunctionLibraries(factory: (node: StoreNode) => FunctionLibrariesPort): void {
  provider = factory;
}

/** The node's function libraries, or undefined in a build without functions. */
export function functionLibrariesOf(node: StoreNode): FunctionLibrariesPort | undefined {
  return provider?.(node);
}
