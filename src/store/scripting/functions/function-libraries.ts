import { assert } from '../../../core/assert.js';
import type { FunctionLibrary, RegisteredFunction } from './function-library.js';

/**
 * A set of libraries and the functions they register (functions.c
 * functionsLibCtx). Library names are case-sensitive; function names are
 * looked up without case, across libraries. Iteration is in link order.
 */
export class FunctionLibraries {
  readonly libraries = new Map<string, FunctionLibrary>();
  private readonly functions = new Map<string, RegisteredFunction>();

  get functionCount(): number {
    return this.functions.size;
  }

  findFunction(name: string): RegisteredFunction | undefined {
    return this.functions.get(name.toLowerCase());
  }

  /** libraryLink */
  link(library: FunctionLibrary): void {
    assert(!this.libraries.has(library.name), 'a linked library name is unique');
    for (const fn of library.functions.values()) {
      assert(!this.functions.has(fn.name.toLowerCase()), 'a linked function name is unique');
      this.functions.set(fn.name.toLowerCase(), fn);
    }
    this.libraries.set(library.name, library);
  }

  /** libraryUnlink */
  unlink(library: FunctionLibrary): void {
    assert(this.libraries.get(library.name) === library, 'only a linked library is unlinked');
    for (const fn of library.functions.values()) this.functions.delete(fn.name.toLowerCase());
    this.libraries.delete(library.name);
  }

  /** The first of `library`'s functions already linked here, if any. */
  collidingFunction(library: FunctionLibrary): RegisteredFunction | undefined {
    for (const fn of library.functions.values()) if (this.functions.has(fn.name.toLowerCase())) return fn;
    return undefined;
  }

  /**
   * libraryJoin: moves every library of `source` here. On a library name
   * collision it fails unless `replace` (the old library goes); on a
   * function name collision it fails. A failure leaves both sets as they were.
   */
  join(source: FunctionLibraries, replace: boolean): string | undefined {
    const replaced: FunctionLibrary[] = [];
    const restore = (): void => {
      for (const old of replaced) this.link(old);
    };
    for (const library of source.libraries.values()) {
      const old = this.libraries.get(library.name);
      if (old === undefined) continue;
      if (!replace) {
        restore();
        return `Library ${library.name} already exists`;
      }
      this.unlink(old);
      replaced.push(old);
    }
    for (const library of source.libraries.values()) {
      const collision = this.collidingFunction(library);
      if (collision !== undefined) {
        restore();
        return `Function ${collision.name} already exists`;
      }
    }
    for (const library of source.libraries.values()) this.link(library);
    source.clear();
    return undefined;
  }

  /** functionsLibCtxClear */
  clear(): void {
    this.libraries.clear();
    this.functions.clear();
  }
}
