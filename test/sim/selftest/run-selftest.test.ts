import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { firstTraceDifference } from '../../../src/sim/trace.js';
import { runSelftest } from '../../../src/sim/selftest/run-selftest.js';

const root = join(import.meta.dirname, '..', '..', '..');
const compiledSelftest = join(root, 'dist', 'src', 'sim', 'selftest', 'index.js');

function hashesInWorker(seeds: readonly number[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(import.meta.dirname, 'selftest-worker.mjs'), { workerData: { seeds, moduleUrl: pathToFileURL(compiledSelftest).href } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('the self-test', () => {
  it('gives the same trace hash twice for each of 200 seeds, and a different hash for each seed', () => {
    const hashes = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const first = runSelftest({ seed }).traceHash;
      const second = runSelftest({ seed }).traceHash;
      expect(second, `seed ${seed}`).toBe(first);
      hashes.add(first);
    }
    expect(hashes.size).toBe(200);
  }, 240_000);

  it('replays event by event: two runs of one seed have equal kept traces, two seeds differ early', () => {
    const first = runSelftest({ seed: 7, simulatedMs: 5000, traceEntriesKeptMax: 100_000 }).world.trace.entries();
    const second = runSelftest({ seed: 7, simulatedMs: 5000, traceEntriesKeptMax: 100_000 }).world.trace.entries();
    const other = runSelftest({ seed: 8, simulatedMs: 5000, traceEntriesKeptMax: 100_000 }).world.trace.entries();
    expect(first.length).toBeGreaterThan(100);
    expect(firstTraceDifference(first, second)).toBeNull();
    expect(firstTraceDifference(first, other)?.left?.index).toBeLessThan(first.length);
  });

  it('gives the same hashes in a worker thread (compiled code) as in the main thread', async () => {
    expect(existsSync(compiledSelftest), `${compiledSelftest} is missing: build first (npm test does: npm run build)`).toBe(true);
    const seeds = [1, 2, 3, 50, 1234];
    const inWorker = await hashesInWorker(seeds);
    expect(inWorker).toEqual(seeds.map((seed) => runSelftest({ seed }).traceHash));
  });

  it('exercises every fault and law it claims to: kills, power losses, dropped and held events, resets, refusals, timeouts', () => {
    const totals = { processKills: 0, powerLosses: 0, powerLossChecks: 0, pageCacheChecks: 0, droppedForDeadIncarnation: 0, heldForBusyOrPausedProcess: 0, connectionsReset: 0, connectionsRefused: 0, connectionsTimedOut: 0, bytesDelivered: 0 };
    for (const seed of [11, 12, 13]) {
      const result = runSelftest({ seed });
      expect(result.simulatedMs).toBe(60_000);
      expect(result.world.nowUs()).toBe(60_000_000);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result.exercised[key];
    }
    for (const [key, total] of Object.entries(totals)) expect(total, key).toBeGreaterThan(0);
    expect(totals.powerLossChecks).toBe(totals.powerLosses);
  });
});
