import type { OpPlan } from '../op-plan.js';
import { historyValueOf } from '../reply-value.js';
import { singleCommandPlan } from './single-command.js';

/** GET key: the count, or null for a missing key. */
export function counterReadPlan(key: string): OpPlan {
  return singleCommandPlan({ invocation: { f: 'read', key, value: null }, command: ['GET', key], readOnly: true, completionValue: historyValueOf });
}

/** INCRBY key delta; the completion carries the new count Redis replied. */
export function counterIncrementPlan(key: string, delta: number): OpPlan {
  return singleCommandPlan({
    invocation: { f: 'incrby', key, value: delta },
    command: ['INCRBY', key, String(delta)],
    readOnly: false,
    completionValue: (reply) => (typeof reply === 'number' ? reply : delta),
  });
}
