import { describe, expect, it } from 'vitest';
import type { OpValue } from '../../src/history/op.js';
import { runScenario, type RunOutput } from '../../src/scenario/runner.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { problemOf, withChange } from '../support/scenario-validation.js';
import waitThenFailover from '../../scenarios/wait-then-failover.js';

const file = 'scenarios/wait-then-failover.ts';

/** The validation problem of the scenario changed by `change`, or 'valid'. */
function problemWith(change: (copy: Record<string, any>) => void): string {
  return problemOf(withChange(waitThenFailover, change), file);
}

function isWaitShortfall(error: OpValue | undefined): boolean {
  return typeof error === 'string' && error.startsWith('waitAcked=');
}

function lostAddValues(output: RunOutput): Set<string> {
  const result = output.checkResults['set'] as unknown as { keys: readonly { lost: readonly OpValue[] }[] };
  return new Set(result.keys.flatMap((key) => key.lost.map(String)));
}

function faultStartUs(output: RunOutput, kind: string): number {
  const fault = output.faults.find((candidate) => candidate.kind === kind && candidate.effective);
  if (fault === undefined) throw new Error(`no effective ${kind} fault`);
  return fault.startUs;
}

describe('wait-then-failover: WAIT 1 acknowledged writes lost when the sentinels promote the other replica', () => {
  const output = runScenario(validateScenario(waitThenFailover, file), waitThenFailover.seeds[0] as number);

  it('finds lost writes, and every lost write was ok (WAIT said one replica had it) on the old master before it died', () => {
    expect(output.crash).toBeNull();
    expect(output.result.verdict).toBe('invalid');
    expect(output.anomalies).toContain('lost-writes');
    const lost = lostAddValues(output);
    const lostAcks = output.history.filter((op) => op.type === 'ok' && op.f === 'add' && lost.has(String(op.value)));
    expect(lostAcks.length).toBeGreaterThan(10);
    const killUs = faultStartUs(output, 'kill');
    for (const ack of lostAcks) {
      expect(ack.node).toBe('n1');
      expect(ack.time).toBeLessThanOrEqual(killUs);
    }
    // The sentinels promoted n3, the replica cut off from the stream, not n2 which had the writes.
    const masterSpans = output.nodeSpans.filter((span) => span.role === 'master' && span.toUs > killUs);
    expect(masterSpans.some((span) => span.host === 'n3')).toBe(true);
    expect(masterSpans.some((span) => span.host === 'n2')).toBe(false);
  });

  it('WAIT timeouts are recorded as info with the acked count, never as fail', () => {
    const shortfalls = output.history.filter((op) => op.type !== 'invoke' && isWaitShortfall(op.error));
    expect(shortfalls.length).toBeGreaterThan(0);
    for (const op of shortfalls) {
      expect(op.type).toBe('info');
      expect(op.error).toMatch(/^waitAcked=0 of 1 \(WAIT timed out after 300 ms\)$/);
    }
    // A fail is only a write refused or never sent, so none carries a WAIT result.
    const fails = output.history.filter((op) => op.type === 'fail');
    for (const op of fails) expect(String(op.error)).not.toMatch(/WAIT|waitAcked/);
  });

  it('rejects a waitReplicas the topology or the op timeout cannot honour, naming the file and the field', () => {
    expect(problemWith(() => undefined)).toBe('valid');
    expect(problemWith((s) => (s.workload.waitReplicas.replicas = 3))).toBe(`${file}: workload.waitReplicas.replicas: the sentinel topology has 2 replica(s), WAIT asks for 3`);
    expect(problemWith((s) => (s.workload.waitReplicas.timeoutMs = 0))).toBe(`${file}: workload.waitReplicas.timeoutMs: must be a positive integer, got 0`);
    expect(problemWith((s) => (s.workload.waitReplicas.timeoutMs = 1000))).toBe(`${file}: workload.waitReplicas.timeoutMs: must be below workload.opTimeoutMs (1000), got 1000`);
    expect(problemWith((s) => (s.workload.waitReplicas = { replicas: 1, timeoutMs: 10, quorum: 2 }))).toMatch(/^scenarios\/wait-then-failover\.ts: workload\.waitReplicas.*quorum/);
    expect(problemWith((s) => (s.topology = { kind: 'standalone' }))).toBe(`${file}: workload.waitReplicas.replicas: the standalone topology has 0 replica(s), WAIT asks for 1`);
  });
});
