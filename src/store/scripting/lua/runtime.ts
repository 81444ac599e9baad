import { LuaFunction, type LuaCallContext, type LuaTable, type LuaValue } from './api.js';
import type { LuaTableImpl } from './lua-table.js';

/** A captured local: inner closures share it. */
export interface Cell {
  v: LuaValue;
}

/** Why a generator of the interpreter yields: a budget pause, or a coroutine.yield carrying values. */
export const pauseSignal = { signal: 'pause' } as const;
export class YieldSignal {
  constructor(readonly values: LuaValue[]) {}
}
export type Signal = typeof pauseSignal | YieldSignal;

/** What the interpreter's generators yield, return, and are resumed with (a coroutine's resume arguments). */
export type Run<T> = Generator<Signal, T, LuaValue[] | undefined>;

/** A compiled Lua function body, shared by all closures made from it. */
export interface Prototype {
  readonly name: string;
  readonly chunkName: string;
  readonly slotCount: number;
  readonly parameterSlots: readonly { readonly slot: number; readonly captured: boolean }[];
  readonly isVararg: boolean;
  /** Where the compatibility `arg` table goes, if the function gets one. */
  readonly argSlot: { readonly slot: number; readonly captured: boolean } | undefined;
  readonly body: (activation: Activation) => Run<Completion>;
}

/** One running call of a Lua function: its slots (values, or cells for captured locals) and varargs. */
export interface Activation {
  readonly slots: unknown[];
  readonly varargs: LuaValue[];
  readonly closure: LuaClosure;
  /** The line of the call this activation is making now (what error(msg, 2) and where() report). */
  line: number;
}

/** A tail call in flight: the caller's frame is gone, the callee runs in its place. */
export class TailCall {
  constructor(
    readonly fn: LuaValue,
    readonly args: LuaValue[],
    /** "chunk:line: " and the callee's description, for "attempt to call ..." */
    readonly where: string,
    readonly calleeName: string | undefined,
  ) {}
}

export const breakSignal = { signal: 'break' } as const;

/** How a statement ended: normally (undefined), by break, by return (the values) or by a tail call. */
export type Completion = undefined | typeof breakSignal | LuaValue[] | TailCall;

export class LuaClosure extends LuaFunction {
  constructor(
    readonly prototype: Prototype,
    readonly upvalues: Cell[],
    /** The function's environment (getfenv/setfenv): where its globals live. */
    public environment: LuaTableImpl,
  ) {
    super();
  }

  get name(): string {
    return this.prototype.name;
  }
}

/** A function the interpreter itself runs as a generator, so that what it calls stays suspendable (pcall, coroutine.resume, ...). */
export class LuaIntrinsic extends LuaFunction {
  constructor(
    readonly name: string,
    readonly run: (args: LuaValue[]) => Run<LuaValue[]>,
  ) {
    super();
  }
}

export type CoroutineStatus = 'suspended' | 'running' | 'normal' | 'dead';

/** The state of one thread of execution (the main one or a coroutine): its call stack for where(). */
export interface ThreadState {
  readonly frames: (Activation | undefined)[];
  readonly coroutine: LuaCoroutine | undefined;
}

/** A coroutine. Lua's `thread` type; our LuaValue has no thread member, so it is a LuaFunction that cannot be called. */
export class LuaCoroutine extends LuaFunction {
  readonly name = 'thread';
  status: CoroutineStatus = 'suspended';
  run: Run<LuaValue[]> | undefined = undefined;
  readonly thread: ThreadState;

  constructor(readonly body: LuaValue) {
    super();
    this.thread = { frames: [], coroutine: this };
  }
}

/** The mutable state of one Lua VM that compiled code and libraries share. */
export interface InterpreterState {
  steps: number;
  /** Pause when `steps` reaches this (Infinity inside calls that must run to completion). */
  pauseAt: number;
  /** Nesting of calls (Lua and host) across all threads: bounded so the JS stack never overflows. */
  depth: number;
  thread: ThreadState;
  readonly globals: LuaTableImpl;
  stringMetatable: LuaTable | undefined;
  readonly context: LuaCallContext;
}

/** Lua 5.1 allows ~200 nested C calls and ~16k Lua frames; our frames are JS generator frames, so one bound for both. */
export const callDepthMax = 190;
