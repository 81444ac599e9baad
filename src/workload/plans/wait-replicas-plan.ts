import { RespError, type RespValue } from '../../store/protocol/reply-decoder.js';
import { done, type OpPlan, type PlanStep, send } from '../op-plan.js';

/** The workload's `waitReplicas`: after each write, `WAIT replicas timeoutMs` on the same connection. */
export interface WaitReplicasSpec {
  readonly replicas: number;
  /** WAIT's timeout (positive: WAIT 0 would block for ever). */
  readonly timeoutMs: number;
}

/** The history's `error` text of a write whose WAIT fell short: `waitAcked=0 of 1 (WAIT timed out after 200 ms)`. */
export function waitShortfallText(waitAcked: number, spec: WaitReplicasSpec): string {
  return `waitAcked=${waitAcked} of ${spec.replicas} (WAIT timed out after ${spec.timeoutMs} ms)`;
}

/**
 * WAIT's reply after a write that succeeded: `ok` when at least `replicas`
 * replicas acknowledged it; otherwise `info`, never `fail`: the write was
 * applied on the master and may survive (or be lost in a failover).
 */
export function outcomeOfWaitReply(reply: RespValue, spec: WaitReplicasSpec): { readonly outcome: 'ok' | 'info'; readonly error?: string } {
  if (reply instanceof RespError) return { outcome: 'info', error: `WAIT refused after the write: ${reply.message}` };
  if (typeof reply !== 'number') return { outcome: 'info', error: 'WAIT answered with a non-integer' };
  if (reply >= spec.replicas) return { outcome: 'ok' };
  return { outcome: 'info', error: waitShortfallText(reply, spec) };
}

/**
 * A write plan followed by WAIT: the inner plan runs unchanged; when it ends
 * `ok`, WAIT is sent and decides between `ok` and `info` (the inner
 * completion values are kept). An inner `fail` or `info` ends the op as is.
 * Read-only plans are returned unchanged.
 */
export function withWaitReplicas(inner: OpPlan, spec: WaitReplicasSpec): OpPlan {
  if (inner.readOnly) return inner;
  let waiting: Extract<PlanStep, { kind: 'done' }> | null = null;
  const afterInner = (step: PlanStep): PlanStep => {
    if (step.kind !== 'done' || step.outcome !== 'ok') return step;
    waiting = step;
    return send([['WAIT', String(spec.replicas), String(spec.timeoutMs)]], false);
  };
  return {
    invocations: inner.invocations,
    readOnly: false,
    start: () => afterInner(inner.start()),
    onReplies(replies) {
      const written = waiting;
      if (written === null) return afterInner(inner.onReplies(replies));
      const { outcome, error } = outcomeOfWaitReply(replies[0] ?? null, spec);
      return done(outcome, written.values, error);
    },
  };
}
