import type { OpValue } from '../../history/op.js';
import { RespError, type RespValue } from '../../store/protocol/reply-decoder.js';
import { type Command, done, type OpInvocation, type OpPlan, type PlanStep, send } from '../op-plan.js';
import { outcomeOfErrorReply } from '../outcome.js';

export interface SingleCommandPlanOptions {
  readonly invocation: OpInvocation;
  readonly command: Command;
  readonly readOnly: boolean;
  /** The completion value from the reply; undefined keeps the invocation's value. */
  readonly completionValue?: (reply: RespValue) => OpValue;
}

/** An error reply ends the op: `fail` if Redis refused it before running it, else `info`. */
export function doneWithError(error: RespError): PlanStep {
  return done(outcomeOfErrorReply(error), undefined, error.message);
}

/** An operation that is one command and one reply (GET, SET, SADD, RPUSH, LRANGE...). */
export function singleCommandPlan(options: SingleCommandPlanOptions): OpPlan {
  return {
    invocations: [options.invocation],
    readOnly: options.readOnly,
    start: () => send([options.command], !options.readOnly),
    onReplies(replies) {
      const reply = replies[0] ?? null;
      if (reply instanceof RespError) return doneWithError(reply);
      if (options.completionValue === undefined) return done('ok');
      return done('ok', [options.completionValue(reply)]);
    },
  };
}
