import { describe, expect, test } from 'vitest';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { casPlan, registerReadPlan, registerWritePlan } from '../../../src/workload/plans/register-plans.js';

describe('register plans', () => {
  test('a read sends GET and completes ok with the value read', () => {
    const plan = registerReadPlan('k1');
    expect(plan.readOnly).toBe(true);
    expect(plan.start()).toEqual({ kind: 'send', commands: [['GET', 'k1']], mayWrite: false });
    expect(plan.onReplies([Buffer.from('4')])).toEqual({ kind: 'done', outcome: 'ok', values: [4] });
    expect(plan.onReplies([null])).toEqual({ kind: 'done', outcome: 'ok', values: [null] });
  });

  test('a write sends SET; -READONLY makes it fail, an unknown error info', () => {
    const plan = registerWritePlan('k1', 3);
    expect(plan.invocations).toEqual([{ f: 'write', key: 'k1', value: 3 }]);
    expect(plan.start()).toEqual({ kind: 'send', commands: [['SET', 'k1', '3']], mayWrite: true });
    expect(plan.onReplies(['OK'])).toMatchObject({ kind: 'done', outcome: 'ok' });
    expect(plan.onReplies([new RespError("READONLY You can't write against a read only replica.")])).toMatchObject({ outcome: 'fail' });
    expect(plan.onReplies([new RespError('ERR weird')])).toMatchObject({ outcome: 'info' });
  });

  test('a cas whose read finds another value unwatches and fails', () => {
    const plan = casPlan('k1', 1, 2);
    expect(plan.start()).toEqual({ kind: 'send', commands: [['WATCH', 'k1'], ['GET', 'k1']], mayWrite: false });
    expect(plan.onReplies(['OK', Buffer.from('3')])).toEqual({ kind: 'send', commands: [['UNWATCH']], mayWrite: false });
    expect(plan.onReplies(['OK'])).toMatchObject({ kind: 'done', outcome: 'fail' });
  });

  test('a cas runs MULTI/SET/EXEC when the value matches; an array EXEC is ok', () => {
    const plan = casPlan('k1', 1, 2);
    plan.start();
    expect(plan.onReplies(['OK', Buffer.from('1')])).toEqual({ kind: 'send', commands: [['MULTI'], ['SET', 'k1', '2'], ['EXEC']], mayWrite: true });
    expect(plan.onReplies(['OK', 'QUEUED', ['OK']])).toMatchObject({ kind: 'done', outcome: 'ok' });
  });

  test('a nil EXEC (the watched key changed) and -EXECABORT are fail', () => {
    const nilExec = casPlan('k1', 1, 2);
    nilExec.start();
    nilExec.onReplies(['OK', Buffer.from('1')]);
    expect(nilExec.onReplies(['OK', 'QUEUED', null])).toMatchObject({ kind: 'done', outcome: 'fail' });
    const aborted = casPlan('k1', 1, 2);
    aborted.start();
    aborted.onReplies(['OK', Buffer.from('1')]);
    expect(aborted.onReplies(['OK', new RespError('OOM command not allowed'), new RespError('EXECABORT Transaction discarded because of previous errors.')])).toMatchObject({ kind: 'done', outcome: 'fail' });
  });
});
