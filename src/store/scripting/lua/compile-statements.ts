import { LuaHostFunction, type LuaValue } from './api.js';
import type { Block, Expression, LocalVariable, Statement } from './ast.js';
import { callHost, callValue, pauseAt, stepAndCheck } from './calls.js';
import {
  asGenerator, generator, sync, variableName, whereOf,
  type CompileContext, type CompiledStatement, type CompiledValues,
} from './compiled.js';
import { compileCall, compileClosure, compileExpression, compileExpressionList } from './compile-expressions.js';
import { compileGenericFor, compileNumericFor } from './compile-loops.js';
import { isLuaTable } from './lua-table.js';
import { setIndex } from './operations.js';
import { breakSignal, LuaIntrinsic, pauseSignal, TailCall, type Activation, type Cell, type Completion, type Run } from './runtime.js';

export function compileBlock(context: CompileContext, block: Block): CompiledStatement {
  const statements = block.map((statement) => compileStatement(context, statement));
  if (statements.length === 1) return statements[0]!;
  if (statements.every((statement) => statement.sync)) {
    const runs = statements.map((statement) => statement.run as (activation: Activation) => Completion);
    return sync((activation) => {
      for (let index = 0; index < runs.length; index += 1) {
        const completion = runs[index]!(activation);
        if (completion !== undefined) return completion;
      }
      return undefined;
    });
  }
  return generator(function* block(activation) {
    for (let index = 0; index < statements.length; index += 1) {
      const statement = statements[index]!;
      const completion = statement.sync ? statement.run(activation) : yield* statement.run(activation);
      if (completion !== undefined) return completion;
    }
    return undefined;
  });
}

function compileStatement(context: CompileContext, statement: Statement): CompiledStatement {
  switch (statement.kind) {
    case 'local': return compileLocal(context, statement.variables, statement.values);
    case 'localFunction': return compileLocalFunction(context, statement);
    case 'assign': return compileAssign(context, statement.targets, statement.values, statement.line);
    case 'call': return discardResults(compileCall(context, statement.call as Extract<Expression, { kind: 'call' | 'method' }>));
    case 'do': return compileBlock(context, statement.body);
    case 'while': return compileWhile(context, statement.condition, statement.body, statement.line);
    case 'repeat': return compileRepeat(context, statement.body, statement.condition, statement.line);
    case 'if': return compileIf(context, statement);
    case 'numericFor': return compileNumericFor(context, statement, compileBlock(context, statement.body));
    case 'genericFor': return compileGenericFor(context, statement, compileBlock(context, statement.body));
    case 'return': return compileReturn(context, statement.values, statement.line);
    case 'break': return sync(() => breakSignal);
  }
}

function discardResults(call: CompiledValues): CompiledStatement {
  const run = asGenerator(call);
  return generator(function* callStatement(activation) {
    yield* run(activation);
    return undefined;
  });
}

/** Stores a value into a local's slot; a captured local gets a fresh cell (each loop iteration's closures see their own). */
export function storeLocal(activation: Activation, variable: LocalVariable, value: LuaValue): void {
  activation.slots[variable.slot] = variable.captured ? { v: value } : value;
}

function compileLocal(context: CompileContext, variables: LocalVariable[], values: Expression[]): CompiledStatement {
  const first = variables[0]!;
  if (variables.length === 1 && values.length === 1 && values[0]!.kind !== 'call' && values[0]!.kind !== 'method' && values[0]!.kind !== 'vararg') {
    const value = compileExpression(context, values[0]!);
    if (value.sync) {
      const run = value.run;
      if (!first.captured) {
        const slot = first.slot;
        return sync((activation) => {
          activation.slots[slot] = run(activation);
          return undefined;
        });
      }
      return sync((activation) => (storeLocal(activation, first, run(activation)), undefined));
    }
  }
  const list = compileExpressionList(context, values);
  const assign = (activation: Activation, results: LuaValue[]): Completion => {
    for (let index = 0; index < variables.length; index += 1) storeLocal(activation, variables[index]!, results[index]);
    return undefined;
  };
  if (list.sync) {
    const run = list.run;
    return sync((activation) => assign(activation, run(activation)));
  }
  const run = list.run;
  return generator(function* local(activation) {
    return assign(activation, yield* run(activation));
  });
}

function compileLocalFunction(context: CompileContext, statement: Extract<Statement, { kind: 'localFunction' }>): CompiledStatement {
  const closure = compileClosure(context, statement.node);
  const make = closure.run as (activation: Activation) => LuaValue;
  const variable = statement.variable;
  return sync((activation) => {
    if (!variable.captured) {
      activation.slots[variable.slot] = make(activation);
      return undefined;
    }
    const cell: Cell = { v: undefined };
    activation.slots[variable.slot] = cell;
    cell.v = make(activation);
    return undefined;
  });
}

