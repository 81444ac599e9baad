import { describe, expect, test } from 'vitest';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { counterIncrementPlan, counterReadPlan } from '../../../src/workload/plans/counter-plans.js';
import { kvAppendPlan, kvReadPlan } from '../../../src/workload/plans/kv-plans.js';
import { listAppendTransactionPlan, listReadPlan } from '../../../src/workload/plans/list-plans.js';
import { dequeuePlan, enqueuePlan } from '../../../src/workload/plans/queue-plans.js';
import { setAddPlan, setReadPlan } from '../../../src/workload/plans/set-plans.js';

describe('workload plans', () => {
  test('kv reads keep text (never numbers) and appends record the length APPEND replied', () => {
    expect(kvReadPlan('k0').onReplies([Buffer.from('12')])).toMatchObject({ values: ['12'] });
    const append = kvAppendPlan('k0', '7,');
    expect(append.start()).toMatchObject({ commands: [['APPEND', 'k0', '7,']] });
    expect(append.onReplies([5])).toMatchObject({ outcome: 'ok', values: [5] });
  });

  test('counter increments record the new count; reads parse it', () => {
    const increment = counterIncrementPlan('k0', 3);
    expect(increment.invocations[0]).toEqual({ f: 'incrby', key: 'k0', value: 3 });
    expect(increment.onReplies([10])).toMatchObject({ values: [10] });
    expect(counterReadPlan('k0').onReplies([Buffer.from('10')])).toMatchObject({ values: [10] });
  });

  test('set adds are SADD of the element; reads are sorted members', () => {
    expect(setAddPlan('k0', 9).start()).toMatchObject({ commands: [['SADD', 'k0', '9']], mayWrite: true });
    expect(setReadPlan('k0').onReplies([[Buffer.from('9'), Buffer.from('1')]])).toMatchObject({ outcome: 'ok', values: [[1, 9]] });
  });

  test('list reads keep order; queue ops push left and pop right', () => {
    expect(listReadPlan('k0').start()).toMatchObject({ commands: [['LRANGE', 'k0', '0', '-1']] });
    expect(listReadPlan('k0').onReplies([[Buffer.from('3'), Buffer.from('1')]])).toMatchObject({ values: [[3, 1]] });
    expect(enqueuePlan('q', 4).start()).toMatchObject({ commands: [['LPUSH', 'q', '4']] });
    expect(dequeuePlan('q').onReplies([null])).toMatchObject({ outcome: 'ok', values: [null] });
  });

  test('an append transaction invokes one op per append and ends them together', () => {
    const plan = listAppendTransactionPlan([
      { key: 'k0', element: 1 },
      { key: 'k1', element: 2 },
    ]);
    expect(plan.invocations).toEqual([
      { f: 'append', key: 'k0', value: 1 },
      { f: 'append', key: 'k1', value: 2 },
    ]);
    expect(plan.start()).toMatchObject({ commands: [['MULTI'], ['RPUSH', 'k0', '1'], ['RPUSH', 'k1', '2'], ['EXEC']], mayWrite: true });
    expect(plan.onReplies(['OK', 'QUEUED', 'QUEUED', [1, 1]])).toMatchObject({ outcome: 'ok' });
    expect(plan.onReplies(['OK', 'QUEUED', 'QUEUED', null])).toMatchObject({ outcome: 'fail' });
    expect(plan.onReplies(['OK', 'QUEUED', 'QUEUED', new RespError('EXECABORT Transaction discarded because of previous errors.')])).toMatchObject({ outcome: 'fail' });
  });
});
