import { describe, expect, test } from 'vitest';
import { runCli } from './cli-process.js';

describe('redsim list', () => {
  test('--json prints one array of {name, description, expect, seeds} and exits 0', () => {
    const run = runCli(['list', '--json']);
    expect(run.status).toBe(0);
    const listing = JSON.parse(run.stdout) as { name: string; description: string; expect: { valid: boolean }; seeds: number[] }[];
    const names = listing.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['planted-stale-read', 'single-node-kill-no-persistence', 'single-node-linearizable']));
    for (const entry of listing) {
      expect(Object.keys(entry).sort()).toEqual(['description', 'expect', 'name', 'seeds']);
      expect(entry.seeds.length).toBeGreaterThan(0);
    }
    expect(listing.find((entry) => entry.name === 'planted-stale-read')?.expect).toMatchObject({ valid: false, anomaly: 'not-linearizable' });
  });

  test('without --json it prints each scenario with its expectation', () => {
    const run = runCli(['list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/single-node-linearizable\s+expect valid/);
  });
});
