import { describe, expect, test } from 'vitest';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import type { PlanStep } from '../../../src/workload/op-plan.js';
import { casPlan } from '../../../src/workload/plans/register-plans.js';
import { evalCasPlan, evalCasScript } from '../../../src/workload/plans/eval-cas-plan.js';
import { withWaitReplicas } from '../../../src/workload/plans/wait-replicas-plan.js';

function endOf(step: PlanStep): Extract<PlanStep, { kind: 'done' }> {
  if (step.kind !== 'done') throw new Error(`expected the op to end, got ${JSON.stringify(step)}`);
  return step;
}

function outcomeAfter(reply: Parameters<ReturnType<typeof evalCasPlan>['onReplies']>[0][number]): Extract<PlanStep, { kind: 'done' }> {
  const plan = evalCasPlan('k1', 1, 2);
  plan.start();
  return endOf(plan.onReplies([reply]));
}

describe('compare-and-set by EVAL', () => {
  test('one EVAL of the cas script with numkeys 1, the key, expected and next; it may write', () => {
    const plan = evalCasPlan('k3', 4, 0);
    expect(plan.readOnly).toBe(false);
    expect(plan.start()).toEqual({ kind: 'send', commands: [['EVAL', evalCasScript, '1', 'k3', '4', '0']], mayWrite: true });
    expect(evalCasScript).toContain("redis.call('GET', KEYS[1])");
    expect(evalCasScript).toContain("redis.call('SET', KEYS[1], ARGV[2])");
  });

  test('the history shape is the WATCH-based cas one (f cas, value [expected, next])', () => {
    expect(evalCasPlan('k1', 3, 1).invocations).toEqual(casPlan('k1', 3, 1).invocations);
    expect(evalCasPlan('k1', 3, 1).invocations).toEqual([{ f: 'cas', key: 'k1', value: [3, 1] }]);
  });

  test('the script answering 1 is ok, 0 is fail (the value differed, nothing written)', () => {
    expect(outcomeAfter(1)).toEqual({ kind: 'done', outcome: 'ok' });
    expect(outcomeAfter(0)).toEqual({ kind: 'done', outcome: 'fail', error: 'cas: the value differed' });
  });

  test('a refusal before the write (-READONLY, -NOREPLICAS, -OOM) is fail; any other error is info', () => {
    expect(outcomeAfter(new RespError("READONLY You can't write against a read only replica. script: 5f1c, on @user_script:1."))).toMatchObject({ outcome: 'fail' });
    expect(outcomeAfter(new RespError('NOREPLICAS Not enough good replicas to write.'))).toMatchObject({ outcome: 'fail' });
    expect(outcomeAfter(new RespError('OOM command not allowed when used memory > maxmemory.'))).toMatchObject({ outcome: 'fail' });
    const unknown = outcomeAfter(new RespError('ERR Error running script'));
    expect(unknown.outcome).toBe('info');
    expect(unknown.error).toBe('ERR Error running script');
    expect(outcomeAfter(new RespError('BUSY Redis is busy running a script.'))).toMatchObject({ outcome: 'info' });
  });

  test('an answer that is neither 1 nor 0 leaves the outcome unknown (info)', () => {
    for (const reply of [2, null, 'OK', Buffer.from('1'), [1]]) expect(outcomeAfter(reply).outcome, JSON.stringify(reply)).toBe('info');
  });

  test('with WAIT, a cas that happened waits and one that did not ends fail at once', () => {
    const hit = withWaitReplicas(evalCasPlan('k1', 1, 2), { replicas: 1, timeoutMs: 200 });
    hit.start();
    expect(hit.onReplies([1])).toEqual({ kind: 'send', commands: [['WAIT', '1', '200']], mayWrite: false });
    const missed = withWaitReplicas(evalCasPlan('k1', 1, 2), { replicas: 1, timeoutMs: 200 });
    missed.start();
    expect(endOf(missed.onReplies([0])).outcome).toBe('fail');
  });
});
