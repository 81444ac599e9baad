import type { OpValue } from '../../history/op.js';
import type { RespValue } from '../../store/protocol/reply-decoder.js';
import type { OpPlan } from '../op-plan.js';
import { singleCommandPlan } from './single-command.js';

/** The kv model compares text, so kv reads keep the bytes as text (never parsed as numbers). */
function textOf(reply: RespValue): OpValue {
  if (reply === null) return null;
  return Buffer.isBuffer(reply) ? reply.toString('utf8') : String(reply);
}

export function kvReadPlan(key: string): OpPlan {
  return singleCommandPlan({ invocation: { f: 'read', key, value: null }, command: ['GET', key], readOnly: true, completionValue: textOf });
}

export function kvWritePlan(key: string, text: string): OpPlan {
  return singleCommandPlan({ invocation: { f: 'write', key, value: text }, command: ['SET', key, text], readOnly: false });
}

/** APPEND key token; the completion carries the length APPEND replied, which the kv model checks. */
export function kvAppendPlan(key: string, token: string): OpPlan {
  return singleCommandPlan({
    invocation: { f: 'append', key, value: token },
    command: ['APPEND', key, token],
    readOnly: false,
    completionValue: (reply) => (typeof reply === 'number' ? reply : token),
  });
}
