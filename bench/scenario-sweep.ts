/**
 * Bench: seeds per second of a sweep, with 1 and 2 worker threads, over
 * three fixed shipped scenarios (a swarm of client-side faults, a planted
 * bug, kills) and the same seeds, reports off, so the two rows compare the
 * same work and the figure does not move as scenarios are added.
 * Run: `node dist/bench/scenario-sweep.js [seedsPerScenario]`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenarioFile, shippedScenariosDirectory } from '../src/cli/scenario-loader.js';
import { runSweep } from '../src/cli/worker-sweep.js';
import { planSweep, plannedSeedCount } from '../src/scenario/sweep.js';

export interface SweepBenchFigures {
  readonly workers: number;
  readonly scenarios: number;
  readonly seeds: number;
  readonly wallMs: number;
  readonly seedsPerSecond: number;
  /** Every seed's trace hash, in plan order: equal across worker counts. */
  readonly traceHashes: readonly string[];
}

const silent = { isTTY: false, write: (): boolean => true };
export const benchScenarios = ['single-node-linearizable', 'planted-stale-read', 'single-node-kill-no-persistence'] as const;

export async function measureSweep(workers: number, seedsPerScenario: number): Promise<SweepBenchFigures> {
  const scenarios = [];
  for (const name of benchScenarios) scenarios.push(await loadScenarioFile(join(shippedScenariosDirectory(), `${name}.js`)));
  const seeds = Array.from({ length: seedsPerScenario }, (_, index) => index + 1);
  const plan = planSweep(scenarios, { seeds });
  const startMs = performance.now();
  const sweeps = await runSweep({ plan, workers, reportsDir: 'reports', reports: 'none', progress: silent });
  const wallMs = performance.now() - startMs;
  const count = plannedSeedCount(plan);
  return { workers, scenarios: plan.length, seeds: count, wallMs, seedsPerSecond: (count * 1000) / wallMs, traceHashes: sweeps.flatMap((sweep) => sweep.results.map((result) => result.traceHash)) };
}

export async function main(seedsPerScenario = Number(process.argv[2] ?? 6)): Promise<SweepBenchFigures[]> {
  const figures: SweepBenchFigures[] = [];
  for (const workers of [1, 2]) {
    const figure = await measureSweep(workers, seedsPerScenario);
    figures.push(figure);
    process.stdout.write(`scenario-sweep: workers=${figure.workers} scenarios=${figure.scenarios} seeds=${figure.seeds} wall=${(figure.wallMs / 1000).toFixed(2)}s rate=${figure.seedsPerSecond.toFixed(2)} seeds/s\n`);
  }
  const [one, two] = figures;
  if (one !== undefined && two !== undefined) {
    const same = one.traceHashes.join() === two.traceHashes.join();
    process.stdout.write(`scenario-sweep: speed-up with 2 workers ${(two.seedsPerSecond / one.seedsPerSecond).toFixed(2)}x; trace hashes ${same ? 'equal' : 'DIFFER'} across worker counts\n`);
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
