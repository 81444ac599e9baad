import { describe, expect, it } from 'vitest';
import type { PowerLossOutcome } from '../../../src/sim/disk/power-loss-policy.js';
import { summaryJson } from '../../../src/scenario/report/summary.js';
import { runScenario, type RunOutput } from '../../../src/scenario/runner.js';
import type { Scenario } from '../../../src/scenario/scenario.js';
import { summarizeScenarioSweep } from '../../../src/scenario/sweep/scenario-sweep-summary.js';
import { renderTimelineHtml } from '../../../src/scenario/timeline.js';
import tornTail from '../../../scenarios/aof-torn-tail.js';
import plantedHalfMulti from '../../../scenarios/aof-torn-tail-planted-half-multi.js';

const FORMAT_ERROR_LINE = 'Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>';

interface SeedRun {
  readonly output: RunOutput;
  /** What each power loss did to the AOF incr files of n1, in order. */
  readonly aofOutcomes: readonly PowerLossOutcome[];
}

function runWithDiskOutcomes(scenario: Scenario, seed: number): SeedRun {
  let aofOutcomes: PowerLossOutcome[] = [];
  const output = runScenario(scenario, seed, {
    onRunEnd: (hosts) => {
      const reports = hosts.find((host) => host.name === 'n1')?.disk.powerLossReports() ?? [];
      aofOutcomes = reports.flatMap((report) => report.files.filter((file) => file.path.endsWith('.incr.aof')).map((file) => file.outcome));
    },
  });
  return { output, aofOutcomes };
}

const defaultRuns = tornTail.seeds.map((seed) => runWithDiskOutcomes(tornTail, seed));
const refusedSeed = defaultRuns.find((run) => (run.output.result.startRefusals ?? []).length > 0)?.output.result.seed ?? tornTail.seeds[0] ?? 1;

describe('aof-torn-tail on its default seeds: torn and garbled tails after power loss', () => {
  it('is valid on every default seed: the recovered state is a prefix, never half a transaction', () => {
    for (const { output } of defaultRuns) {
      expect(output.crash, `seed ${output.result.seed}`).toBeNull();
      expect(output.result.verdict, `seed ${output.result.seed}: ${JSON.stringify(output.liveness)}`).toBe('valid');
      expect(output.checkResults['durability']?.valid).toBe(true);
    }
  });

  it('a garbled tail made the node refuse to start with Redis fmterr line, and check-aof --fix brought it back', () => {
    const repaired = defaultRuns.filter(({ output, aofOutcomes }) => {
      const refusal = (output.result.startRefusals ?? []).find((candidate) => candidate.cause === 'aof-format-error');
      const repair = (output.result.repairs ?? []).find((candidate) => candidate.outcome === 'truncated' && refusal !== undefined && candidate.atUs > refusal.atUs);
      return aofOutcomes.includes('garble') && refusal?.message === FORMAT_ERROR_LINE && repair !== undefined && repair.toBytes !== null && repair.fromBytes !== null && repair.toBytes < repair.fromBytes;
    });
    expect(repaired.length).toBeGreaterThan(0);
    for (const { output } of repaired) expect(output.result.nodes.map((node) => node.role)).toEqual(['master']);
  });

  it('a plain truncation (keepPrefix or torn sectors) loaded through aof-load-truncated without a refusal', () => {
    const truncated = defaultRuns.filter(({ output, aofOutcomes }) => (output.result.aofTruncatedLoads ?? []).length > 0 && aofOutcomes.some((outcome) => outcome === 'keepPrefix' || outcome === 'tornSectors'));
    expect(truncated.length).toBeGreaterThan(0);
    for (const { output } of truncated) for (const load of output.result.aofTruncatedLoads ?? []) expect(load.message).toMatch(/^!!! Truncating the AOF appendonly\.aof\.\d+\.incr\.aof at offset \d+ !!!$/);
  });

  it("meets expect.startRefusals 'required' over its seeds", () => {
    const results = defaultRuns.map(({ output }) => ({
      seed: output.result.seed,
      verdict: output.result.verdict,
      traceHash: output.result.traceHash,
      wallMs: 0,
      anomalies: output.anomalies,
      crash: null,
      reportDir: null,
      repairedStartRefusals: (output.result.repairs ?? []).filter((repair) => repair.outcome === 'truncated').length,
    }));
    expect(tornTail.expect.startRefusals).toBe('required');
    const summary = summarizeScenarioSweep(tornTail, results, 1);
    expect(summary.refusalSeeds).toBeGreaterThan(0);
    expect(summary.ok).toBe(true);
    expect(summarizeScenarioSweep(tornTail, results.map((result) => ({ ...result, repairedStartRefusals: 0 })), 1).ok).toBe(false);
  });

  it('summary.json and the timeline show each refusal (host, time, Redis line) and each repair', () => {
    const run = defaultRuns.find(({ output }) => output.recovery.repairs.length > 0);
    expect(run).toBeDefined();
    const output = (run as SeedRun).output;
    const summary = JSON.parse(summaryJson(output)) as { startRefusals: { host: string; atUs: number; message: string }[]; recovery: { repairs: { command: string; output: string[] }[] } };
    expect(summary.startRefusals[0]).toMatchObject({ host: 'n1', message: FORMAT_ERROR_LINE });
    expect(summary.startRefusals[0]?.atUs).toBeGreaterThan(0);
    expect(summary.recovery.repairs[0]?.command).toBe('redis-check-aof --fix appendonlydir/appendonly.aof.manifest');
    expect(summary.recovery.repairs[0]?.output).toContain('All AOF files and manifest are valid');
    const html = renderTimelineHtml(output);
    expect(html).toContain('Refused starts');
    expect(html).toContain('Operator repairs');
  });

  it('the same seed gives the same trace hash, refusals and repairs', () => {
    const again = runScenario(tornTail, refusedSeed);
    const first = defaultRuns.find(({ output }) => output.result.seed === refusedSeed)?.output;
    expect(again.result.traceHash).toBe(first?.result.traceHash);
    expect(again.result.startRefusals).toEqual(first?.result.startRefusals);
    expect(again.result.repairs).toEqual(first?.result.repairs);
  });
});

