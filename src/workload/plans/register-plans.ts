import type { OpValue } from '../../history/op.js';
import { RespError, type RespValue } from '../../store/protocol/reply-decoder.js';
import { done, type OpPlan, type PlanStep, send } from '../op-plan.js';
import { historyValueOf } from '../reply-value.js';
import { doneWithError, singleCommandPlan } from './single-command.js';

/** GET key: the value read (an integer for the register workloads), nil as null. */
export function registerReadPlan(key: string): OpPlan {
  return singleCommandPlan({ invocation: { f: 'read', key, value: null }, command: ['GET', key], readOnly: true, completionValue: historyValueOf });
}

/** SET key value. */
export function registerWritePlan(key: string, value: number): OpPlan {
  return singleCommandPlan({ invocation: { f: 'write', key, value }, command: ['SET', key, String(value)], readOnly: false });
}

type CasStage = 'watch-and-read' | 'unwatch' | 'exec';

/**
 * Compare-and-set with optimistic locking: WATCH + GET; if the value is not
 * the expected one, UNWATCH and `fail` (the cas certainly did not happen);
 * else MULTI / SET / EXEC, where a nil EXEC (the key changed) or EXECABORT
 * is a `fail` and an array reply is `ok`.
 */
export function casPlan(key: string, expected: number, next: number): OpPlan {
  let stage: CasStage = 'watch-and-read';
  const invocation = { f: 'cas', key, value: [expected, next] as readonly OpValue[] };
  const afterRead = (replies: readonly RespValue[]): PlanStep => {
    const [watchReply, getReply] = replies;
    if (watchReply instanceof RespError) return doneWithError(watchReply);
    if (getReply instanceof RespError) return doneWithError(getReply);
    if (historyValueOf(getReply ?? null) !== expected) {
      stage = 'unwatch';
      return send([['UNWATCH']], false);
    }
    stage = 'exec';
    return send([['MULTI'], ['SET', key, String(next)], ['EXEC']], true);
  };
  const afterExec = (replies: readonly RespValue[]): PlanStep => {
    const execReply = replies[2] ?? null;
    if (execReply === null) return done('fail', undefined, 'EXEC aborted: the watched key changed');
    if (execReply instanceof RespError) return doneWithError(execReply);
    const setReply = Array.isArray(execReply) ? execReply[0] : undefined;
    if (setReply instanceof RespError) return doneWithError(setReply);
    return done('ok');
  };
  return {
    invocations: [invocation],
    readOnly: false,
    start: () => send([['WATCH', key], ['GET', key]], false),
    onReplies(replies) {
      switch (stage) {
        case 'watch-and-read':
          return afterRead(replies);
        case 'unwatch':
          return done('fail', undefined, 'cas: the value differed');
        case 'exec':
          return afterExec(replies);
      }
    },
  };
}
