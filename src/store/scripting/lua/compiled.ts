import type { LuaValue } from './api.js';
import type { Expression, FunctionNode } from './ast.js';
import type { Activation, Completion, InterpreterState, Prototype, Run } from './runtime.js';

/**
 * Compiled code is JS closures over an Activation. Code that can call a
 * function or loop is a generator (it may pause or yield a coroutine); code
 * that cannot is a plain function, which is much faster.
 */
export type Compiled<T> =
  | { readonly sync: true; readonly run: (activation: Activation) => T }
  | { readonly sync: false; readonly run: (activation: Activation) => Run<T> };

export type CompiledExpression = Compiled<LuaValue>;
export type CompiledValues = Compiled<LuaValue[]>;
export type CompiledStatement = Compiled<Completion>;

/** What the expression and statement compilers share. */
export interface CompileContext {
  readonly state: InterpreterState;
  readonly chunkName: string;
  compileFunction(node: FunctionNode): Prototype;
}

export function sync<T>(run: (activation: Activation) => T): Compiled<T> {
  return { sync: true, run };
}

export function generator<T>(run: (activation: Activation) => Run<T>): Compiled<T> {
  return { sync: false, run };
}

/** The generator form of any compiled code. */
export function asGenerator<T>(compiled: Compiled<T>): (activation: Activation) => Run<T> {
  if (!compiled.sync) return compiled.run;
  const run = compiled.run;
  return function* syncAsGenerator(activation) {
    return run(activation);
  };
}

export function whereOf(context: CompileContext, line: number): string {
  return `${context.chunkName}:${line}: `;
}

/** How Lua 5.1 names a variable in error messages ("global 'x'"), when it can. */
export function variableName(expression: Expression): string | undefined {
  switch (expression.kind) {
    case 'local': return `local '${expression.variable.name}'`;
    case 'upvalue': return `upvalue '${expression.name}'`;
    case 'global': return `global '${expression.name}'`;
    case 'index': return expression.key.kind === 'string' ? `field '${expression.key.value}'` : undefined;
    case 'method': return `method '${expression.name}'`;
    default: return undefined;
  }
}

/** Does the expression produce several values in a multi-value position? */
export function isMultiValued(expression: Expression): boolean {
  return expression.kind === 'call' || expression.kind === 'method' || expression.kind === 'vararg';
}
