import type { ScenarioSweepSummary } from '../scenario/sweep/scenario-sweep-summary.js';
import { seedOutcome, type SweepSeedResult } from '../scenario/sweep/seed-outcome.js';
import type { Expectation } from '../scenario/scenario.js';

/** One scenario of a sweep, as the JUnit writer needs it. */
export interface JunitScenario {
  readonly summary: ScenarioSweepSummary;
  readonly expect: Expectation;
  readonly results: readonly SweepSeedResult[];
}

// XML 1.0 allows tab, newline, carriage return and code points from U+0020 on (minus surrogates and U+FFFE/F).
// eslint-disable-next-line no-control-regex
const xmlInvalidCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(xmlInvalidCharacters, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** The command that reruns one seed, for failure messages. */
export function replayCommand(scenario: string, seed: number): string {
  return `redsim replay ${scenario} --seed ${seed}`;
}

function seedDetail(scenario: string, result: SweepSeedResult): string {
  const lines = [`replay: ${replayCommand(scenario, result.seed)}`, `trace hash: ${result.traceHash}`];
  if (result.anomalies.length > 0) lines.push(`anomalies: ${result.anomalies.join(', ')}`);
  if (result.crash !== null) lines.push(`crash: ${result.crash}`);
  if (result.reportDir !== null) lines.push(`report: ${result.reportDir}`);
  return lines.join('\n');
}

function expectationText(expect: Expectation): string {
  return expect.valid ? 'valid' : `invalid (${expect.anomaly})`;
}

function seedTestcase(scenario: JunitScenario, result: SweepSeedResult): string {
  const name = scenario.summary.scenario;
  const head = `    <testcase${attributes({ classname: `redsim.${name}`, name: `seed ${result.seed}`, time: seconds(result.wallMs) })}`;
  const outcome = seedOutcome(scenario.expect, result);
  const detail = escapeXml(seedDetail(name, result));
  if (result.verdict === 'crash') {
    return `${head}>\n      <error${attributes({ message: `seed ${result.seed}: crash: ${result.crash ?? 'unknown'}`, type: 'crash' })}>${detail}</error>\n    </testcase>`;
  }
  if (outcome === 'unexpected') {
    const message = `seed ${result.seed}: verdict ${result.verdict}${result.anomalies.length > 0 ? ` (${result.anomalies.join(', ')})` : ''}, expected ${expectationText(scenario.expect)}`;
    return `${head}>\n      <failure${attributes({ message, type: 'unexpected-verdict' })}>${detail}</failure>\n    </testcase>`;
  }
  const note = outcome === 'missed' ? `not detected (verdict valid)\n${seedDetail(name, result)}` : `verdict ${result.verdict}\n${seedDetail(name, result)}`;
  return `${head}>\n      <system-out>${escapeXml(note)}</system-out>\n    </testcase>`;
}

/** For a scenario that expects invalid: one more testcase, failing when the detection rate is below the minimum. */
function detectionTestcase(scenario: JunitScenario): string | null {
  const { summary, expect } = scenario;
  if (expect.valid) return null;
  const head = `    <testcase${attributes({ classname: `redsim.${summary.scenario}`, name: 'detection rate', time: '0.000' })}`;
  const rateText = summary.detectionRate === null ? 'no seeds' : `${summary.detected}/${summary.seeds} = ${summary.detectionRate}`;
  if (summary.detectionRate === null || summary.detectionRate >= expect.detectionRateMin) return `${head}>\n      <system-out>${escapeXml(`detection rate ${rateText} (minimum ${expect.detectionRateMin})`)}</system-out>\n    </testcase>`;
  const message = `detection rate ${rateText} is below the minimum ${expect.detectionRateMin} for ${expect.anomaly}`;
  return `${head}>\n      <failure${attributes({ message, type: 'detection-rate' })}>${escapeXml(message)}</failure>\n    </testcase>`;
}

function suiteCounts(scenario: JunitScenario): { tests: number; failures: number; errors: number } {
  const errors = scenario.results.filter((result) => result.verdict === 'crash').length;
  const unexpected = scenario.results.filter((result) => result.verdict !== 'crash' && seedOutcome(scenario.expect, result) === 'unexpected').length;
  const rateCase = scenario.expect.valid ? 0 : 1;
  const rateFailure = !scenario.expect.valid && scenario.summary.detectionRate !== null && scenario.summary.detectionRate < scenario.expect.detectionRateMin ? 1 : 0;
  return { tests: scenario.results.length + rateCase, failures: unexpected + rateFailure, errors };
}

function testsuite(scenario: JunitScenario): string {
  const counts = suiteCounts(scenario);
  const ordered = [...scenario.results].sort((left, right) => left.seed - right.seed);
  const cases = ordered.map((result) => seedTestcase(scenario, result));
  const rateCase = detectionTestcase(scenario);
  if (rateCase !== null) cases.push(rateCase);
  const head = `  <testsuite${attributes({ name: scenario.summary.scenario, ...counts, time: seconds(scenario.summary.wallMs) })}>`;
  const properties = `    <properties>\n      <property${attributes({ name: 'expected', value: expectationText(scenario.expect) })}/>\n    </properties>`;
  return [head, properties, ...cases, '  </testsuite>'].join('\n');
}

/** A JUnit XML report of a sweep: one testsuite per scenario, one testcase per seed (plus the detection rate). */
export function junitReport(scenarios: readonly JunitScenario[]): string {
  const totals = scenarios.map(suiteCounts).reduce((sum, counts) => ({ tests: sum.tests + counts.tests, failures: sum.failures + counts.failures, errors: sum.errors + counts.errors }), { tests: 0, failures: 0, errors: 0 });
  const wallMs = scenarios.reduce((sum, scenario) => sum + scenario.summary.wallMs, 0);
  const head = `<testsuites${attributes({ name: 'redsim sweep', ...totals, time: seconds(wallMs) })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...scenarios.map(testsuite), '</testsuites>', ''].join('\n');
}
