import { describe, expect, it } from 'vitest';
import type { DurabilityResult } from '../../../src/checker/durability/check-durability.js';
import { runScenario } from '../../../src/scenario/runner.js';
import type { Scenario } from '../../../src/scenario/scenario.js';
import aofAlwaysCrashes from '../../../scenarios/aof-always-crashes.js';
import aofAlwaysFsyncLoss from '../../../scenarios/aof-always-fsync-loss.js';
import aofAlwaysPlanted from '../../../scenarios/aof-always-planted-reply-before-write.js';
import aofEverysecPowerLoss from '../../../scenarios/aof-everysec-power-loss.js';
import aofNoPowerLoss from '../../../scenarios/aof-no-power-loss.js';
import aofTornTail from '../../../scenarios/aof-torn-tail.js';
import rdbOnlyPowerLoss from '../../../scenarios/rdb-only-power-loss.js';

/** The durability result of the first two default seeds (shipped.test.ts checks every seed's verdict). */
function durabilityOf(scenario: Scenario): DurabilityResult[] {
  return scenario.seeds.slice(0, 2).map((seed) => {
    const output = runScenario(scenario, seed);
    expect(output.crash).toBeNull();
    return output.checkResults['durability'] as DurabilityResult;
  });
}

describe('persistence scenarios: what the durability contract reports', () => {
  it('aof-always-crashes: nothing acknowledged is lost', () => {
    for (const result of durabilityOf(aofAlwaysCrashes)) expect(result).toMatchObject({ valid: true, rule: 'aof-always', lost: [] });
  });

  it('aof-always-fsync-loss: writes are lost, every one attributed to the injected fsync loss', () => {
    for (const result of durabilityOf(aofAlwaysFsyncLoss)) {
      expect(result.valid).toBe(true);
      expect(result.lost.length).toBeGreaterThan(0);
      for (const explanation of result.explanations ?? []) expect(explanation.explainedBy).toMatch(/^disk on n1/);
    }
  });

  it('the planted reply-before-write bug loses writes no fault explains', () => {
    for (const result of durabilityOf(aofAlwaysPlanted)) {
      expect(result.valid).toBe(false);
      expect(result.lostForbidden.length).toBeGreaterThan(0);
      expect(result.explanations?.some((explanation) => explanation.explainedBy === null)).toBe(true);
    }
  });

  for (const scenario of [aofEverysecPowerLoss, rdbOnlyPowerLoss, aofNoPowerLoss, aofTornTail]) {
    it(`${scenario.name}: losses within the policy, reported and explained, a prefix survives`, () => {
      const results = durabilityOf(scenario);
      for (const result of results) {
        expect(result.valid).toBe(true);
        expect(result.prefixViolations).toEqual([]);
        for (const explanation of result.explanations ?? []) expect(explanation.explainedBy).not.toBeNull();
      }
      expect(results.some((result) => result.lost.length > 0)).toBe(true);
    });
  }
});
