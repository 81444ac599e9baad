import type { OpValue } from '../history/op.js';
import type { RespValue } from '../store/protocol/reply-decoder.js';

/** One Redis command as its arguments (`['SET', 'k1', '3']`). */
export type Command = readonly string[];

/** One history operation an OpPlan invokes (a transaction of several appends invokes several, one per lane). */
export interface OpInvocation {
  readonly f: string;
  readonly key: string;
  readonly value: OpValue;
}

/** What a plan does next: send a pipelined batch, or end the operation. */
export type PlanStep =
  | {
      readonly kind: 'send';
      readonly commands: readonly Command[];
      /** The batch may change data (so a lost reply makes the outcome unknown). */
      readonly mayWrite: boolean;
    }
  | {
      readonly kind: 'done';
      readonly outcome: 'ok' | 'fail' | 'info';
      /** Completion values, one per invocation; omitted: the invocations' values. */
      readonly values?: readonly OpValue[];
      readonly error?: string;
    };

/**
 * One client operation as a small state machine over request/reply batches:
 * a GET is one batch; a compare-and-set is WATCH+GET, then MULTI/SET/EXEC
 * or UNWATCH. Plans are plain, synchronous and deterministic.
 */
export interface OpPlan {
  readonly invocations: readonly OpInvocation[];
  /** True when no batch changes data (reads may then go to replicas). */
  readonly readOnly: boolean;
  /** The first batch. */
  start(): PlanStep;
  /** The replies to the last batch, in order; returns the next step. */
  onReplies(replies: readonly RespValue[]): PlanStep;
}

export function send(commands: readonly Command[], mayWrite: boolean): PlanStep {
  return { kind: 'send', commands, mayWrite };
}

export function done(outcome: 'ok' | 'fail' | 'info', values?: readonly OpValue[], error?: string): PlanStep {
  return { kind: 'done', outcome, ...(values === undefined ? {} : { values }), ...(error === undefined ? {} : { error }) };
}
