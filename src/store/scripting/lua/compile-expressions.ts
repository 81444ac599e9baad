import { LuaHostFunction, type LuaValue } from './api.js';
import type { BinaryOperator, Expression, FunctionNode } from './ast.js';
import { callHost, callValue, completionValues, enterClosure, leaveClosure, stepAndCheck } from './calls.js';
import {
  asGenerator, generator, isMultiValued, sync, variableName, whereOf,
  type CompileContext, type CompiledExpression, type CompiledValues,
} from './compiled.js';
import { createLuaTable, isLuaTable, type LuaTableImpl } from './lua-table.js';
import {
  arithmetic, concatenate, equals, index, length, lessEqual, lessThan, negate, type ArithmeticOperator,
} from './operations.js';
import { runtimeError } from './values.js';
import { LuaClosure, pauseSignal, TailCall, type Activation, type Cell, type InterpreterState, type Run } from './runtime.js';

export function compileExpression(context: CompileContext, expression: Expression): CompiledExpression {
  switch (expression.kind) {
    case 'nil': return sync(() => undefined);
    case 'true': return sync(() => true);
    case 'false': return sync(() => false);
    case 'number': case 'string': {
      const value = expression.value;
      return sync(() => value);
    }
    case 'vararg': return sync((activation) => activation.varargs[0]);
    case 'function': return compileClosure(context, expression.node);
    case 'local': return compileLocal(expression.variable.slot, expression.variable.captured);
    case 'upvalue': {
      const upvalue = expression.index;
      return sync((activation) => activation.closure.upvalues[upvalue]!.v);
    }
    case 'global': return compileGlobal(context, expression.name, expression.line);
    case 'index': return compileIndex(context, expression.object, expression.key, expression.line);
    case 'call': case 'method': return compileCall(context, expression, true);
    case 'binary':
      return compileBinaryChain(context, expression) ?? compileBinary(context, expression.operator, expression.left, expression.right, expression.line);
    case 'and': case 'or': return compileLogical(context, expression.kind, expression.left, expression.right);
    case 'not': return compileUnary(compileExpression(context, expression.operand), (value) => value === undefined || value === false);
    case 'negate': return compileNegate(context, expression.operand, expression.line);
    case 'length': {
      const where = whereOf(context, expression.line);
      const name = variableName(expression.operand);
      const state = context.state;
      const line = expression.line;
      return compileUnary(compileExpression(context, expression.operand), (value, activation) => {
        if (typeof value === 'string') return value.length;
        activation.line = line;
        return length(state, value, where, name);
      });
    }
    case 'table': return compileTable(context, expression);
    case 'paren': return compileExpression(context, expression.inner);
  }
}

function compileLocal(slot: number, captured: boolean): CompiledExpression {
  if (captured) return sync((activation) => (activation.slots[slot] as Cell).v);
  return sync((activation) => activation.slots[slot] as LuaValue);
}

function compileGlobal(context: CompileContext, name: string, line: number): CompiledExpression {
  const state = context.state;
  const where = whereOf(context, line);
  return sync((activation) => {
    const environment = activation.closure.environment;
    const value = environment.get(name);
    if (value !== undefined || environment.metatable === undefined) return value;
    activation.line = line;
    return index(state, environment, name, where, undefined);
  });
}

export function compileClosure(context: CompileContext, node: FunctionNode): CompiledExpression {
  const prototype = context.compileFunction(node);
  const sources = node.upvalues.map((upvalue) => upvalue.source);
  return sync((activation) => {
    const upvalues: Cell[] = sources.map((source) =>
      source.from === 'local' ? (activation.slots[source.variable.slot] as Cell) : activation.closure.upvalues[source.index]!);
    return new LuaClosure(prototype, upvalues, activation.closure.environment);
  });
}

function readIndex(
  state: InterpreterState, object: LuaValue, key: LuaValue, where: string, name: string | undefined, activation: Activation, line: number,
): LuaValue {
  if (isLuaTable(object)) {
    const value = object.get(key);
    if (value !== undefined || object.metatable === undefined) return value;
  }
  activation.line = line;
  return index(state, object, key, where, name);
}

function compileIndex(context: CompileContext, objectExpression: Expression, keyExpression: Expression, line: number): CompiledExpression {
  const state = context.state;
  const where = whereOf(context, line);
  const name = variableName(objectExpression);
  const object = compileExpression(context, objectExpression);
  const key = compileExpression(context, keyExpression);
  if (object.sync && key.sync) {
    const objectRun = object.run;
    const keyRun = key.run;
    return sync((activation) => readIndex(state, objectRun(activation), keyRun(activation), where, name, activation, line));
  }
  return generator(function* indexed(activation) {
    const objectValue = object.sync ? object.run(activation) : yield* object.run(activation);
    const keyValue = key.sync ? key.run(activation) : yield* key.run(activation);
    return readIndex(state, objectValue, keyValue, where, name, activation, line);
  });
}

