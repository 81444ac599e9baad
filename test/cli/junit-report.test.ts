import { describe, expect, it } from 'vitest';
import { escapeXml, junitReport, type JunitScenario } from '../../src/cli/junit-report.js';
import type { Verdict } from '../../src/scenario/run-result.js';
import type { Expectation, Scenario } from '../../src/scenario/scenario.js';
import { summarizeScenarioSweep } from '../../src/scenario/sweep/scenario-sweep-summary.js';
import type { SweepSeedResult } from '../../src/scenario/sweep/seed-outcome.js';

function scenarioNamed(name: string, expect: Expectation): Scenario {
  return {
    name,
    description: name,
    topology: { kind: 'standalone' },
    config: {},
    workload: { kind: 'set', clients: 1, keys: 1, rateHz: 1, opTimeoutMs: 100 },
    nemesis: {},
    phases: { faultsMs: 10, healMs: 10, quiesceMsMax: 10, finalReads: true },
    checkers: ['set'],
    seeds: [1],
    expect,
  };
}

function seed(seedNumber: number, verdict: Verdict, anomalies: string[] = [], crash: string | null = null): SweepSeedResult {
  return { seed: seedNumber, verdict, traceHash: `hash${seedNumber}`, wallMs: 1500, anomalies, crash, reportDir: verdict === 'valid' ? null : `reports/x/seed-${seedNumber}` };
}

function junitScenario(scenario: Scenario, results: SweepSeedResult[]): JunitScenario {
  return { summary: summarizeScenarioSweep(scenario, results, 3000), expect: scenario.expect, results };
}

describe('junitReport', () => {
  const mustStayValid = scenarioNamed('stays-valid', { valid: true });
  const findsLostWrites = scenarioNamed('finds-lost-writes', { valid: false, anomaly: 'lost-writes', detectionRateMin: 0.9 });
  const xml = junitReport([
    junitScenario(mustStayValid, [seed(1, 'valid'), seed(2, 'invalid', ['not-linearizable']), seed(3, 'crash', [], 'InvariantError: a <bad> & "odd" contract')]),
    junitScenario(findsLostWrites, [seed(1, 'invalid', ['lost-writes']), seed(2, 'valid')]),
  ]);

  it('has one testcase per scenario and seed, plus the detection rate of a scenario that expects an anomaly', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="redsim sweep" tests="6" failures="2" errors="1"')).toBe(true);
    expect([...xml.matchAll(/<testsuite /g)]).toHaveLength(2);
    expect([...xml.matchAll(/<testcase /g)]).toHaveLength(6);
    expect(xml).toContain('<testcase classname="redsim.finds-lost-writes" name="detection rate"');
  });

  it('fails an unexpected verdict with the seed and the replay command', () => {
    expect(xml).toContain('<failure message="seed 2: verdict invalid (not-linearizable), expected valid" type="unexpected-verdict">replay: redsim replay stays-valid --seed 2');
  });

  it('reports a crash as an error, escaped', () => {
    expect(xml).toContain('<error message="seed 3: crash: InvariantError: a &lt;bad&gt; &amp; &quot;odd&quot; contract" type="crash">');
  });

  it('fails the detection rate below its minimum, and not the missed seed itself', () => {
    expect(xml).toContain('<failure message="detection rate 1/2 = 0.5 is below the minimum 0.9 for lost-writes" type="detection-rate">');
    expect(xml).toMatch(/name="seed 2" time="1.500">\n {6}<system-out>not detected/);
  });

  it('balances its elements', () => {
    for (const element of ['testsuites', 'testsuite', 'testcase', 'properties']) {
      expect([...xml.matchAll(new RegExp(`<${element}[ >]`, 'g'))].length, element).toBe([...xml.matchAll(new RegExp(`</${element}>`, 'g'))].length);
    }
  });
});

describe('escapeXml', () => {
  it('escapes markup and replaces characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001\t`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\ufffd\t');
  });
});