/** Where an assignment stores: evaluated before the right-hand side, as Lua does. */
type Store = (activation: Activation) => Run<(value: LuaValue) => void>;

function compileStore(context: CompileContext, target: Expression, line: number): Store {
  const state = context.state;
  const where = whereOf(context, line);
  switch (target.kind) {
    case 'local': {
      const variable = target.variable;
      return function* localStore(activation) {
        return (value: LuaValue) => {
          if (variable.captured) (activation.slots[variable.slot] as Cell).v = value;
          else activation.slots[variable.slot] = value;
        };
      };
    }
    case 'upvalue': {
      const upvalue = target.index;
      return function* upvalueStore(activation) {
        return (value: LuaValue) => void (activation.closure.upvalues[upvalue]!.v = value);
      };
    }
    case 'global': {
      const name = target.name;
      return function* globalStore(activation) {
        return (value: LuaValue) => setField(state, activation, activation.closure.environment, name, value, where, undefined, line);
      };
    }
    case 'index': {
      const object = asGenerator(compileExpression(context, target.object));
      const key = asGenerator(compileExpression(context, target.key));
      const name = variableName(target.object);
      return function* indexStore(activation) {
        const objectValue = yield* object(activation);
        const keyValue = yield* key(activation);
        return (value: LuaValue) => setField(state, activation, objectValue, keyValue, value, where, name, line);
      };
    }
    default: throw new Error(`not assignable: ${target.kind}`);
  }
}

function setField(
  state: CompileContext['state'], activation: Activation, object: LuaValue, key: LuaValue, value: LuaValue,
  where: string, name: string | undefined, line: number,
): void {
  if (isLuaTable(object) && object.metatable === undefined && !object.isReadonly && key !== undefined && !(typeof key === 'number' && Number.isNaN(key))) {
    object.set(key, value);
    return;
  }
  activation.line = line;
  setIndex(state, object, key, value, where, name);
}

function compileAssign(context: CompileContext, targets: Expression[], values: Expression[], line: number): CompiledStatement {
  const single = targets.length === 1 && values.length === 1 ? compileSingleAssign(context, targets[0]!, values[0]!, line) : undefined;
  if (single !== undefined) return single;
  const stores = targets.map((target) => compileStore(context, target, line));
  const list = asGenerator(compileExpressionList(context, values));
  return generator(function* assign(activation) {
    const setters: ((value: LuaValue) => void)[] = [];
    for (const store of stores) setters.push(yield* store(activation));
    const results = yield* list(activation);
    for (let index = setters.length - 1; index >= 0; index -= 1) setters[index]!(results[index]);
    return undefined;
  });
}

/** `x = e` and `t[k] = e`: plain functions when no call is involved, one generator otherwise. */
function compileSingleAssign(context: CompileContext, target: Expression, valueExpression: Expression, line: number): CompiledStatement | undefined {
  const value = compileExpression(context, valueExpression);
  const state = context.state;
  const where = whereOf(context, line);
  if (target.kind === 'local' || target.kind === 'upvalue' || target.kind === 'global') {
    const write = simpleWriter(context, target, where, line);
    if (value.sync) {
      const run = value.run;
      return sync((activation) => write(activation, run(activation)));
    }
    const run = value.run;
    return generator(function* assignSimple(activation) {
      return write(activation, yield* run(activation));
    });
  }
  if (target.kind !== 'index') return undefined;
  const object = compileExpression(context, target.object);
  const key = compileExpression(context, target.key);
  const name = variableName(target.object);
  if (object.sync && key.sync && value.sync) {
    const objectRun = object.run;
    const keyRun = key.run;
    const run = value.run;
    return sync((activation) => {
      const objectValue = objectRun(activation);
      const keyValue = keyRun(activation);
      setField(state, activation, objectValue, keyValue, run(activation), where, name, line);
      return undefined;
    });
  }
  return generator(function* assignIndexed(activation) {
    const objectValue = object.sync ? object.run(activation) : yield* object.run(activation);
    const keyValue = key.sync ? key.run(activation) : yield* key.run(activation);
    const assigned = value.sync ? value.run(activation) : yield* value.run(activation);
    setField(state, activation, objectValue, keyValue, assigned, where, name, line);
    return undefined;
  });
}

/** Writes a local, an upvalue or a global. */
function simpleWriter(
  context: CompileContext, target: Extract<Expression, { kind: 'local' | 'upvalue' | 'global' }>, where: string, line: number,
): (activation: Activation, value: LuaValue) => undefined {
  if (target.kind === 'local') {
    const { slot, captured } = target.variable;
    if (captured) return (activation, value) => void ((activation.slots[slot] as Cell).v = value);
    return (activation, value) => void (activation.slots[slot] = value);
  }
  if (target.kind === 'upvalue') {
    const upvalue = target.index;
    return (activation, value) => void (activation.closure.upvalues[upvalue]!.v = value);
  }
  const state = context.state;
  const name = target.name;
  return (activation, value) => void setField(state, activation, activation.closure.environment, name, value, where, undefined, line);
}