function compileUnary(operand: CompiledExpression, apply: (value: LuaValue, activation: Activation) => LuaValue): CompiledExpression {
  if (operand.sync) {
    const run = operand.run;
    return sync((activation) => apply(run(activation), activation));
  }
  const run = operand.run;
  return generator(function* unary(activation) {
    return apply(yield* run(activation), activation);
  });
}

function compileNegate(context: CompileContext, operandExpression: Expression, line: number): CompiledExpression {
  const state = context.state;
  const where = whereOf(context, line);
  const name = variableName(operandExpression);
  return compileUnary(compileExpression(context, operandExpression), (value, activation) => {
    if (typeof value === 'number') return -value;
    activation.line = line;
    return negate(state, value, where, name);
  });
}

type BinaryApply = (left: LuaValue, right: LuaValue, activation: Activation) => LuaValue;

/** The operation of a binary operator on two evaluated operands; slow paths (metamethods, errors) record the line first. */
function binaryOperation(
  context: CompileContext, operator: BinaryOperator, line: number, leftName: string | undefined, rightName: string | undefined,
): BinaryApply {
  const state = context.state;
  const where = whereOf(context, line);
  const slowArithmetic = (operation: ArithmeticOperator, l: LuaValue, r: LuaValue, activation: Activation): LuaValue => {
    activation.line = line;
    return arithmetic(state, operation, l, r, where, leftName, rightName);
  };
  const slowOrder = (compare: typeof lessThan, l: LuaValue, r: LuaValue, activation: Activation): boolean => {
    activation.line = line;
    return compare(state, l, r, where);
  };
  switch (operator) {
    case '+': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l + r : slowArithmetic('+', l, r, a));
    case '-': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l - r : slowArithmetic('-', l, r, a));
    case '*': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l * r : slowArithmetic('*', l, r, a));
    case '/': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l / r : slowArithmetic('/', l, r, a));
    case '%': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l - Math.floor(l / r) * r : slowArithmetic('%', l, r, a));
    case '^': return (l, r, a) => slowArithmetic('^', l, r, a);
    case '..': return (l, r, a) => {
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      a.line = line;
      return concatenate(state, l, r, where, leftName, rightName);
    };
    case '==': return (l, r, a) => l === r || (isLuaTable(l) && isLuaTable(r) && ((a.line = line), equals(state, l, r)));
    case '~=': return (l, r, a) => !(l === r || (isLuaTable(l) && isLuaTable(r) && ((a.line = line), equals(state, l, r))));
    case '<': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l < r : slowOrder(lessThan, l, r, a));
    case '<=': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l <= r : slowOrder(lessEqual, l, r, a));
    case '>': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l > r : slowOrder(lessThan, r, l, a));
    case '>=': return (l, r, a) => (typeof l === 'number' && typeof r === 'number' ? l >= r : slowOrder(lessEqual, r, l, a));
  }
}

function compileBinary(
  context: CompileContext, operator: BinaryOperator, leftExpression: Expression, rightExpression: Expression, line: number,
): CompiledExpression {
  const apply = binaryOperation(context, operator, line, variableName(leftExpression), variableName(rightExpression));
  const left = compileExpression(context, leftExpression);
  const right = compileExpression(context, rightExpression);
  if (left.sync && right.sync) {
    const leftRun = left.run;
    const rightRun = right.run;
    return sync((activation) => apply(leftRun(activation), rightRun(activation), activation));
  }
  return generator(function* binary(activation) {
    const leftValue = left.sync ? left.run(activation) : yield* left.run(activation);
    const rightValue = right.sync ? right.run(activation) : yield* right.run(activation);
    return apply(leftValue, rightValue, activation);
  });
}

/** Left-associative chains this long (1+1+...+1) are evaluated by a loop: recursion that deep would exhaust the JS stack. */
const chainLengthLooped = 64;

interface ChainLink {
  readonly apply: BinaryApply;
  readonly right: CompiledExpression;
}

