import { describe, expect, it } from 'vitest';
import { runSweepTask } from '../../src/cli/worker-sweep-thread.js';
import { formatRunSummary } from '../../src/cli/run-summary.js';
import { runScenario } from '../../src/scenario/runner.js';
import { summarizeScenarioSweep } from '../../src/scenario/sweep/scenario-sweep-summary.js';
import tornTail from '../../scenarios/aof-torn-tail.js';
import singleNodeKill from '../../scenarios/single-node-kill-no-persistence.js';

describe('sweep worker and run summary report refused starts', () => {
  const data = { scenarios: [tornTail, singleNodeKill], reportsDir: '/nonexistent', reports: 'none' as const };

  it('counts the repaired refusals of each seed, so a required-refusal expectation is judged', () => {
    const results = tornTail.seeds.map((seed) => runSweepTask(data, { scenario: 0, seed }));
    expect(results.every((result) => typeof result.repairedStartRefusals === 'number')).toBe(true);
    expect(results.some((result) => (result.repairedStartRefusals ?? 0) > 0)).toBe(true);
    const summary = summarizeScenarioSweep(tornTail, results, 1);
    expect(summary.refusalSeeds).toBeGreaterThan(0);
    expect(summary.ok).toBe(true);
  });

  it('a scenario without refusals reports zero, and a required expectation over it is not met', () => {
    const results = singleNodeKill.seeds.slice(0, 2).map((seed) => runSweepTask(data, { scenario: 1, seed }));
    expect(results.map((result) => result.repairedStartRefusals)).toEqual([0, 0]);
    const asIs = summarizeScenarioSweep(singleNodeKill, results, 1);
    expect(asIs.ok).toBe(true);
    const required = summarizeScenarioSweep({ ...singleNodeKill, expect: { ...singleNodeKill.expect, startRefusals: 'required' } }, results, 1);
    expect(required.refusalSeeds).toBe(0);
    expect(required.ok).toBe(false);
  });

  it('the human run summary names each refusal and repair', () => {
    const seed = tornTail.seeds.find((candidate) => (runSweepTask(data, { scenario: 0, seed: candidate }).repairedStartRefusals ?? 0) > 0);
    expect(seed).toBeDefined();
    const text = formatRunSummary(runScenario(tornTail, seed ?? 0));
    expect(text).toMatch(/refused start: n1 at \d+ µs/);
    expect(text).toMatch(/repair: n1 at \d+ µs truncated/);
  });
});
