import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShrinkCase } from '../../../src/scenario/shrink/shrink-case.js';
import { shrinkSteps, smallerValues } from '../../../src/scenario/shrink/shrink-candidates.js';

describe('smallerValues', () => {
  it('tries the minimum first, then values ever closer to the start, each below it', () => {
    expect(smallerValues(100, 0, 1)).toEqual([0, 50, 75, 88, 94, 97, 99]);
    expect(smallerValues(5, 5, 1)).toEqual([]);
  });

  it('yields distinct values in [min, value), min first, each saving at least the step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 500 }), (a, b, stepMin) => {
        const [min, value] = a <= b ? [a, b] : [b, a];
        const values = smallerValues(value, min, stepMin);
        if (value === min) {
          expect(values).toEqual([]);
          return;
        }
        expect(values[0]).toBe(min);
        expect(new Set(values).size).toBe(values.length);
        for (const smaller of values) {
          expect(smaller).toBeGreaterThanOrEqual(min);
          expect(value - smaller).toBeGreaterThanOrEqual(Math.min(stepMin, value - min));
        }
      }),
    );
  });
});

describe('shrinkSteps', () => {
  const start: ShrinkCase = {
    timeline: [
      { atMs: 1000, durationMs: 400, fault: { kind: 'kill', target: 'n1' } },
      { atMs: 2000, durationMs: 300, fault: { kind: 'pause', target: 'n1' } },
      { atMs: 3000, durationMs: 200, fault: { kind: 'connection-reset', target: 'n1' } },
    ],
    faultsMs: 5000,
    healMs: 1000,
    clients: 3,
    keys: 2,
    rateHz: 10,
  };

  it('tries fewer faults first, dropping all, then halves, then single faults', () => {
    const descriptions = [...shrinkSteps(start)].map((step) => step.description);
    expect(descriptions.slice(0, 6)).toEqual(['drop all 3 faults', 'drop faults 1..2', 'drop faults 3..3', 'drop fault 1 (kill)', 'drop fault 2 (pause)', 'drop fault 3 (connection-reset)']);
  });

  it('only ever makes a case smaller: no field grows and every step changes something', () => {
    for (const step of shrinkSteps(start)) {
      const candidate = step.candidate;
      expect(JSON.stringify(candidate)).not.toBe(JSON.stringify(start));
      expect(candidate.timeline.length).toBeLessThanOrEqual(start.timeline.length);
      expect(candidate.faultsMs).toBeLessThanOrEqual(start.faultsMs);
      expect(candidate.healMs).toBeLessThanOrEqual(start.healMs);
      expect(candidate.clients).toBeLessThanOrEqual(start.clients);
      expect(candidate.keys).toBeLessThanOrEqual(start.keys);
      expect(candidate.rateHz).toBeLessThanOrEqual(start.rateHz);
      for (const timed of candidate.timeline) expect(timed.atMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('never cuts the faults phase below the last fault start (that fault would never run)', () => {
    const cuts = [...shrinkSteps(start)].filter((step) => step.description.startsWith('faults phase'));
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts) expect(cut.candidate.faultsMs).toBeGreaterThan(3000);
  });
});