describe('aof-torn-tail variants: a refusal is never valid-and-silent', () => {
  it('without repair (recovery none) the node stays down: a liveness failure naming the host and Redis line', () => {
    const output = runScenario({ ...tornTail, recovery: { onAofLoadError: 'none' } }, refusedSeed);
    expect(output.result.verdict).toBe('liveness');
    expect(output.liveness?.phase).toBe('start-refused');
    expect(output.liveness?.reason).toContain(`n1 refused to start at`);
    expect(output.liveness?.reason).toContain(FORMAT_ERROR_LINE);
    expect(output.liveness?.reason).toContain('no repair was attempted');
    expect((output.result.startRefusals ?? []).length).toBeGreaterThan(0);
    expect(output.result.repairs).toBeUndefined();
    expect(output.recovery.repairs).toEqual([]);
  });

  it('a repaired refusal where the scenario expects none (the default) is a liveness finding', () => {
    const output = runScenario({ ...tornTail, expect: { valid: true } }, refusedSeed);
    expect(output.result.verdict).toBe('liveness');
    expect(output.liveness?.reason).toMatch(/refused start\(s\), the first: n1 refused to start at .*repaired, but the scenario expects none/);
  });

  // The durability checker's own test of half a transaction: test/checker/durability/persistence-rules.test.ts ("rejects half a transaction").
  it('a planted repair that keeps half a MULTI is caught invalid (half-transaction) by the durability checker', () => {
    const outputs = plantedHalfMulti.seeds.map((seed) => runScenario(plantedHalfMulti, seed));
    const caught = outputs.filter((output) => output.result.verdict === 'invalid' && output.anomalies.includes('half-transaction'));
    expect(caught.length / outputs.length).toBeGreaterThanOrEqual(plantedHalfMulti.expect.valid ? 1 : plantedHalfMulti.expect.detectionRateMin);
    for (const output of caught) expect(output.recovery.repairs.some((repair) => repair.output.some((line) => line.includes('closed the open MULTI with EXEC')))).toBe(true);
  });
});
