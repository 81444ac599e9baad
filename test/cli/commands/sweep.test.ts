import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, jsonLines, lastJsonLine, redsim, staleReadScenarioFile, temporaryDirectory } from './sweep-cli-support.js';

beforeAll(buildIfStale, 300_000);

const summaryKeys = ['scenario', 'expected', 'anomaly', 'detectionRateMin', 'seeds', 'results', 'detected', 'detectionRate', 'unexpected', 'crashed', 'seedsPerSecond', 'wallMs', 'ok'];

interface SeedLine {
  readonly seed: number;
  readonly verdict: string;
  readonly traceHash: string;
  readonly wallMs: number;
}

describe('redsim sweep', () => {
  let full: Record<string, unknown>;

  beforeAll(() => {
    const { status, stdout } = redsim('sweep', 'planted-stale-read', '--seeds', '1..4', '--workers', '2', '--json', '--reports', 'none');
    expect(status).toBe(0);
    full = lastJsonLine(stdout);
  }, 120_000);

  it('ends --json with {scenario, expected, seeds, results, detectionRate, unexpected, seedsPerSecond, ...} and exits 0 when met', () => {
    expect(Object.keys(full)).toEqual(summaryKeys);
    expect(full['scenario']).toBe('planted-stale-read');
    expect(full['expected']).toBe('invalid');
    expect(full['seeds']).toBe(4);
    const results = full['results'] as SeedLine[];
    expect(results.map((result) => result.seed)).toEqual([1, 2, 3, 4]);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['seed', 'verdict', 'traceHash', 'wallMs']);
      expect(result.traceHash).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(full['detectionRate']).toBe(results.filter((result) => result.verdict === 'invalid').length / 4);
    expect(full['unexpected']).toEqual([]);
    expect(full['seedsPerSecond']).toBeGreaterThan(0);
    expect(full['ok']).toBe(true);
  });

  it('splits the seeds over shards: disjoint, their union is the whole sweep, with the same trace per seed', () => {
    const shards = ['0/3', '1/3', '2/3'].map((shard) => {
      const { status, stdout } = redsim('sweep', 'planted-stale-read', '--seeds', '1..4', '--shard', shard, '--workers', '1', '--json', '--reports', 'none');
      expect(status).toBe(0);
      return (lastJsonLine(stdout)['results'] as SeedLine[]).map(({ seed, verdict, traceHash }) => ({ seed, verdict, traceHash }));
    });
    expect(shards.map((shard) => shard.map((result) => result.seed))).toEqual([[3], [1, 4], [2]]);
    const union = shards.flat().sort((left, right) => left.seed - right.seed);
    expect(union).toEqual((full['results'] as SeedLine[]).map(({ seed, verdict, traceHash }) => ({ seed, verdict, traceHash })));
  });

  it('exits 1 when a scenario misses its expectation, with JUnit failures naming the replay command and reports of the failing seeds', () => {
    const directory = temporaryDirectory('sweep');
    const file = staleReadScenarioFile(directory, '{ valid: true }');
    const junit = join(directory, 'out', 'junit.xml');
    const reports = join(directory, 'reports');
    const { status, stdout } = redsim('sweep', file, '--seeds', '1..2', '--json', '--junit', junit, '--reports-dir', reports);
    expect(status).toBe(1);
    const line = lastJsonLine(stdout);
    expect(line['ok']).toBe(false);
    expect(line['unexpected']).toEqual([1, 2]);
    const xml = readFileSync(junit, 'utf8');
    expect([...xml.matchAll(/<failure /g)]).toHaveLength(2);
    expect(xml).toContain('replay: redsim replay stale-read-file --seed 2');
    for (const name of ['summary.json', 'history.jsonl', 'faults.csv', 'timeline.html']) expect(existsSync(join(reports, 'stale-read-file', 'seed-1', name)), name).toBe(true);
  });

  it('with --all prints one line per shipped scenario, then a last {all, ok, exitCode} line matching the exit code', () => {
    const listed = JSON.parse(redsim('list', '--json').stdout) as { name: string }[];
    const { status, stdout } = redsim('sweep', '--all', '--seeds', '1', '--json', '--reports', 'none');
    const lines = jsonLines(stdout);
    expect(lines.slice(0, -1).map((line) => line['scenario'])).toEqual(listed.map((entry) => entry.name));
    const last = lastJsonLine(stdout);
    expect(Object.keys(last)).toEqual(['all', 'ok', 'exitCode', 'scenarios', 'seeds', 'failed', 'unexpected', 'wallMs']);
    expect(last['ok']).toBe(lines.slice(0, -1).every((line) => line['ok'] === true));
    expect(last['exitCode']).toBe(status);
    expect(last['seeds']).toBe(listed.length);
  }, 300_000);

  it('exits 64 on usage errors', () => {
    for (const args of [['sweep'], ['sweep', 'planted-stale-read', '--all'], ['sweep', 'planted-stale-read', '--seeds', '5..1'], ['sweep', 'planted-stale-read', '--shard', '3/3'], ['sweep', 'no-such-scenario'], ['sweep', 'planted-stale-read', '--workers', '0']]) {
      const { status, stderr } = redsim(...args);
      expect(status, args.join(' ')).toBe(64);
      expect(stderr).toMatch(/^redsim: /);
    }
  });
});
