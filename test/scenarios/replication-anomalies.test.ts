import { describe, expect, it } from 'vitest';
import type { Op, OpValue } from '../../src/history/op.js';
import { runScenario, type RunOutput } from '../../src/scenario/runner.js';
import crashBeforeReplicate from '../../scenarios/crash-before-replicate.js';
import minorityMinReplicas from '../../scenarios/sentinel-minority-min-replicas.js';
import minorityPartition from '../../scenarios/sentinel-minority-partition.js';

interface LostWrites {
  readonly lostFraction: number;
  readonly acknowledged: number;
  /** The acknowledgements (ok ops) of the lost adds. */
  readonly lostAcks: readonly Op[];
}

/** The set checker's lost adds, matched to the ok ops that acknowledged them. */
function lostWritesOf(output: RunOutput): LostWrites {
  const result = output.checkResults['set'] as unknown as { lostFraction: number; acknowledged: number; keys: readonly { lost: readonly OpValue[] }[] };
  const lost = new Set(result.keys.flatMap((key) => key.lost.map(String)));
  const lostAcks = output.history.filter((op) => op.type === 'ok' && op.f === 'add' && lost.has(String(op.value)));
  return { lostFraction: result.lostFraction, acknowledged: result.acknowledged, lostAcks };
}

function faultWindow(output: RunOutput, kind: string): { readonly startUs: number; readonly endUs: number } {
  const fault = output.faults.find((candidate) => candidate.kind === kind);
  if (fault === undefined) throw new Error(`no ${kind} fault applied`);
  return { startUs: fault.startUs, endUs: fault.endUs ?? Number.POSITIVE_INFINITY };
}

describe('replication anomalies Jepsen found, reproduced and measured', () => {
  it('minority partition: the old master acknowledged the writes that vanished, all inside the partition', () => {
    const output = runScenario(minorityPartition, 1);
    const lost = lostWritesOf(output);
    const partition = faultWindow(output, 'partition');
    expect(lost.lostAcks.length).toBeGreaterThan(0);
    expect(lost.lostFraction).toBeGreaterThan(0.05);
    for (const ack of lost.lostAcks) {
      expect(ack.node).toBe('n1');
      expect(ack.time).toBeGreaterThanOrEqual(partition.startUs);
      expect(ack.time).toBeLessThanOrEqual(partition.endUs);
    }
  });

  it('min-replicas-to-write 1 / max-lag 10: the loss is confined to the lag window, after which the old master refuses writes', () => {
    const output = runScenario(minorityMinReplicas, 1);
    const lost = lostWritesOf(output);
    const partition = faultWindow(output, 'partition');
    const lagWindowUs = (10 + 2) * 1_000_000;
    expect(lost.lostAcks.length).toBeGreaterThan(0);
    for (const ack of lost.lostAcks) expect(ack.time - partition.startUs).toBeLessThanOrEqual(lagWindowUs);
    const refused = output.history.filter((op) => op.type === 'fail' && String(op.error).startsWith('NOREPLICAS'));
    expect(refused.length).toBeGreaterThan(0);
    const unbounded = lostWritesOf(runScenario(minorityPartition, 1));
    expect(lost.lostFraction).toBeLessThan(unbounded.lostFraction);
  });

  it('crash before replicate: the lost writes were acknowledged between the stream being held and the crash', () => {
    const output = runScenario(crashBeforeReplicate, 1);
    const lost = lostWritesOf(output);
    const held = faultWindow(output, 'partition');
    const crash = faultWindow(output, 'kill');
    expect(lost.lostAcks.length).toBeGreaterThan(0);
    for (const ack of lost.lostAcks) {
      expect(ack.time).toBeGreaterThanOrEqual(held.startUs);
      expect(ack.time).toBeLessThanOrEqual(crash.startUs);
    }
  });
});
