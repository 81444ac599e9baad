import { describe, expect, test } from 'vitest';
import { Prng } from '../../../src/core/prng.js';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { nextPlan, UniqueValues } from '../../../src/workload/op-generator.js';
import type { PlanStep } from '../../../src/workload/op-plan.js';
import { casPlan, registerReadPlan, registerWritePlan } from '../../../src/workload/plans/register-plans.js';
import { dequeuePlan } from '../../../src/workload/plans/queue-plans.js';
import { withWaitReplicas } from '../../../src/workload/plans/wait-replicas-plan.js';

const spec = { replicas: 1, timeoutMs: 200 };

function doneStep(step: PlanStep): Extract<PlanStep, { kind: 'done' }> {
  if (step.kind !== 'done') throw new Error(`expected the op to end, got ${JSON.stringify(step)}`);
  return step;
}

describe('writes followed by WAIT', () => {
  test('a successful write sends WAIT replicas timeoutMs on the same op', () => {
    const plan = withWaitReplicas(registerWritePlan('k1', 3), spec);
    expect(plan.start()).toEqual({ kind: 'send', commands: [['SET', 'k1', '3']], mayWrite: true });
    expect(plan.onReplies(['OK'])).toEqual({ kind: 'send', commands: [['WAIT', '1', '200']], mayWrite: false });
  });

  test('WAIT reaching the asked replicas makes the write ok', () => {
    const plan = withWaitReplicas(registerWritePlan('k1', 3), { replicas: 2, timeoutMs: 50 });
    plan.start();
    plan.onReplies(['OK']);
    expect(doneStep(plan.onReplies([2])).outcome).toBe('ok');
  });

  test('WAIT timing out short makes the write info, never fail, with the acked count recorded', () => {
    for (const acked of [0, 1]) {
      const plan = withWaitReplicas(registerWritePlan('k1', 3), { replicas: 2, timeoutMs: 50 });
      plan.start();
      plan.onReplies(['OK']);
      const end = doneStep(plan.onReplies([acked]));
      expect(end.outcome).toBe('info');
      expect(end.error).toBe(`waitAcked=${acked} of 2 (WAIT timed out after 50 ms)`);
    }
  });

  test('an error reply to WAIT after an applied write is info', () => {
    const plan = withWaitReplicas(registerWritePlan('k1', 3), spec);
    plan.start();
    plan.onReplies(['OK']);
    expect(doneStep(plan.onReplies([new RespError('ERR WAIT cannot be used with replica instances.')])).outcome).toBe('info');
  });

  test('a refused write ends fail without WAIT', () => {
    const plan = withWaitReplicas(registerWritePlan('k1', 3), spec);
    plan.start();
    const end = doneStep(plan.onReplies([new RespError('NOREPLICAS Not enough good replicas to write.')]));
    expect(end.outcome).toBe('fail');
  });

  test('a cas that did not happen ends fail without WAIT; one that did waits', () => {
    const missed = withWaitReplicas(casPlan('k1', 1, 2), spec);
    missed.start();
    expect(missed.onReplies(['OK', Buffer.from('4')])).toEqual({ kind: 'send', commands: [['UNWATCH']], mayWrite: false });
    expect(doneStep(missed.onReplies(['OK'])).outcome).toBe('fail');
    const hit = withWaitReplicas(casPlan('k1', 1, 2), spec);
    hit.start();
    hit.onReplies(['OK', Buffer.from('1')]);
    expect(hit.onReplies(['OK', 'QUEUED', ['OK']])).toEqual({ kind: 'send', commands: [['WAIT', '1', '200']], mayWrite: false });
    expect(doneStep(hit.onReplies([0])).outcome).toBe('info');
  });

  test('the write completion values survive the WAIT (a dequeue keeps the element it took)', () => {
    const plan = withWaitReplicas(dequeuePlan('q'), spec);
    plan.start();
    const inner = dequeuePlan('q');
    inner.start();
    const innerEnd = doneStep(inner.onReplies([Buffer.from('17')]));
    plan.onReplies([Buffer.from('17')]);
    expect(doneStep(plan.onReplies([1])).values).toEqual(innerEnd.values);
  });

  test('reads are not wrapped', () => {
    const read = registerReadPlan('k1');
    expect(withWaitReplicas(read, spec)).toBe(read);
  });

  test('the generator adds WAIT to every write and to no read when the mix asks', () => {
    const prng = Prng.root(3);
    const unique = new UniqueValues();
    let writes = 0;
    for (let draw = 0; draw < 200; draw++) {
      const plan = nextPlan({ kind: 'set', keys: 2, readFraction: 0.3, waitReplicas: spec }, prng, unique);
      const first = plan.start();
      if (first.kind !== 'send') throw new Error('set ops start by sending');
      const second = plan.onReplies(first.commands.map(() => 1));
      if (plan.readOnly) {
        expect(second.kind).toBe('done');
        continue;
      }
      writes++;
      expect(second).toEqual({ kind: 'send', commands: [['WAIT', '1', '200']], mayWrite: false });
    }
    expect(writes).toBeGreaterThan(50);
  });
});
