import { describe, expect, test } from 'vitest';
import { parseHistory } from '../../../src/history/history-format.js';
import { buildReportFiles, reportDirectoryOf } from '../../../src/scenario/report/build-report-files.js';
import { runScenario } from '../../../src/scenario/runner.js';
import type { Scenario } from '../../../src/scenario/scenario.js';
import linearizable from '../../../scenarios/single-node-linearizable.js';
import { csvRows } from './csv-rows.js';

const scenario: Scenario = { ...linearizable, phases: { setupMs: 50, faultsMs: 3000, healMs: 500, quiesceMsMax: 1000, finalReads: true } };
const output = runScenario(scenario, 4, { reportDir: 'reports/single-node-linearizable/seed-4' });
const files = buildReportFiles(output);

function rowsOf(name: string): Record<string, string>[] {
  return csvRows(files[name] ?? '');
}

describe('report files', () => {
  test('a run reports summary.json, summary.csv, history.jsonl, faults.csv, availability.csv, latency.csv', () => {
    expect(Object.keys(files).sort()).toEqual(['availability.csv', 'faults.csv', 'history.jsonl', 'latency.csv', 'summary.csv', 'summary.json']);
    expect(reportDirectoryOf('x', 4)).toBe('x/seed-4');
  });

  test('summary.json holds the run result, the swarm draw and the faults', () => {
    const summary = JSON.parse(files['summary.json'] ?? '{}') as Record<string, unknown>;
    expect(summary['traceHash']).toBe(output.result.traceHash);
    expect(summary['verdict']).toBe(output.result.verdict);
    expect(summary['swarmDraw']).toEqual(JSON.parse(JSON.stringify(output.swarmDraw)));
    expect((summary['faults'] as unknown[]).length).toBe(output.faults.length);
  });

  test('history.jsonl reads back as the same history', () => {
    expect(parseHistory(files['history.jsonl'] ?? '', 'history.jsonl')).toEqual(output.history);
  });

  test('faults.csv has one row per applied fault, in ms', () => {
    const rows = rowsOf('faults.csv');
    expect(rows.length).toBe(output.faults.length);
    expect(output.faults.length).toBeGreaterThan(0);
    const first = output.faults[0];
    expect(rows[0]).toMatchObject({ id: '1', kind: first?.kind, target: first?.target, startMs: String((first?.startUs ?? 0) / 1000) });
  });

  test('availability.csv counts every client op once, per second', () => {
    const rows = rowsOf('availability.csv');
    const invoked = rows.reduce((total, row) => total + Number(row['invoked']), 0);
    expect(invoked).toBe(output.history.filter((op) => op.type === 'invoke').length);
    expect(rows.length).toBe(Math.ceil(output.result.stats.simulatedMs / 1000));
  });

  test('latency.csv has an overall row and one per :f, and summary.csv one row with the verdict', () => {
    const latency = rowsOf('latency.csv');
    expect(latency[0]?.['f']).toBe('*');
    expect(Number(latency[0]?.['count'])).toBe(output.result.stats.ok);
    expect(latency.map((row) => row['f'])).toContain('cas');
    const summary = rowsOf('summary.csv');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ scenario: scenario.name, seed: '4', verdict: output.result.verdict, traceHash: output.result.traceHash });
  });
});
