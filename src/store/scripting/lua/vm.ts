import { assert } from '../../../core/assert.js';
import { LuaError, type LuaCallContext, type LuaExecution, type LuaFunction, type LuaTable, type LuaValue, type LuaVm } from './api.js';
import { callToCompletion, callValue, innermostPosition, stampPosition } from './calls.js';
import { compileChunk } from './compiler.js';
import { openBaseLibrary } from './lib-base.js';
import { openCoroutineLibrary } from './lib-coroutine.js';
import { openMathLibrary } from './lib-math.js';
import { openTableLibrary } from './lib-table.js';
import { createLuaTable, type LuaTableImpl } from './lua-table.js';
import { toStringMeta } from './operations.js';
import { luaErrorValue } from './protected-call.js';
import { RedisRand48 } from './redis-rand48.js';
import { LuaClosure, pauseSignal, type InterpreterState, type Run, type ThreadState } from './runtime.js';
import { Identities, metamethod, rawToString } from './values.js';

/** Creates a Lua 5.1 state with the base, table, math and coroutine libraries (Redis's selection; os, io and print are absent). */
export function createLuaVm(): LuaVm {
  return new Vm();
}

class Vm implements LuaVm {
  readonly globals: LuaTableImpl = createLuaTable();
  private readonly identities = new Identities();
  private readonly random = new RedisRand48();
  readonly state: InterpreterState;

  constructor() {
    const context: LuaCallContext = {
      call: (fn, args) => callToCompletion(this.state, fn, args.slice()),
      tostring: (value) => this.tostring(value),
      where: (level) => this.where(level),
    };
    this.state = {
      steps: 0, pauseAt: Number.POSITIVE_INFINITY, depth: 0,
      thread: { frames: [], coroutine: undefined },
      globals: this.globals, stringMetatable: undefined, context,
    };
    this.openLibraries();
  }

  get stringMetatable(): LuaTable | undefined {
    return this.state.stringMetatable;
  }

  set stringMetatable(metatable: LuaTable | undefined) {
    this.state.stringMetatable = metatable;
  }

  private openLibraries(): void {
    openBaseLibrary(this.state, (value) => this.tostringValue(value));
    const table = createLuaTable();
    openTableLibrary(this.state, table);
    this.globals.set('table', table);
    const math = createLuaTable();
    openMathLibrary(math, this.random);
    this.globals.set('math', math);
    const coroutine = createLuaTable();
    openCoroutineLibrary(this.state, coroutine);
    this.globals.set('coroutine', coroutine);
  }

  newTable(): LuaTable {
    return createLuaTable();
  }

  load(source: string, chunkName: string): LuaFunction {
    const prototype = compileChunk(this.state, source, chunkName);
    return new LuaClosure(prototype, [], this.globals);
  }

  start(fn: LuaFunction, args: readonly LuaValue[]): LuaExecution {
    return new Execution(this.state, fn, args.slice());
  }

  call(fn: LuaValue, args: readonly LuaValue[]): LuaValue[] {
    return callToCompletion(this.state, fn, args.slice());
  }

  tostring(value: LuaValue): string {
    return toStringMeta(this.state, value, (raw) => rawToString(raw, this.identities));
  }

  /** Base tostring(): a __tostring result is returned as it is, whatever its type (Lua 5.1). */
  private tostringValue(value: LuaValue): LuaValue {
    const handler = metamethod(this.state, value, '__tostring');
    if (handler === undefined) return rawToString(value, this.identities);
    return callToCompletion(this.state, handler, [value])[0];
  }

  seedRandom(seed: number): void {
    this.random.seed(seed);
  }

  private where(level: number): string {
    const frames = this.state.thread.frames;
    const frame = frames[frames.length - 1 - level];
    if (frame === undefined || level < 0) return '';
    return `${frame.closure.prototype.chunkName}:${frame.line}: `;
  }
}

/** One suspendable call: its own main thread and call depth, swapped in while it runs. */
class Execution implements LuaExecution {
  private readonly run_: Run<LuaValue[]>;
  private readonly mainThread: ThreadState = { frames: [], coroutine: undefined };
  /** The thread running when it last paused (a coroutine's, when it paused inside one). */
  private thread: ThreadState = this.mainThread;
  private depth = 0;
  private finished = false;
  instructions = 0;

  constructor(private readonly state: InterpreterState, fn: LuaFunction, args: LuaValue[]) {
    this.run_ = callValue(state, fn, args, '', undefined);
  }

  /** "chunk:line: " of the Lua function a paused execution is in (the loop or call it paused at), or "". */
  currentPosition(): string {
    return innermostPosition(this.thread.frames);
  }

  run(instructionBudget: number): { readonly done: true; readonly results: LuaValue[] } | { readonly done: false } {
    assert(!this.finished, 'a finished Lua execution is not run again');
    const state = this.state;
    const saved = { thread: state.thread, depth: state.depth, pauseAt: state.pauseAt };
    const stepsBefore = state.steps;
    state.thread = this.thread;
    state.depth = this.depth;
    state.pauseAt = state.steps + Math.max(1, instructionBudget);
    try {
      let step = this.run_.next();
      while (step.done !== true) {
        if (step.value === pauseSignal) return { done: false };
        // Redis runs a script from C (lua_pcall), so a yield outside any coroutine crosses a C boundary.
        step = this.run_.throw(new LuaError('attempt to yield across metamethod/C-call boundary'));
      }
      this.finished = true;
      assert(state.thread === this.mainThread, 'a finished execution is back on its main thread');
      assert(state.thread.frames.length === 0 && state.depth === 0, 'a finished execution leaves no call frames behind');
      return { done: true, results: step.value };
    } catch (error) {
      this.finished = true;
      stampPosition(state, error);
      const caught = luaErrorValue(error);
      if (caught !== undefined && !(error instanceof LuaError)) {
        const converted = new LuaError(caught.value);
        const position = innermostPosition(state.thread.frames);
        if (position !== '') converted.position = position;
        throw converted;
      }
      throw error;
    } finally {
      this.instructions += state.steps - stepsBefore;
      this.thread = state.thread;
      this.depth = state.depth;
      state.thread = saved.thread;
      state.depth = saved.depth;
      state.pauseAt = saved.pauseAt;
    }
  }
}
