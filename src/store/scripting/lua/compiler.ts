import { LuaSyntaxError } from './api.js';
import type { FunctionNode } from './ast.js';
import { asGenerator, type CompileContext } from './compiled.js';
import { compileBlock } from './compile-statements.js';
import { parseChunk } from './parser.js';
import type { InterpreterState, Prototype } from './runtime.js';

/** Parses and compiles a chunk into the prototype of its main function (throws LuaSyntaxError). */
export function compileChunk(state: InterpreterState, source: string, chunkName: string): Prototype {
  const main = parseChunk(source, chunkName);
  const context: CompileContext = {
    state,
    chunkName,
    compileFunction: (node) => compileFunction(context, node),
  };
  try {
    return compileFunction(context, main);
  } catch (error) {
    // Very long left-associative chains (1+1+...+1) nest deeper than the JS stack allows: refuse them like deep nesting.
    if (error instanceof RangeError) throw new LuaSyntaxError(`${chunkName}: chunk has too many syntax levels`);
    throw error;
  }
}

function compileFunction(context: CompileContext, node: FunctionNode): Prototype {
  const body = asGenerator(compileBlock(context, node.body));
  return {
    name: node.name,
    chunkName: context.chunkName,
    slotCount: node.slotCount,
    parameterSlots: node.parameters.map((parameter) => ({ slot: parameter.slot, captured: parameter.captured })),
    isVararg: node.isVararg,
    argSlot: node.argVariable === undefined ? undefined : { slot: node.argVariable.slot, captured: node.argVariable.captured },
    body,
  };
}
