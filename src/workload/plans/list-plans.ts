import type { OpValue } from '../../history/op.js';
import { RespError, type RespValue } from '../../store/protocol/reply-decoder.js';
import { type Command, done, type OpInvocation, type OpPlan, send } from '../op-plan.js';
import { historyElementsOf } from '../reply-value.js';
import { doneWithError, singleCommandPlan } from './single-command.js';

/** LRANGE key 0 -1: the whole list, in order. */
export function listReadPlan(key: string): OpPlan {
  return singleCommandPlan({
    invocation: { f: 'read', key, value: null },
    command: ['LRANGE', key, '0', '-1'],
    readOnly: true,
    completionValue: (reply) => historyElementsOf(reply, false),
  });
}

/** RPUSH key element (elements are unique across the run). */
export function listAppendPlan(key: string, element: number): OpPlan {
  return singleCommandPlan({ invocation: { f: 'append', key, value: element }, command: ['RPUSH', key, String(element)], readOnly: false });
}

function execOutcome(execReply: RespValue): ReturnType<OpPlan['onReplies']> {
  if (execReply === null) return done('fail', undefined, 'EXEC returned nil');
  if (execReply instanceof RespError) return doneWithError(execReply);
  if (!Array.isArray(execReply)) return done('info', undefined, 'EXEC replied with a non-array');
  const failed = execReply.find((reply): reply is RespError => reply instanceof RespError);
  return failed === undefined ? done('ok') : done('info', undefined, failed.message);
}

/**
 * Several appends in one MULTI/EXEC. The checkers see each append as its own
 * operation (one lane, one process id each), all invoked and completed at the
 * same instants with the transaction's outcome.
 */
export function listAppendTransactionPlan(appends: readonly { readonly key: string; readonly element: number }[]): OpPlan {
  const invocations: OpInvocation[] = appends.map(({ key, element }) => ({ f: 'append', key, value: element as OpValue }));
  const commands: Command[] = [['MULTI'], ...appends.map(({ key, element }) => ['RPUSH', key, String(element)]), ['EXEC']];
  return {
    invocations,
    readOnly: false,
    start: () => send(commands, true),
    onReplies: (replies) => execOutcome(replies[replies.length - 1] ?? null),
  };
}
