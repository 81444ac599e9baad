import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/scenario/runner.js';
import minorityPartition from '../../scenarios/sentinel-minority-partition.js';
import staleReads from '../../scenarios/replica-stale-reads.js';

describe('replicated and sentinel runs are deterministic', () => {
  it('the same seed gives the same trace hash and history; another seed does not', () => {
    for (const scenario of [minorityPartition, staleReads]) {
      const first = runScenario(scenario, 11);
      const second = runScenario(scenario, 11);
      const other = runScenario(scenario, 12);
      expect(second.result.traceHash).toBe(first.result.traceHash);
      expect(second.history).toEqual(first.history);
      expect(other.result.traceHash).not.toBe(first.result.traceHash);
    }
  });
});
