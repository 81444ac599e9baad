import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSetLostWrites } from '../../../src/checker/set-lost-writes.js';
import type { Op } from '../../../src/history/op.js';
import { drawnOperations, TIMELINE_OPERATIONS_MAX } from '../../../src/scenario/timeline.js';
import { escapeHtml, scriptSafeJson } from '../../../src/scenario/timeline/html-escape.js';
import { timelineOperations } from '../../../src/scenario/timeline/timeline-operations.js';
import { faultLanes } from '../../../src/scenario/timeline/timeline-rows.js';
import { tickStepUs } from '../../../src/scenario/timeline/timeline-scale.js';
import { violatingOps } from '../../../src/scenario/timeline/violating-ops.js';

function op(index: number, process: number | string, type: Op['type'], f: string, value: Op['value'], time: number, key = 's'): Op {
  return { index, process, type, f, key, value, time };
}

describe('timelineOperations', () => {
  it('pairs invocations with completions per process, leaves the unfinished pending and skips nemesis markers', () => {
    const history: Op[] = [
      op(0, 0, 'invoke', 'add', 1, 10),
      op(1, 1, 'invoke', 'add', 2, 11),
      op(2, 'nemesis', 'info', 'start-kill', null, 12),
      op(3, 0, 'ok', 'add', 1, 20),
      op(4, 1, 'info', 'add', 2, 30),
      op(5, 2, 'ok', 'add', 9, 31),
      op(6, 3, 'invoke', 'read', null, 40),
    ];
    const operations = timelineOperations(history);
    expect(operations.map((operation) => [operation.invokeIndex, operation.completionIndex, operation.outcome])).toEqual([
      [0, 3, 'ok'],
      [1, 4, 'info'],
      [6, null, 'pending'],
    ]);
    expect(operations[2]?.endUs).toBeNull();
  });
});

describe('violatingOps', () => {
  it('points at the adds whose elements the final read lost', () => {
    const history: Op[] = [
      op(0, 0, 'invoke', 'add', 1, 10),
      op(1, 0, 'ok', 'add', 1, 20),
      op(2, 0, 'invoke', 'add', 2, 30),
      op(3, 0, 'ok', 'add', 2, 40),
      op(4, 1, 'invoke', 'read', null, 50),
      op(5, 1, 'ok', 'read', [2], 60),
    ];
    const reasons = violatingOps({ set: checkSetLostWrites(history) }, history);
    expect([...reasons.keys()].sort((a, b) => a - b)).toEqual([0, 1]);
    expect(reasons.get(0)?.[0]).toMatch(/lost write/);
  });

  it('highlights nothing for checks that passed', () => {
    const history: Op[] = [op(0, 0, 'invoke', 'add', 1, 10), op(1, 0, 'ok', 'add', 1, 20), op(2, 1, 'invoke', 'read', null, 50), op(3, 1, 'ok', 'read', [1], 60)];
    expect(violatingOps({ set: checkSetLostWrites(history) }, history).size).toBe(0);
  });
});

describe('faultLanes', () => {
  it('puts overlapping faults in different lanes and reuses a lane once it is free', () => {
    const fault = (id: number, startUs: number, endUs: number | null) => ({ id, kind: 'pause' as const, target: 'n1', startUs, endUs, effective: true, details: {} });
    expect(faultLanes([fault(1, 0, 100), fault(2, 50, 150), fault(3, 120, 200), fault(4, 160, null)], 1000)).toEqual([0, 1, 0, 1]);
  });
});

describe('tickStepUs', () => {
  it('is the smallest 1-2-5 step at least 80 px wide', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 10, noNaN: true }), (pxPerUs) => {
        const step = tickStepUs(pxPerUs);
        const sequence: number[] = [];
        for (let magnitude = 1; magnitude <= step; magnitude *= 10) for (const factor of [1, 2, 5]) sequence.push(factor * magnitude);
        expect(sequence).toContain(step);
        expect(step * pxPerUs).toBeGreaterThanOrEqual(80);
        const previous = sequence[sequence.indexOf(step) - 1];
        if (previous !== undefined) expect(previous * pxPerUs).toBeLessThan(80);
      }),
    );
  });
});

describe('html escaping', () => {
  it('keeps text from becoming markup and script data from closing its element', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
    const json = scriptSafeJson({ value: '</script><!-- \u2028' });
    expect(json).not.toMatch(/<\/script|<!--|\u2028/);
    expect(JSON.parse(json)).toEqual({ value: '</script><!-- \u2028' });
  });
});

describe('drawnOperations', () => {
  it('keeps at most TIMELINE_OPERATIONS_MAX operations, the violating ones always, renumbered in order', () => {
    const history: Op[] = [];
    const total = TIMELINE_OPERATIONS_MAX + 5;
    for (let index = 0; index < total; index++) history.push(op(2 * index, index, 'invoke', 'add', index, index * 10), op(2 * index + 1, index, 'ok', 'add', index, index * 10 + 5));
    const lastInvoke = 2 * (total - 1);
    const drawn = drawnOperations(timelineOperations(history), new Map([[lastInvoke, ['planted']]]));
    expect(drawn).toHaveLength(TIMELINE_OPERATIONS_MAX);
    expect(drawn.map((operation) => operation.id)).toEqual(drawn.map((_, index) => index));
    expect(drawn[drawn.length - 1]?.invokeIndex).toBe(lastInvoke);
    expect(drawn[drawn.length - 2]?.invokeIndex).toBe(2 * (TIMELINE_OPERATIONS_MAX - 2));
  });
});