function compileWhile(context: CompileContext, conditionExpression: Expression, body: Block, line: number): CompiledStatement {
  const state = context.state;
  const condition = compileExpression(context, conditionExpression);
  const compiledBody = compileBlock(context, body);
  return generator(function* whileLoop(activation) {
    for (;;) {
      if (stepAndCheck(state)) yield pauseAt(activation, line);
      const value = condition.sync ? condition.run(activation) : yield* condition.run(activation);
      if (value === undefined || value === false) return undefined;
      const completion = compiledBody.sync ? compiledBody.run(activation) : yield* compiledBody.run(activation);
      if (completion === breakSignal) return undefined;
      if (completion !== undefined) return completion;
    }
  });
}

function compileRepeat(context: CompileContext, body: Block, conditionExpression: Expression, line: number): CompiledStatement {
  const state = context.state;
  const condition = compileExpression(context, conditionExpression);
  const compiledBody = compileBlock(context, body);
  return generator(function* repeatLoop(activation) {
    for (;;) {
      if (stepAndCheck(state)) yield pauseAt(activation, line);
      const completion = compiledBody.sync ? compiledBody.run(activation) : yield* compiledBody.run(activation);
      if (completion === breakSignal) return undefined;
      if (completion !== undefined) return completion;
      const value = condition.sync ? condition.run(activation) : yield* condition.run(activation);
      if (value !== undefined && value !== false) return undefined;
    }
  });
}

function compileIf(context: CompileContext, statement: Extract<Statement, { kind: 'if' }>): CompiledStatement {
  const clauses = statement.clauses.map((clause) => ({
    condition: compileExpression(context, clause.condition),
    body: compileBlock(context, clause.body),
  }));
  const otherwise = statement.otherwise === undefined ? undefined : compileBlock(context, statement.otherwise);
  const allSync = clauses.every((clause) => clause.condition.sync && clause.body.sync) && (otherwise === undefined || otherwise.sync);
  if (allSync) {
    return sync((activation) => {
      for (const clause of clauses) {
        const value = (clause.condition.run as (activation: Activation) => LuaValue)(activation);
        if (value !== undefined && value !== false) return (clause.body.run as (activation: Activation) => Completion)(activation);
      }
      return otherwise === undefined ? undefined : (otherwise.run as (activation: Activation) => Completion)(activation);
    });
  }
  return generator(function* ifStatement(activation) {
    for (const clause of clauses) {
      const value = clause.condition.sync ? clause.condition.run(activation) : yield* clause.condition.run(activation);
      if (value !== undefined && value !== false) return clause.body.sync ? clause.body.run(activation) : yield* clause.body.run(activation);
    }
    if (otherwise === undefined) return undefined;
    return otherwise.sync ? otherwise.run(activation) : yield* otherwise.run(activation);
  });
}

function compileReturn(context: CompileContext, values: Expression[], line: number): CompiledStatement {
  const only = values[0];
  if (values.length === 1 && only !== undefined && (only.kind === 'call' || only.kind === 'method')) return compileTailCall(context, only, line);
  const list = compileExpressionList(context, values);
  if (list.sync) {
    const run = list.run;
    return sync((activation) => run(activation));
  }
  const run = list.run;
  return generator(function* returnValues(activation) {
    return yield* run(activation);
  });
}

/** `return f(args)`: hands the call to the caller's loop so the stack does not grow (Lua's tail call). */
function compileTailCall(context: CompileContext, call: Extract<Expression, { kind: 'call' | 'method' }>, line: number): CompiledStatement {
  if (call.kind === 'method') return compileReturnOfCall(context, call);
  const where = whereOf(context, call.line);
  const name = variableName(call.callee);
  const callee = asGenerator(compileExpression(context, call.callee));
  const args = asGenerator(compileExpressionList(context, call.args));
  void line;
  const state = context.state;
  return generator(function* tailCall(activation) {
    const fn = yield* callee(activation);
    const argValues = yield* args(activation);
    activation.line = call.line;
    // Lua runs a C function called in tail position as a plain call: its caller stays on the stack (where() sees it).
    if (fn instanceof LuaHostFunction) {
      if (stepAndCheck(state)) yield pauseSignal;
      return callHost(state, fn, argValues, where);
    }
    if (fn instanceof LuaIntrinsic) return yield* callValue(state, fn, argValues, where, name);
    return new TailCall(fn, argValues, where, name);
  });
}

function compileReturnOfCall(context: CompileContext, call: Extract<Expression, { kind: 'method' }>): CompiledStatement {
  const run = asGenerator(compileCall(context, call));
  return generator(function* returnCall(activation) {
    return yield* run(activation);
  });
}
