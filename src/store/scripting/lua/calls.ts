import { LuaError, LuaHostFunction, type LuaValue } from './api.js';
import {
  breakSignal, callDepthMax, LuaClosure, LuaCoroutine, LuaIntrinsic, pauseSignal, TailCall, YieldSignal,
  type Activation, type Completion, type InterpreterState, type Run,
} from './runtime.js';
import { createLuaTable } from './lua-table.js';
import { describeValue, metamethod, runtimeError } from './values.js';

function enterCall(state: InterpreterState, where: string): void {
  if (state.depth >= callDepthMax) throw runtimeError(where, 'stack overflow');
  state.depth += 1;
}

function makeActivation(closure: LuaClosure, args: LuaValue[]): Activation {
  const prototype = closure.prototype;
  const slots: unknown[] = new Array<unknown>(prototype.slotCount);
  const parameters = prototype.parameterSlots;
  for (let index = 0; index < parameters.length; index += 1) {
    const parameter = parameters[index]!;
    slots[parameter.slot] = parameter.captured ? { v: args[index] } : args[index];
  }
  const varargs = prototype.isVararg && args.length > parameters.length ? args.slice(parameters.length) : [];
  const argSlot = prototype.argSlot;
  if (argSlot !== undefined) {
    const table = createLuaTable();
    table.setConstructorItems(varargs);
    table.set('n', varargs.length);
    slots[argSlot.slot] = argSlot.captured ? { v: table } : table;
  }
  return { slots, varargs, closure, line: 0 };
}

/**
 * Pushes a Lua function's frame. There is no try/finally around the body
 * (costly in generators): whoever catches a Lua error restores the stack
 * with restoreStack.
 */
export function enterClosure(state: InterpreterState, closure: LuaClosure, args: LuaValue[], where: string): Activation {
  enterCall(state, where);
  const activation = makeActivation(closure, args);
  state.thread.frames.push(activation);
  return activation;
}

export function leaveClosure(state: InterpreterState): void {
  state.thread.frames.pop();
  state.depth -= 1;
}

/** The values a function body's completion returns (a tail call is handled by the caller). */
export function completionValues(completion: Exclude<Completion, TailCall>): LuaValue[] {
  return completion === undefined || completion === breakSignal ? [] : (completion as LuaValue[]);
}

export function callHost(state: InterpreterState, fn: LuaHostFunction, args: LuaValue[], where: string): LuaValue[] {
  enterCall(state, where);
  const frames = state.thread.frames;
  frames.push(undefined);
  try {
    return fn.fn(args, state.context);
  } finally {
    frames.pop();
    state.depth -= 1;
  }
}

function* runIntrinsic(state: InterpreterState, fn: LuaIntrinsic, args: LuaValue[], where: string): Run<LuaValue[]> {
  enterCall(state, where);
  const frames = state.thread.frames;
  frames.push(undefined);
  const results = yield* fn.run(args);
  frames.pop();
  state.depth -= 1;
  return results;
}

/** The call stack's extent, to return to when a Lua error is caught (frames above it were abandoned by the throw). */
export interface StackMark {
  readonly frames: number;
  readonly depth: number;
}

export function markStack(state: InterpreterState): StackMark {
  return { frames: state.thread.frames.length, depth: state.depth };
}

export function restoreStack(state: InterpreterState, mark: StackMark): void {
  state.thread.frames.length = mark.frames;
  state.depth = mark.depth;
}

/** The pause signal, after noting where the function pauses (LuaExecution.currentPosition reports it). */
export function pauseAt(activation: Activation, line: number): typeof pauseSignal {
  activation.line = line;
  return pauseSignal;
}

/** "chunk:line: " of the innermost Lua function on the running thread's stack, or "". */
export function innermostPosition(frames: readonly (Activation | undefined)[]): string {
  for (let index = frames.length - 1; index >= 0; index -= 1) {
    const frame = frames[index];
    if (frame !== undefined) return `${frame.closure.prototype.chunkName}:${frame.line}: `;
  }
  return '';
}

/** Gives a Lua error raised without one the position of the innermost Lua function (before its frames are dropped). */
export function stampPosition(state: InterpreterState, error: unknown): void {
  if (!(error instanceof LuaError) || error.position !== undefined) return;
  const position = innermostPosition(state.thread.frames);
  if (position !== '') error.position = position;
}

/** Counts one step; true when the budget is spent and the caller must yield a pause. */
export function stepAndCheck(state: InterpreterState): boolean {
  state.steps += 1;
  return state.steps >= state.pauseAt;
}

/**
 * Calls any Lua value: closures (following tail calls without growing the
 * stack), host functions, intrinsics, and values with __call. `where` and
 * `calleeName` describe the call site for "attempt to call ..." errors.
 */
export function* callValue(
  state: InterpreterState, fn: LuaValue, args: LuaValue[], where: string, calleeName: string | undefined,
): Run<LuaValue[]> {
  let callee = fn;
  let callArgs = args;
  let callWhere = where;
  let name = calleeName;
  for (;;) {
    if (stepAndCheck(state)) yield pauseSignal;
    if (callee instanceof LuaClosure) {
      const activation = enterClosure(state, callee, callArgs, callWhere);
      const completion: Completion = yield* callee.prototype.body(activation);
      leaveClosure(state);
      if (!(completion instanceof TailCall)) return completionValues(completion);
      ({ fn: callee, args: callArgs, where: callWhere, calleeName: name } = completion);
      continue;
    }
    if (callee instanceof LuaHostFunction) return callHost(state, callee, callArgs, callWhere);
    if (callee instanceof LuaIntrinsic) return yield* runIntrinsic(state, callee, callArgs, callWhere);
    const handler = callee instanceof LuaCoroutine ? undefined : metamethod(state, callee, '__call');
    if (handler === undefined) throw runtimeError(callWhere, `attempt to call ${describeValue(callee, name)}`);
    callArgs = [callee, ...callArgs];
    callee = handler;
    name = undefined;
  }
}

/** Drives a run to its end without pausing (budget pauses are ignored; steps still count). A coroutine.yield here cannot cross back into Lua. */
export function runToCompletion<T>(state: InterpreterState, run: Run<T>): T {
  const pauseAtSaved = state.pauseAt;
  state.pauseAt = Number.POSITIVE_INFINITY;
  try {
    let step = run.next();
    while (step.done !== true) {
      if (step.value instanceof YieldSignal) step = run.throw(new LuaError('attempt to yield across metamethod/C-call boundary'));
      else step = run.next();
    }
    return step.value;
  } finally {
    state.pauseAt = pauseAtSaved;
  }
}

export function callToCompletion(state: InterpreterState, fn: LuaValue, args: LuaValue[]): LuaValue[] {
  if (fn instanceof LuaHostFunction) return callHost(state, fn, args, '');
  const mark = markStack(state);
  try {
    return runToCompletion(state, callValue(state, fn, args, '', undefined));
  } catch (error) {
    stampPosition(state, error);
    // The host may catch this error and go on: leave the stack as it was before the call.
    restoreStack(state, mark);
    throw error;
  }
}
