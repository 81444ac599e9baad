/**
 * Bench: how much faster than real time the kernel's self-test runs
 * (simulated ms / wall ms), per seed, cold (first run in the process, JIT
 * not warm) and warm. Run: `node dist/bench/sim-selftest.js`.
 */
import { pathToFileURL } from 'node:url';
import { runSelftest } from '../src/sim/selftest/index.js';

export interface SelftestBenchRun {
  readonly seed: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly wallMs: number;
  readonly simulatedPerWall: number;
}

export interface SelftestBenchFigures {
  readonly cold: SelftestBenchRun;
  readonly warm: readonly SelftestBenchRun[];
  readonly warmMedianSimulatedPerWall: number;
  readonly warmEventsPerSecond: number;
}

function measureRun(seed: number): SelftestBenchRun {
  const startNs = process.hrtime.bigint();
  const result = runSelftest({ seed });
  const wallMs = Number(process.hrtime.bigint() - startNs) / 1e6;
  return { seed, events: result.events, simulatedMs: result.simulatedMs, wallMs, simulatedPerWall: result.simulatedMs / wallMs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function main(seeds: readonly number[] = Array.from({ length: 20 }, (_, index) => index + 1)): SelftestBenchFigures {
  const cold = measureRun(1000);
  for (let seed = 1001; seed <= 1005; seed++) measureRun(seed);
  const warm = seeds.map(measureRun);
  const totalEvents = warm.reduce((sum, run) => sum + run.events, 0);
  const totalWallMs = warm.reduce((sum, run) => sum + run.wallMs, 0);
  const figures = { cold, warm, warmMedianSimulatedPerWall: median(warm.map((run) => run.simulatedPerWall)), warmEventsPerSecond: totalEvents / (totalWallMs / 1000) };
  const line = (label: string, run: SelftestBenchRun): string => `sim-selftest: ${label} seed=${run.seed} events=${run.events} simulated=${run.simulatedMs}ms wall=${run.wallMs.toFixed(1)}ms ratio=${run.simulatedPerWall.toFixed(0)}x\n`;
  process.stdout.write(line('cold', cold));
  for (const run of warm) process.stdout.write(line('warm', run));
  process.stdout.write(`sim-selftest: warm median ratio=${figures.warmMedianSimulatedPerWall.toFixed(0)}x, ${(figures.warmEventsPerSecond / 1e6).toFixed(2)}M events/s with the self-test's own work\n`);
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
