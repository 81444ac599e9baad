import { LuaFunction, LuaHostFunction, type LuaValue } from './api.js';
import { positionedError } from './values.js';
import { callValue } from './calls.js';
import { argumentError, typeError } from './library-arguments.js';
import type { LuaTableImpl } from './lua-table.js';
import { luaErrorValue } from './protected-call.js';
import { LuaCoroutine, LuaIntrinsic, pauseSignal, YieldSignal, type InterpreterState, type Run } from './runtime.js';

/** Nesting depth each suspended coroutine holds (its frames re-enter the JS stack when resumed). */
const suspendedDepth = new WeakMap<LuaCoroutine, number>();

/**
 * Resumes a coroutine inside the resumer's generator: budget pauses inside
 * the coroutine travel up to the execution's driver and back, so a busy
 * coroutine can be suspended like any other code.
 */
export function* resumeCoroutine(state: InterpreterState, coroutine: LuaCoroutine, args: LuaValue[]): Run<{ ok: boolean; values: LuaValue[] }> {
  if (coroutine.status === 'dead') return { ok: false, values: ['cannot resume dead coroutine'] };
  if (coroutine.status !== 'suspended') return { ok: false, values: ['cannot resume non-suspended coroutine'] };
  const previous = state.thread;
  const depthBefore = state.depth;
  if (previous.coroutine !== undefined) previous.coroutine.status = 'normal';
  coroutine.status = 'running';
  state.thread = coroutine.thread;
  state.depth = depthBefore + (suspendedDepth.get(coroutine) ?? 0);
  let send: LuaValue[] | undefined = args;
  if (coroutine.run === undefined) {
    coroutine.run = callValue(state, coroutine.body, args, '', undefined);
    send = undefined;
  }
  try {
    for (;;) {
      const step = coroutine.run.next(send);
      send = undefined;
      if (step.done === true) {
        coroutine.status = 'dead';
        return { ok: true, values: step.value };
      }
      if (step.value instanceof YieldSignal) {
        coroutine.status = 'suspended';
        suspendedDepth.set(coroutine, state.depth - depthBefore);
        return { ok: true, values: step.value.values };
      }
      yield pauseSignal;
    }
  } catch (error) {
    coroutine.status = 'dead';
    const caught = luaErrorValue(error);
    if (caught === undefined) throw error;
    return { ok: false, values: [caught.value] };
  } finally {
    state.thread = previous;
    state.depth = depthBefore;
    if (previous.coroutine !== undefined) previous.coroutine.status = 'running';
  }
}

function checkCoroutine(state: InterpreterState, value: LuaValue, name: string): LuaCoroutine {
  if (!(value instanceof LuaCoroutine)) throw argumentError(state.context, 1, name, 'coroutine expected');
  return value;
}

/** Lua 5.1's coroutine library. */
export function openCoroutineLibrary(state: InterpreterState, library: LuaTableImpl): void {
  library.set('create', new LuaHostFunction('create', (args, context) => {
    const body = args[0];
    if (!(body instanceof LuaFunction) || body instanceof LuaHostFunction || body instanceof LuaCoroutine) {
      throw argumentError(context, 1, 'create', 'Lua function expected');
    }
    return [new LuaCoroutine(body)];
  }));
  library.set('resume', new LuaIntrinsic('resume', function* resume(args) {
    const coroutine = checkCoroutine(state, args[0], 'resume');
    const outcome = yield* resumeCoroutine(state, coroutine, args.slice(1));
    return [outcome.ok, ...outcome.values];
  }));
  library.set('yield', new LuaIntrinsic('yield', function* yieldValues(args) {
    const resumed = yield new YieldSignal(args);
    return resumed ?? [];
  }));
  library.set('status', new LuaHostFunction('status', (args) => [checkCoroutine(state, args[0], 'status').status]));
  library.set('running', new LuaHostFunction('running', () => [state.thread.coroutine]));
  library.set('wrap', new LuaHostFunction('wrap', (args, context) => {
    const body = args[0];
    if (!(body instanceof LuaFunction) || body instanceof LuaHostFunction) throw typeError(context, args, 1, 'wrap', 'Lua function');
    const coroutine = new LuaCoroutine(body);
    return [new LuaIntrinsic('wrap', function* wrapped(wrappedArgs) {
      const outcome = yield* resumeCoroutine(state, coroutine, wrappedArgs);
      if (outcome.ok) return outcome.values;
      const error = outcome.values[0];
      const where = state.context.where(1);
      throw positionedError(typeof error === 'string' ? where + error : error, where);
    })];
  }));
}
