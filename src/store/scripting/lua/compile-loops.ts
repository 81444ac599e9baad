import { LuaHostFunction, type LuaValue } from './api.js';
import type { Statement } from './ast.js';
import { callHost, callValue, pauseAt, stepAndCheck } from './calls.js';
import { asGenerator, generator, whereOf, type CompileContext, type CompiledStatement } from './compiled.js';
import { compileExpression, compileExpressionList } from './compile-expressions.js';
import { ipairsIterator, nextFunction } from './iteration.js';
import { isLuaTable } from './lua-table.js';
import { breakSignal, type Activation, type Completion, type Run } from './runtime.js';
import { runtimeError, toNumber } from './values.js';

type NumericFor = Extract<Statement, { kind: 'numericFor' }>;
type GenericFor = Extract<Statement, { kind: 'genericFor' }>;

function forNumber(value: LuaValue, what: string, where: string): number {
  const number = toNumber(value);
  if (number === undefined) throw runtimeError(where, `'for' ${what} must be a number`);
  return number;
}

export function compileNumericFor(context: CompileContext, statement: NumericFor, body: CompiledStatement): CompiledStatement {
  const state = context.state;
  const where = whereOf(context, statement.line);
  const start = asGenerator(compileExpression(context, statement.start));
  const limit = asGenerator(compileExpression(context, statement.limit));
  const step = statement.step === undefined ? undefined : asGenerator(compileExpression(context, statement.step));
  const { slot, captured } = statement.variable;
  return generator(function* numericFor(activation) {
    const first = forNumber(yield* start(activation), 'initial value', where);
    const last = forNumber(yield* limit(activation), 'limit', where);
    const increment = step === undefined ? 1 : forNumber(yield* step(activation), 'step', where);
    const slots = activation.slots;
    for (let counter = first; increment > 0 ? counter <= last : counter >= last; counter += increment) {
      if (stepAndCheck(state)) yield pauseAt(activation, statement.line);
      slots[slot] = captured ? { v: counter } : counter;
      const completion = body.sync ? body.run(activation) : yield* body.run(activation);
      if (completion === breakSignal) return undefined;
      if (completion !== undefined) return completion;
    }
    return undefined;
  });
}

/** One call of the iterator function; `next` and ipairs' iterator on plain tables skip the call machinery. */
function* iterate(
  context: CompileContext, activation: Activation, iterator: LuaValue, invariant: LuaValue, control: LuaValue, where: string, line: number,
): Run<LuaValue[] | [LuaValue, LuaValue] | undefined> {
  const state = context.state;
  if (iterator === nextFunction && isLuaTable(invariant)) {
    if (stepAndCheck(state)) yield pauseAt(activation, line);
    return invariant.next(control);
  }
  if (iterator === ipairsIterator && isLuaTable(invariant) && typeof control === 'number') {
    if (stepAndCheck(state)) yield pauseAt(activation, line);
    const value = invariant.get(control + 1);
    return value === undefined ? undefined : [control + 1, value];
  }
  activation.line = line;
  if (iterator instanceof LuaHostFunction) {
    if (stepAndCheck(state)) yield pauseAt(activation, line);
    return callHost(state, iterator, [invariant, control], where);
  }
  return yield* callValue(state, iterator, [invariant, control], where, undefined);
}

export function compileGenericFor(context: CompileContext, statement: GenericFor, body: CompiledStatement): CompiledStatement {
  const where = whereOf(context, statement.line);
  const line = statement.line;
  const iterators = asGenerator(compileExpressionList(context, statement.iterators));
  const variables = statement.variables;
  return generator(function* genericFor(activation): Run<Completion> {
    const [iterator, invariant, initial] = yield* iterators(activation);
    let control = initial;
    const slots = activation.slots;
    for (;;) {
      const results = yield* iterate(context, activation, iterator, invariant, control, where, line);
      if (results === undefined || results[0] === undefined) return undefined;
      control = results[0];
      for (let index = 0; index < variables.length; index += 1) {
        const variable = variables[index]!;
        slots[variable.slot] = variable.captured ? { v: results[index] } : results[index];
      }
      const completion = body.sync ? body.run(activation) : yield* body.run(activation);
      if (completion === breakSignal) return undefined;
      if (completion !== undefined) return completion;
    }
  });
}
