import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import linearizable from '../../../scenarios/single-node-linearizable.js';
import { lastLineJson, runCli } from './cli-process.js';

const workDirectory = mkdtempSync(join(tmpdir(), 'redsim-run-test-'));
const reportsDir = join(workDirectory, 'reports');
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

function userScenario(name: string, changes: Record<string, unknown>): string {
  return JSON.stringify({ ...linearizable, name, phases: { setupMs: 50, faultsMs: 1500, healMs: 300, quiesceMsMax: 1000, finalReads: true }, ...changes });
}

describe('redsim run', () => {
  test('--json ends stdout with the result contract, writes the report and exits 0 for valid', () => {
    const run = runCli(['run', 'single-node-linearizable', '--json', '--reports-dir', reportsDir]);
    expect(run.status).toBe(0);
    const result = lastLineJson(run.stdout);
    expect(Object.keys(result).sort()).toEqual(['checks', 'expected', 'nodes', 'reportDir', 'scenario', 'seed', 'stats', 'traceHash', 'verdict']);
    expect(result).toMatchObject({ scenario: 'single-node-linearizable', seed: 1, verdict: 'valid', expected: 'valid' });
    expect(Object.keys(result['stats'] as object).sort()).toEqual(['events', 'fail', 'info', 'ok', 'ops', 'simulatedMs', 'wallMs']);
    expect((result['checks'] as Record<string, { valid: unknown }>)['linearizable']?.valid).toBe(true);
    expect(result['nodes']).toEqual([expect.objectContaining({ host: 'n1', role: 'master', dbsize: expect.any(Number), digest: expect.stringMatching(/^[0-9a-f]{40}$/) })]);
    expect(result['traceHash']).toMatch(/^[0-9a-f]{16}$/);
    const directory = join(reportsDir, 'single-node-linearizable', 'seed-1');
    expect(result['reportDir']).toBe(directory);
    for (const file of ['summary.json', 'summary.csv', 'history.jsonl', 'faults.csv', 'availability.csv', 'latency.csv']) expect(existsSync(join(directory, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(directory, 'summary.json'), 'utf8'))).toMatchObject({ traceHash: result['traceHash'], swarmDraw: expect.any(Object) });
  });

  test('an invalid verdict exits 1; --seed picks the seed; the hash repeats across processes', () => {
    const first = runCli(['run', 'planted-stale-read', '--seed', '3', '--json', '--no-report']);
    const second = runCli(['run', 'planted-stale-read', '--seed', '3', '--json', '--no-report']);
    expect(first.status).toBe(1);
    const result = lastLineJson(first.stdout);
    expect(result).toMatchObject({ seed: 3, verdict: 'invalid', expected: 'invalid', reportDir: null });
    expect(lastLineJson(second.stdout)['traceHash']).toBe(result['traceHash']);
  });

  test('an unknown scenario exits 64 and lists the names', () => {
    const run = runCli(['run', 'no-such-scenario']);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain("unknown scenario 'no-such-scenario'");
    expect(run.stderr).toContain('single-node-linearizable');
  });

  test('a bad seed exits 64', () => {
    expect(runCli(['run', 'single-node-linearizable', '--seed', '-3', '--no-report']).status).toBe(64);
  });

  test("a user's broken scenario file exits 64 naming the file and the field, without a stack trace", () => {
    const file = join(workDirectory, 'broken.mjs');
    writeFileSync(file, `export default ${userScenario('broken', { workload: { ...linearizable.workload, clients: -1 } })};\n`);
    const run = runCli(['run', file]);
    expect(run.status).toBe(64);
    expect(run.stderr).toBe(`redsim: ${file}: workload.clients: must be a positive integer, got -1\n`);
  });

  test("a user's .mjs scenario runs; a run that cannot settle exits 3", () => {
    const file = join(workDirectory, 'stuck.mjs');
    const nemesis = { timeline: [{ atMs: 1400, durationMs: 1000, fault: { kind: 'slow-link', target: 'n1', extraLatencyMs: 5000 } }] };
    writeFileSync(file, `export default ${userScenario('stuck', { nemesis, workload: { ...linearizable.workload, opTimeoutMs: 10000 }, phases: { faultsMs: 1500, healMs: 10, quiesceMsMax: 100, finalReads: true } })};\n`);
    const run = runCli(['run', file, '--json', '--no-report']);
    expect(run.status).toBe(3);
    expect(lastLineJson(run.stdout)).toMatchObject({ scenario: 'stuck', verdict: 'liveness' });
  });

  test("a user's .ts scenario importing defineScenario runs (transpiled, not type-checked)", () => {
    const file = join(workDirectory, 'mine.ts');
    writeFileSync(file, `import { defineScenario, type Scenario } from 'redsim';\nconst scenario: Scenario = ${userScenario('mine', {})};\nexport default defineScenario(scenario);\n`);
    const run = runCli(['run', file, '--json', '--no-report']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lastLineJson(run.stdout)).toMatchObject({ scenario: 'mine', verdict: 'valid' });
    expect(existsSync(join(workDirectory, `.mine.redsim-${process.pid}.mjs`))).toBe(false);
  });

  test('--trace prints trace lines before the summary', () => {
    const run = runCli(['run', 'planted-stale-read', '--trace', '--no-report']);
    expect(run.stdout).toMatch(/^#0 t=0us n1 process\.start 1$/m);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('#')).length).toBeGreaterThan(1000);
  });
});
