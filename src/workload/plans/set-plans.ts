import type { OpPlan } from '../op-plan.js';
import { historyElementsOf } from '../reply-value.js';
import { singleCommandPlan } from './single-command.js';

/** SADD key element (elements are unique across the run). */
export function setAddPlan(key: string, element: number): OpPlan {
  return singleCommandPlan({ invocation: { f: 'add', key, value: element }, command: ['SADD', key, String(element)], readOnly: false });
}

/** SMEMBERS key, sorted (a set has no order). */
export function setReadPlan(key: string): OpPlan {
  return singleCommandPlan({
    invocation: { f: 'read', key, value: null },
    command: ['SMEMBERS', key],
    readOnly: true,
    completionValue: (reply) => historyElementsOf(reply, true),
  });
}
