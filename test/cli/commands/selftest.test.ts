import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSelftest } from '../../../src/sim/selftest/run-selftest.js';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

function redsim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  expect(existsSync(cli), `${cli} is missing: build first (npm test does)`).toBe(true);
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('redsim selftest', () => {
  it('ends with exactly one JSON line under --json, whose hash equals an in-process run of the seed', () => {
    const { status, stdout } = redsim('selftest', '--seed', '5', '--simulated-ms', '10000', '--json');
    expect(status).toBe(0);
    const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
    const parsed = JSON.parse(lastLine) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['seed', 'traceHash', 'events', 'simulatedMs', 'wallMs']);
    const inProcess = runSelftest({ seed: 5, simulatedMs: 10_000 });
    expect(parsed).toMatchObject({ seed: 5, traceHash: inProcess.traceHash, events: inProcess.events, simulatedMs: 10_000 });
    expect(typeof parsed.wallMs).toBe('number');
  });

  it('prints the seed, trace hash, events, simulated and wall ms for people', () => {
    const { status, stdout } = redsim('selftest', '--seed', '6', '--simulated-ms', '3000');
    expect(status).toBe(0);
    const hash = runSelftest({ seed: 6, simulatedMs: 3000 }).traceHash;
    expect(stdout).toMatch(/seed:\s+6\n/);
    expect(stdout).toContain(hash);
    expect(stdout).toMatch(/events:\s+\d+\n/);
    expect(stdout).toMatch(/simulated ms:\s+3000\n/);
    expect(stdout).toMatch(/wall ms:\s+\d+/);
  });

  it('rejects a seed that is not an integer with exit code 64', () => {
    const { status, stderr } = redsim('selftest', '--seed', 'soon');
    expect(status).toBe(64);
    expect(stderr).toContain('--seed must be an integer');
  });
});
