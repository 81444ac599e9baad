import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/scenario/replay.js';
import { runScenario } from '../../src/scenario/runner.js';
import { staleReadScenario } from './timeline/support.js';

describe('compareRuns', () => {
  it('finds two runs of the same seed equal, for a few seeds', () => {
    for (const seed of [1, 2, 3]) {
      const check = compareRuns(runScenario(staleReadScenario, seed, { keepTrace: true }), runScenario(staleReadScenario, seed, { keepTrace: true }));
      expect(check.deterministic).toBe(true);
      expect(check.traceHashes[0]).toBe(check.traceHashes[1]);
      expect(check.events[0]).toBeGreaterThan(100);
      expect(check.firstDifference).toBeNull();
    }
  });

  it('reports the first differing event when two runs differ', () => {
    const first = runScenario(staleReadScenario, 1, { keepTrace: true });
    const second = runScenario(staleReadScenario, 2, { keepTrace: true });
    const check = compareRuns(first, second);
    expect(check.deterministic).toBe(false);
    expect(check.historiesEqual).toBe(false);
    const difference = check.firstDifference;
    expect(difference).not.toBeNull();
    const index = difference?.left?.index ?? difference?.right?.index ?? -1;
    expect(first.traceEntries?.slice(0, index)).toEqual(second.traceEntries?.slice(0, index));
    expect(first.traceEntries?.[index]).not.toEqual(second.traceEntries?.[index]);
  });
});
