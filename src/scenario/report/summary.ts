import type { RunOutput } from '../run-output.js';
import { csvTable, msOf } from './csv.js';
import { reportJson } from './json-text.js';

/** summary.json: the `run --json` result plus what explains it (anomalies, crash, liveness, faults, swarm draw, phases, full check results). */
export function summaryJson(output: RunOutput): string {
  return `${reportJson({
    ...output.result,
    description: output.scenario.description,
    anomalies: output.anomalies,
    expectedAnomaly: output.scenario.expect.valid ? null : output.scenario.expect.anomaly,
    crash: output.crash,
    liveness: output.liveness,
    recovery: output.recovery,
    phases: output.phases,
    swarmDraw: output.swarmDraw,
    scheduledFaults: output.scheduledFaults,
    faults: output.faults,
    nodeSpans: output.nodeSpans,
    checkDetails: output.checkResults,
  })}\n`;
}

/** summary.csv: one row per run, the columns a sweep concatenates. */
export function summaryCsv(output: RunOutput): string {
  const { result } = output;
  const checkNames = Object.keys(result.checks);
  const columns = ['scenario', 'seed', 'verdict', 'expected', 'traceHash', 'ops', 'ok', 'fail', 'info', 'events', 'simulatedMs', 'wallMs', 'faults', 'anomalies', ...checkNames.map((name) => `check:${name}`)];
  const row = [
    result.scenario,
    result.seed,
    result.verdict,
    result.expected,
    result.traceHash,
    result.stats.ops,
    result.stats.ok,
    result.stats.fail,
    result.stats.info,
    result.stats.events,
    msOf(result.stats.simulatedMs * 1000),
    result.stats.wallMs,
    output.faults.length,
    output.anomalies.join(' '),
    ...checkNames.map((name) => String(result.checks[name]?.valid)),
  ];
  return csvTable(columns, [row]);
}