function compileBinaryChain(context: CompileContext, expression: Extract<Expression, { kind: 'binary' }>): CompiledExpression | undefined {
  const spine: Extract<Expression, { kind: 'binary' }>[] = [];
  let head: Expression = expression;
  while (head.kind === 'binary') {
    spine.push(head);
    head = head.left;
  }
  if (spine.length < chainLengthLooped) return undefined;
  spine.reverse();
  const first = compileExpression(context, head);
  const links: ChainLink[] = spine.map((link, position) => ({
    apply: binaryOperation(context, link.operator, link.line, position === 0 ? variableName(head) : undefined, variableName(link.right)),
    right: compileExpression(context, link.right),
  }));
  if (first.sync && links.every((link) => link.right.sync)) {
    const firstRun = first.run;
    const rights = links.map((link) => link.right.run as (activation: Activation) => LuaValue);
    return sync((activation) => {
      let value = firstRun(activation);
      for (let index = 0; index < links.length; index += 1) value = links[index]!.apply(value, rights[index]!(activation), activation);
      return value;
    });
  }
  return generator(function* chain(activation) {
    let value = first.sync ? first.run(activation) : yield* first.run(activation);
    for (const link of links) {
      const right = link.right.sync ? link.right.run(activation) : yield* link.right.run(activation);
      value = link.apply(value, right, activation);
    }
    return value;
  });
}

function compileLogical(context: CompileContext, kind: 'and' | 'or', leftExpression: Expression, rightExpression: Expression): CompiledExpression {
  const left = compileExpression(context, leftExpression);
  const right = compileExpression(context, rightExpression);
  const isAnd = kind === 'and';
  if (left.sync && right.sync) {
    const leftRun = left.run;
    const rightRun = right.run;
    return sync((activation) => {
      const value = leftRun(activation);
      const truthy = value !== undefined && value !== false;
      return truthy === isAnd ? rightRun(activation) : value;
    });
  }
  return generator(function* logical(activation) {
    const value = left.sync ? left.run(activation) : yield* left.run(activation);
    const truthy = value !== undefined && value !== false;
    if (truthy !== isAnd) return value;
    return right.sync ? right.run(activation) : yield* right.run(activation);
  });
}

interface TablePart {
  readonly key: ((activation: Activation) => Run<LuaValue>) | undefined;
  readonly value: (activation: Activation) => Run<LuaValue>;
}

function setKeyed(table: LuaTableImpl, key: LuaValue, value: LuaValue, where: string): void {
  if (key === undefined) throw runtimeError(where, 'table index is nil');
  if (typeof key === 'number' && Number.isNaN(key)) throw runtimeError(where, 'table index is NaN');
  table.set(key, value);
}

function compileTable(context: CompileContext, expression: Extract<Expression, { kind: 'table' }>): CompiledExpression {
  const where = whereOf(context, expression.line);
  if (expression.items.length === 0) return sync(() => createLuaTable());
  const last = expression.items[expression.items.length - 1]!;
  const expandsLast = last.kind === 'positional' && isMultiValued(last.value);
  const items = expandsLast ? expression.items.slice(0, -1) : expression.items;
  const parts: TablePart[] = items.map((item) => ({
    key: item.kind === 'keyed' ? asGenerator(compileExpression(context, item.key)) : undefined,
    value: asGenerator(compileExpression(context, item.value)),
  }));
  const tail = expandsLast ? asGenerator(compileValues(context, last.value)) : undefined;
  return generator(function* table(activation) {
    const created = createLuaTable();
    const positional: LuaValue[] = [];
    for (const part of parts) {
      if (part.key === undefined) {
        positional.push(yield* part.value(activation));
      } else {
        const key = yield* part.key(activation);
        setKeyed(created, key, yield* part.value(activation), where);
      }
    }
    if (tail !== undefined) positional.push(...(yield* tail(activation)));
    if (positional.length > 0) created.setConstructorItems(positional);
    return created;
  });
}

type CallExpression = Extract<Expression, { kind: 'call' | 'method' }>;

