import { describe, expect, it } from 'vitest';
import { checkLatency } from '../../src/checker/latency.js';
import type { Op } from '../../src/history/op.js';

function timed(pairs: readonly [string, number, number, 'ok' | 'fail' | 'info'][]): Op[] {
  const ops: Op[] = [];
  pairs.forEach(([f, invokeUs, completeUs, type], process) => {
    ops.push({ index: 0, process, type: 'invoke', f, value: null, time: invokeUs });
    ops.push({ index: 0, process, type, f, value: null, time: completeUs });
  });
  return ops.sort((a, b) => a.time - b.time).map((op, index) => ({ ...op, index }));
}

describe('latency checker', () => {
  it('measures ok operations only, in simulated ms, overall and per :f', () => {
    const result = checkLatency(timed([['read', 0, 1000, 'ok'], ['read', 0, 3000, 'ok'], ['write', 0, 2000, 'ok'], ['write', 0, 900_000, 'info']]));
    expect(result.overall).toMatchObject({ count: 3, p50Ms: 2, maxMs: 3 });
    expect(result.byF['read']).toMatchObject({ count: 2, maxMs: 3 });
    expect(result.byF['write']).toMatchObject({ count: 1, maxMs: 2 });
    expect(result.valid).toBe(true);
  });

  it('fails a given bound and is unknown without ok operations', () => {
    expect(checkLatency(timed([['read', 0, 50_000, 'ok']]), { p99MsMax: 10 })).toMatchObject({ valid: false });
    expect(checkLatency(timed([['read', 0, 50_000, 'fail']])).valid).toBe('unknown');
  });
});
