import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, lastJsonLine, redsim, temporaryDirectory } from './sweep-cli-support.js';

beforeAll(buildIfStale, 300_000);

/** A scenario whose workload rate grows each time it is read: two runs of one seed cannot agree. */
function driftingScenarioFile(): string {
  const file = join(temporaryDirectory('replay'), 'drifting.mjs');
  const source = `
let reads = 0;
const scenario = {
  name: 'drifting',
  description: 'reads a different workload rate every time',
  topology: { kind: 'standalone' },
  config: { save: '', appendonly: 'no' },
  nemesis: {},
  phases: { faultsMs: 2000, healMs: 500, quiesceMsMax: 2000, finalReads: false },
  checkers: ['linearizable'],
  seeds: [1],
  expect: { valid: true },
};
Object.defineProperty(scenario, 'workload', { enumerable: true, get: () => ({ kind: 'register', clients: 2, keys: 1, rateHz: 20 + reads++, opTimeoutMs: 500 }) });
export default scenario;
`;
  writeFileSync(file, source);
  return file;
}

describe('redsim replay', () => {
  it('--check-determinism: two runs of a seed agree, for a few seeds, and with the sweep in worker threads', () => {
    const sweep = lastJsonLine(redsim('sweep', 'planted-stale-read', '--seeds', '1..3', '--json', '--reports', 'none').stdout);
    const sweptHashes = (sweep['results'] as { seed: number; traceHash: string }[]).map((result) => result.traceHash);
    for (const seed of [1, 2, 3]) {
      const { status, stdout } = redsim('replay', 'planted-stale-read', '--seed', String(seed), '--check-determinism', '--json', '--no-report');
      expect(status).toBe(0);
      const check = lastJsonLine(stdout);
      expect(Object.keys(check)).toEqual(['scenario', 'seed', 'deterministic', 'traceHashes', 'events', 'verdicts', 'firstDifference', 'historiesEqual']);
      expect(check['deterministic']).toBe(true);
      const hashes = check['traceHashes'] as string[];
      expect(hashes[0]).toBe(hashes[1]);
      expect(hashes[0]).toBe(sweptHashes[seed - 1]);
      expect(stdout).toContain(`seed ${seed}: deterministic`);
    }
  }, 120_000);

  it('--check-determinism exits 1 and prints both sides of the first differing event when the runs differ', () => {
    const driftingFile = driftingScenarioFile();
    const { status, stdout } = redsim('replay', driftingFile, '--seed', '1', '--check-determinism', '--json', '--no-report');
    expect(status).toBe(1);
    expect(stdout).toContain('NOT deterministic');
    expect(stdout).toMatch(/first differing event:\n {4}run 1: #\d+ t=\d+us \S+ \S+.*\n {4}run 2: #\d+ t=\d+us/);
    const check = lastJsonLine(stdout);
    expect(check['deterministic']).toBe(false);
    const difference = check['firstDifference'] as { left: { index: number }; right: { index: number } };
    expect(difference.left.index).toBe(difference.right.index);
  }, 60_000);

  it('without the flag reruns the seed as run does: the verdict exit code, the result JSON, the report with its timeline', () => {
    const reports = temporaryDirectory('replay-reports');
    const { status, stdout } = redsim('replay', 'planted-stale-read', '--seed', '1', '--json', '--reports-dir', reports);
    expect(status).toBe(1);
    const result = lastJsonLine(stdout);
    expect(result['verdict']).toBe('invalid');
    expect(result['seed']).toBe(1);
    for (const name of ['summary.json', 'summary.csv', 'history.jsonl', 'faults.csv', 'availability.csv', 'latency.csv', 'timeline.html']) {
      expect(existsSync(join(reports, 'planted-stale-read', 'seed-1', name)), name).toBe(true);
    }
  }, 60_000);
});
