import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/scenario/runner.js';
import type { CheckerName, Scenario, WorkloadSpec } from '../../src/scenario/scenario.js';
import { validateScenario } from '../../src/scenario/validate.js';

function scenarioFor(workload: Partial<WorkloadSpec> & Pick<WorkloadSpec, 'kind'>, checkers: readonly CheckerName[], faulty: boolean): Scenario {
  const scenario: Scenario = {
    name: `workload-${workload.kind}`,
    description: 'a workload and the checkers that fit it',
    topology: { kind: 'standalone' },
    config: { save: '', appendonly: 'no' },
    workload: { clients: 4, keys: 3, rateHz: 20, opTimeoutMs: 200, ...workload },
    nemesis: faulty ? { timeline: [{ atMs: 1500, durationMs: 300, fault: { kind: 'kill', target: 'n1' } }] } : {},
    phases: { setupMs: 50, faultsMs: 3000, healMs: 500, quiesceMsMax: 1000, finalReads: true },
    checkers,
    seeds: [1],
    expect: { valid: true },
  };
  return validateScenario(scenario, `workload-${workload.kind}`);
}

const cases: readonly { readonly workload: Partial<WorkloadSpec> & Pick<WorkloadSpec, 'kind'>; readonly checkers: readonly CheckerName[] }[] = [
  { workload: { kind: 'register' }, checkers: ['linearizable', 'durability', 'convergence', 'availability'] },
  { workload: { kind: 'cas-register' }, checkers: ['linearizable'] },
  { workload: { kind: 'kv' }, checkers: ['linearizable'] },
  { workload: { kind: 'counter' }, checkers: ['linearizable'] },
  { workload: { kind: 'set', readFraction: 0.1 }, checkers: ['set', 'linearizable', 'durability'] },
  { workload: { kind: 'list-append' }, checkers: ['list-append', 'durability'] },
  { workload: { kind: 'list-append', appendsPerTransaction: 3 }, checkers: ['list-append'] },
  { workload: { kind: 'queue' }, checkers: ['availability', 'convergence'] },
];

describe('every workload records histories its checkers accept', () => {
  for (const { workload, checkers } of cases) {
    test(`${workload.kind}${workload.appendsPerTransaction === undefined ? '' : ' in transactions'}: valid without faults`, () => {
      const output = runScenario(scenarioFor(workload, checkers, false), 1);
      expect(output.result.verdict, JSON.stringify(output.result.checks)).toBe('valid');
      expect(output.result.stats.ok).toBeGreaterThan(100);
    });
  }

  test('a kill without persistence is caught by the checker of each data-keeping workload', () => {
    for (const { workload, checkers } of cases.filter((item) => item.workload.kind !== 'queue')) {
      const output = runScenario(scenarioFor(workload, checkers.filter((name) => name !== 'durability'), true), 1);
      expect(output.result.verdict, `${workload.kind}: ${JSON.stringify(output.result.checks)}`).toBe('invalid');
    }
  });
});
