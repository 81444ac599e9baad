import type { OpPlan } from '../op-plan.js';
import { historyValueOf } from '../reply-value.js';
import { singleCommandPlan } from './single-command.js';

/** LPUSH key element: enqueue at the head. */
export function enqueuePlan(key: string, element: number): OpPlan {
  return singleCommandPlan({ invocation: { f: 'enqueue', key, value: element }, command: ['LPUSH', key, String(element)], readOnly: false });
}

/** RPOP key: dequeue from the tail; null when the queue is empty. */
export function dequeuePlan(key: string): OpPlan {
  return singleCommandPlan({ invocation: { f: 'dequeue', key, value: null }, command: ['RPOP', key], readOnly: false, completionValue: historyValueOf });
}
