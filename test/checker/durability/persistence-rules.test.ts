import { describe, expect, it } from 'vitest';
import { checkDurabilityContract } from '../../../src/checker/durability/check-durability.js';
import type { DurabilityInput, PersistenceSummary } from '../../../src/checker/durability/durability-input.js';
import { EVERYSEC_LOSS_WINDOW_US } from '../../../src/checker/durability/persistence-rules.js';
import type { FaultWindow } from '../../../src/checker/fault-window.js';
import type { Op, OpValue } from '../../../src/history/op.js';

const always: PersistenceSummary = { appendonly: true, appendfsync: 'always', rdbSnapshots: false };
const everysec: PersistenceSummary = { appendonly: true, appendfsync: 'everysec', rdbSnapshots: false };
const noFsync: PersistenceSummary = { appendonly: true, appendfsync: 'no', rdbSnapshots: false };
const rdbOnly: PersistenceSummary = { appendonly: false, appendfsync: 'everysec', rdbSnapshots: true };

interface Write {
  readonly process: number;
  readonly value: OpValue;
  readonly invokeUs: number;
  readonly completeUs: number;
  readonly key?: string;
  readonly f?: string;
}

/** Acknowledged adds (or appends) at the given times, on node n1, in invocation order. */
function historyOf(writes: readonly Write[]): Op[] {
  const events = writes.flatMap((write) => [
    { at: write.invokeUs, type: 'invoke' as const, write },
    { at: write.completeUs, type: 'ok' as const, write },
  ]);
  events.sort((left, right) => left.at - right.at || (left.type === right.type ? 0 : left.type === 'invoke' ? -1 : 1));
  return events.map(({ at, type, write }, index) => ({ index, process: write.process, type, f: write.f ?? 'add', key: write.key ?? 's', value: write.value, time: at, node: 'n1' }));
}

const fault = (kind: string, startMs: number, durationMs = 500): FaultWindow => ({ kind, startUs: startMs * 1000, endUs: (startMs + durationMs) * 1000, target: 'n1' });

function check(persistence: PersistenceSummary, writes: readonly Write[], kept: readonly OpValue[], faults: readonly FaultWindow[]): ReturnType<typeof checkDurabilityContract> {
  const input: DurabilityInput = { history: historyOf(writes), persistence, faults, recovered: { s: [...kept] } };
  return checkDurabilityContract(input);
}

const early: Write = { process: 1, value: 1, invokeUs: 10_000, completeUs: 11_000 };
const late: Write = { process: 2, value: 2, invokeUs: 900_000, completeUs: 901_000 };

describe('durability contract: appendfsync always', () => {
  it('forbids losing an acknowledged write to a kill or a power loss', () => {
    for (const kind of ['kill', 'power-loss']) {
      const result = check(always, [early, late], [1], [fault(kind, 1000)]);
      expect(result).toMatchObject({ valid: false, rule: 'aof-always' });
      expect(result.explanations).toEqual([{ opIndex: 2, key: 's', explainedBy: null }]);
    }
  });

  it('attributes a loss to an fsync fault in force when the write was acknowledged, followed by a power loss', () => {
    const result = check(always, [early, late], [1], [fault('disk', 800, 400), fault('power-loss', 1000)]);
    expect(result.valid).toBe(true);
    expect(result.explanations?.[0]?.explainedBy).toContain('disk on n1 at 800.0 ms');
    expect(check(always, [early, late], [1], [fault('disk', 800, 400), fault('kill', 1000)]).valid).toBe(false);
  });
});

describe('durability contract: appendfsync everysec', () => {
  it('allows losing the writes of the last ~2 s before a power loss, not older ones', () => {
    const powerLossAtMs = 3000;
    expect(powerLossAtMs * 1000 - late.completeUs).toBeLessThan(EVERYSEC_LOSS_WINDOW_US);
    expect(powerLossAtMs * 1000 - early.completeUs).toBeGreaterThan(EVERYSEC_LOSS_WINDOW_US);
    expect(check(everysec, [early, late], [1], [fault('power-loss', powerLossAtMs)]).valid).toBe(true);
    const old = check(everysec, [early, late], [], [fault('power-loss', powerLossAtMs)]);
    expect(old.valid).toBe(false);
    expect(old.lostForbidden.map((write) => write.expected)).toEqual([1]);
  });

  it('allows a kill to take only writes postponed within 2 s', () => {
    expect(check(everysec, [early, late], [1], [fault('kill', 1500)]).valid).toBe(true);
    expect(check(everysec, [early, late], [1], [fault('kill', 4000)]).valid).toBe(false);
  });
});

describe('durability contract: appendfsync no and RDB only', () => {
  it('appendfsync no may lose anything to a power loss but nothing to a kill', () => {
    expect(check(noFsync, [early, late], [], [fault('power-loss', 60_000)]).valid).toBe(true);
    expect(check(noFsync, [early, late], [1], [fault('kill', 60_000)]).valid).toBe(false);
  });

  it('RDB only may lose anything since the last save to a kill', () => {
    expect(check(rdbOnly, [early, late], [], [fault('kill', 60_000)])).toMatchObject({ valid: true, rule: 'rdb-only' });
    expect(check(rdbOnly, [early, late], [], []).valid).toBe(false);
  });

  it('rejects a recovered state that is not a prefix: a later write survived an earlier lost one', () => {
    const result = check(rdbOnly, [early, late], [2], [fault('power-loss', 60_000)]);
    expect(result.valid).toBe(false);
    expect(result.lostForbidden).toEqual([]);
    expect(result.prefixViolations?.map((violation) => [violation.kind, violation.lost.expected, violation.kept.opIndex])).toEqual([['not-a-prefix', 1, 2]]);
  });

  it('does not call concurrent writes out of order', () => {
    const overlapping: Write = { process: 2, value: 2, invokeUs: 10_500, completeUs: 12_000 };
    expect(check(rdbOnly, [early, overlapping], [2], [fault('power-loss', 60_000)]).valid).toBe(true);
  });

  it('rejects half a transaction: appends of one MULTI/EXEC survive together or not at all', () => {
    const first: Write = { process: 1, value: 1, invokeUs: 10_000, completeUs: 11_000, f: 'append', key: 's' };
    const second: Write = { process: 2, value: 2, invokeUs: 10_000, completeUs: 11_000, f: 'append', key: 's' };
    const input: DurabilityInput = {
      history: [
        { index: 0, process: 1, type: 'invoke', f: 'append', key: 's', value: 1, time: 10_000, node: 'n1' },
        { index: 1, process: 2, type: 'invoke', f: 'append', key: 's', value: 2, time: 10_000, node: 'n1' },
        { index: 2, process: 1, type: 'ok', f: 'append', key: 's', value: 1, time: 11_000, node: 'n1' },
        { index: 3, process: 2, type: 'ok', f: 'append', key: 's', value: 2, time: 11_000, node: 'n1' },
      ],
      persistence: noFsync,
      faults: [fault('power-loss', 60_000)],
      recovered: { s: [2] },
    };
    const result = checkDurabilityContract(input);
    expect(result.valid).toBe(false);
    expect(result.prefixViolations?.map((violation) => violation.kind)).toEqual(['half-transaction']);
    expect(check(noFsync, [first, second], [1, 2], [fault('power-loss', 60_000)]).valid).toBe(true);
  });
});
