import type { OpValue } from '../../history/op.js';
import { RespError, type RespValue } from '../../store/protocol/reply-decoder.js';
import { done, type OpPlan, type PlanStep, send } from '../op-plan.js';
import { doneWithError } from './single-command.js';

/**
 * The compare-and-set script: one atomic GET and, on a match, SET. Register
 * values are integers written as decimal text, so comparing the stored bytes
 * with ARGV[1] compares the integers.
 */
export const evalCasScript = "local v = redis.call('GET', KEYS[1]) if v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";

/** The script's answer: 1 → ok, 0 → fail (the value differed: nothing written), an error → doneWithError, anything else → info. */
function outcomeOfEvalCasReply(reply: RespValue): PlanStep {
  if (reply instanceof RespError) return doneWithError(reply);
  if (reply === 1) return done('ok');
  if (reply === 0) return done('fail', undefined, 'cas: the value differed');
  return done('info', undefined, 'cas script answered neither 1 nor 0');
}

/**
 * Compare-and-set as real Redis users write it: one EVAL of `evalCasScript`
 * with numkeys 1. The same history shape as the WATCH-based cas (f: 'cas',
 * value [expected, next]), so the cas-register model checks it unchanged.
 * An error reply is classified as for every plan: a refusal before anything
 * was written (-READONLY, -NOREPLICAS, -OOM ...) is `fail`, any other error
 * `info`; the script writes at most once, as its last command, so a refused
 * SET leaves nothing behind.
 */
export function evalCasPlan(key: string, expected: number, next: number): OpPlan {
  const invocation = { f: 'cas', key, value: [expected, next] as readonly OpValue[] };
  return {
    invocations: [invocation],
    readOnly: false,
    start: () => send([['EVAL', evalCasScript, '1', key, String(expected), String(next)]], true),
    onReplies: (replies) => outcomeOfEvalCasReply(replies[0] ?? null),
  };
}
