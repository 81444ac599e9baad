import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/core/assert.js';
import { HistoryRecorder } from '../../src/history/history-recorder.js';
import { pairOperations } from '../../src/history/operation.js';

describe('history recorder', () => {
  it('assigns indexes in order and pairs each completion with its process invocation', () => {
    const recorder = new HistoryRecorder();
    recorder.invoke({ process: 0, f: 'write', key: 'k', value: 1, time: 10, node: 'n1' });
    recorder.invoke({ process: 1, f: 'read', key: 'k', value: null, time: 11 });
    recorder.complete(1, { type: 'ok', value: 1, time: 12 });
    const completion = recorder.complete(0, { type: 'info', time: 13, error: 'timeout' });
    expect(recorder.ops().map((op) => op.index)).toEqual([0, 1, 2, 3]);
    expect(completion).toEqual({ index: 3, process: 0, type: 'info', f: 'write', key: 'k', value: 1, time: 13, node: 'n1', error: 'timeout' });
    const pairing = pairOperations(recorder.ops());
    expect(pairing.ok && pairing.operations.map((operation) => [operation.f, operation.outcome])).toEqual([
      ['write', 'info'],
      ['read', 'ok'],
    ]);
  });

  it('holds a process to one outstanding operation, and a completion to a pending invocation', () => {
    const recorder = new HistoryRecorder();
    recorder.invoke({ process: 0, f: 'read', value: null, time: 0 });
    expect(() => recorder.invoke({ process: 0, f: 'read', value: null, time: 1 })).toThrow(InvariantError);
    expect(() => recorder.complete(7, { type: 'ok', time: 1 })).toThrow(InvariantError);
    expect(recorder.hasPending(0)).toBe(true);
  });

  it('refuses times that go backwards', () => {
    const recorder = new HistoryRecorder();
    recorder.invoke({ process: 0, f: 'read', value: null, time: 5 });
    expect(() => recorder.complete(0, { type: 'ok', time: 4 })).toThrow(InvariantError);
  });

  it('refuses new invocations once full, while pending ones can still complete', () => {
    const recorder = new HistoryRecorder({ opsMax: 4 });
    expect(recorder.invoke({ process: 0, f: 'read', value: null, time: 0 })).not.toBeNull();
    expect(recorder.invoke({ process: 1, f: 'read', value: null, time: 0 })).not.toBeNull();
    expect(recorder.isFull()).toBe(true);
    expect(recorder.invoke({ process: 2, f: 'read', value: null, time: 0 })).toBeNull();
    recorder.complete(0, { type: 'ok', value: 1, time: 1 });
    recorder.complete(1, { type: 'ok', value: 1, time: 1 });
    expect(recorder.ops()).toHaveLength(4);
    expect(recorder.refusedCount()).toBe(1);
  });

  it('keeps fault markers that pairing sets aside', () => {
    const recorder = new HistoryRecorder();
    recorder.faultMarker({ type: 'info', f: 'start-partition', value: 'majority', time: 0 });
    recorder.invoke({ process: 0, f: 'read', value: null, time: 1 });
    recorder.complete(0, { type: 'fail', time: 2 });
    const pairing = pairOperations(recorder.ops());
    expect(pairing.ok && pairing.faultMarkers.map((op) => op.f)).toEqual(['start-partition']);
    expect(pairing.ok && pairing.operations).toHaveLength(1);
  });
});