/** A call or method call: all its results, or (`firstOnly`) just the first. */
export function compileCall(context: CompileContext, expression: CallExpression, firstOnly: true): CompiledExpression;
export function compileCall(context: CompileContext, expression: CallExpression, firstOnly?: false): CompiledValues;
export function compileCall(context: CompileContext, expression: CallExpression, firstOnly = false): CompiledValues | CompiledExpression {
  const state = context.state;
  const where = whereOf(context, expression.line);
  const line = expression.line;
  const args = compileExpressionList(context, expression.args);
  const isMethod = expression.kind === 'method';
  const name = variableName(expression.kind === 'method' ? expression : expression.callee);
  const target = compileExpression(context, expression.kind === 'method' ? expression.object : expression.callee);
  const methodName = expression.kind === 'method' ? expression.name : '';
  const objectName = expression.kind === 'method' ? variableName(expression.object) : undefined;
  function* call(activation: Activation): Run<LuaValue[]> {
    const targetValue = target.sync ? target.run(activation) : yield* target.run(activation);
    const fn = isMethod ? readIndex(state, targetValue, methodName, where, objectName, activation, line) : targetValue;
    const argValues = args.sync ? args.run(activation) : yield* args.run(activation);
    if (isMethod) argValues.unshift(targetValue);
    activation.line = line;
    if (fn instanceof LuaHostFunction) {
      if (stepAndCheck(state)) yield pauseSignal;
      return callHost(state, fn, argValues, where);
    }
    if (!(fn instanceof LuaClosure)) return yield* callValue(state, fn, argValues, where, name);
    // A Lua function directly, without callValue's generator (the same steps are counted).
    if (stepAndCheck(state)) yield pauseSignal;
    const activationCalled = enterClosure(state, fn, argValues, where);
    const completion = yield* fn.prototype.body(activationCalled);
    leaveClosure(state);
    if (!(completion instanceof TailCall)) return completionValues(completion);
    return yield* callValue(state, completion.fn, completion.args, completion.where, completion.calleeName);
  }
  if (!firstOnly) return generator(call);
  // call's body again rather than `(yield* call(a))[0]`: one generator less per call, 10-15% on call-heavy scripts (measured).
  return generator(function* callFirst(activation: Activation): Run<LuaValue> {
    const targetValue = target.sync ? target.run(activation) : yield* target.run(activation);
    const fn = isMethod ? readIndex(state, targetValue, methodName, where, objectName, activation, line) : targetValue;
    const argValues = args.sync ? args.run(activation) : yield* args.run(activation);
    if (isMethod) argValues.unshift(targetValue);
    activation.line = line;
    if (fn instanceof LuaHostFunction) {
      if (stepAndCheck(state)) yield pauseSignal;
      return callHost(state, fn, argValues, where)[0];
    }
    if (!(fn instanceof LuaClosure)) return (yield* callValue(state, fn, argValues, where, name))[0];
    if (stepAndCheck(state)) yield pauseSignal;
    const activationCalled = enterClosure(state, fn, argValues, where);
    const completion = yield* fn.prototype.body(activationCalled);
    leaveClosure(state);
    if (!(completion instanceof TailCall)) return completionValues(completion)[0];
    return (yield* callValue(state, completion.fn, completion.args, completion.where, completion.calleeName))[0];
  });
}

/** A multi-valued expression in a position that keeps all values (the last of a list). */
export function compileValues(context: CompileContext, expression: Expression): CompiledValues {
  if (expression.kind === 'vararg') return sync((activation) => activation.varargs.slice());
  if (expression.kind === 'call' || expression.kind === 'method') return compileCall(context, expression);
  const single = compileExpression(context, expression);
  if (single.sync) {
    const run = single.run;
    return sync((activation) => [run(activation)]);
  }
  const run = single.run;
  return generator(function* one(activation) {
    return [yield* run(activation)];
  });
}

/** An expression list: every value, the last expression expanded. A fresh array each time (callers may keep it). */
export function compileExpressionList(context: CompileContext, expressions: readonly Expression[]): CompiledValues {
  if (expressions.length === 0) return sync(() => []);
  const last = expressions[expressions.length - 1]!;
  const expands = isMultiValued(last);
  const singles = (expands ? expressions.slice(0, -1) : expressions).map((expression) => compileExpression(context, expression));
  const tail = expands ? compileValues(context, last) : undefined;
  if (singles.every((single) => single.sync) && (tail === undefined || tail.sync)) {
    const runs = singles.map((single) => single.run as (activation: Activation) => LuaValue);
    const tailRun = tail?.run as ((activation: Activation) => LuaValue[]) | undefined;
    if (runs.length === 1 && tailRun === undefined) {
      const only = runs[0]!;
      return sync((activation) => [only(activation)]);
    }
    return sync((activation) => {
      const values = runs.map((run) => run(activation));
      if (tailRun !== undefined) for (const value of tailRun(activation)) values.push(value);
      return values;
    });
  }
  return generator(function* list(activation) {
    const values: LuaValue[] = [];
    for (let index = 0; index < singles.length; index += 1) {
      const single = singles[index]!;
      values.push(single.sync ? single.run(activation) : yield* single.run(activation));
    }
    if (tail === undefined) return values;
    const tailValues = tail.sync ? tail.run(activation) : yield* tail.run(activation);
    for (const value of tailValues) values.push(value);
    return values;
  });
}
