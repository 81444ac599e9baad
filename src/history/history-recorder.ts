import { assert } from '../core/assert.js';
import { limits } from '../core/limits.js';
import { nemesisProcess, type Op, type OpValue, type ProcessId } from './op.js';

export interface InvocationInput {
  readonly process: ProcessId;
  readonly f: string;
  readonly key?: string;
  readonly value: OpValue;
  /** Simulated microseconds. */
  readonly time: number;
  readonly node?: string;
}

export interface CompletionInput {
  readonly type: 'ok' | 'fail' | 'info';
  /** The value the operation observed or wrote; defaults to the invocation's value. */
  readonly value?: OpValue;
  readonly time: number;
  readonly node?: string;
  readonly error?: OpValue;
}

export interface FaultMarkerInput {
  readonly type: 'invoke' | 'info';
  readonly f: string;
  readonly value: OpValue;
  readonly time: number;
}

export interface HistoryRecorderOptions {
  /** Ops kept; once reached, new invocations are refused (completions of pending ones always fit). */
  readonly opsMax?: number;
}

/**
 * Records a history as simulated clients run: assigns indexes, pairs each
 * completion with its process's pending invocation, and holds the contract
 * that a process has at most one operation outstanding.
 */
export class HistoryRecorder {
  private readonly recorded: Op[] = [];
  private readonly pending = new Map<ProcessId, Op>();
  private readonly opsMax: number;
  private refusedInvocations = 0;
  private lastTime = 0;

  constructor(options: HistoryRecorderOptions = {}) {
    this.opsMax = options.opsMax ?? limits.historyOpsMax;
    assert(Number.isInteger(this.opsMax) && this.opsMax >= 2, 'a history holds at least one invoke/complete pair');
  }

  /** Records an invocation; null (and counted as refused) when the history is full. */
  invoke(input: InvocationInput): Op | null {
    assert(input.process !== nemesisProcess, 'fault markers are recorded with faultMarker()');
    assert(!this.pending.has(input.process), 'a process has at most one operation outstanding');
    if (this.recorded.length + this.pending.size + 2 > this.opsMax) {
      this.refusedInvocations++;
      return null;
    }
    const op = this.append({ process: input.process, type: 'invoke', f: input.f, value: input.value, time: input.time }, input);
    this.pending.set(input.process, op);
    return op;
  }

  /** Completes the pending invocation of `process`. */
  complete(process: ProcessId, input: CompletionInput): Op {
    const invocation = this.pending.get(process);
    assert(invocation !== undefined, 'a completion needs a pending invocation of its process');
    this.pending.delete(process);
    const value = input.value === undefined ? invocation.value : input.value;
    const base = { process, type: input.type, f: invocation.f, value, time: input.time };
    const extra = { key: invocation.key, node: input.node ?? invocation.node, error: input.error };
    return this.append(base, extra);
  }

  /** A nemesis event (fault start/stop), kept in the history for timelines; checkers skip it. */
  faultMarker(input: FaultMarkerInput): Op | null {
    if (this.recorded.length + this.pending.size + 1 > this.opsMax) return null;
    return this.append({ process: nemesisProcess, type: input.type, f: input.f, value: input.value, time: input.time }, {});
  }

  hasPending(process: ProcessId): boolean {
    return this.pending.has(process);
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** True once invocations are being refused. */
  isFull(): boolean {
    return this.recorded.length + this.pending.size + 2 > this.opsMax;
  }

  refusedCount(): number {
    return this.refusedInvocations;
  }

  ops(): readonly Op[] {
    return this.recorded;
  }

  private append(
    base: Pick<Op, 'process' | 'type' | 'f' | 'value' | 'time'>,
    extra: { readonly key?: string | undefined; readonly node?: string | undefined; readonly error?: OpValue | undefined },
  ): Op {
    assert(Number.isFinite(base.time), 'an op time is a finite number of microseconds');
    assert(base.time >= this.lastTime, 'ops are recorded in time order');
    this.lastTime = base.time;
    const op: Op = {
      index: this.recorded.length,
      ...base,
      ...(extra.key === undefined ? {} : { key: extra.key }),
      ...(extra.node === undefined ? {} : { node: extra.node }),
      ...(extra.error === undefined ? {} : { error: extra.error }),
    };
    this.recorded.push(op);
    return op;
  }
}
