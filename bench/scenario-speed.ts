/**
 * Bench: how fast whole scenario runs go (simulation, workload, nemesis,
 * checkers, report data). Target: a standalone scenario of 60 simulated
 * seconds and ~5k operations in under 0.5 s of wall time, once warm. Then,
 * per shipped scenario: seeds per second and simulated/wall time ratio.
 * Run: `npm run bench` or `node dist/bench/scenario-speed.js`.
 */
import { pathToFileURL } from 'node:url';
import { runScenario } from '../src/scenario/runner.js';
import type { Scenario } from '../src/scenario/scenario.js';
import plantedStaleRead from '../scenarios/planted-stale-read.js';
import singleNodeKillNoPersistence from '../scenarios/single-node-kill-no-persistence.js';
import singleNodeLinearizable from '../scenarios/single-node-linearizable.js';

export interface ScenarioSpeedFigures {
  readonly scenario: string;
  readonly runs: number;
  readonly ops: number;
  readonly events: number;
  readonly simulatedMs: number;
  readonly wallMs: number;
  readonly seedsPerSecond: number;
  readonly simulatedPerWall: number;
}

/** The speed-target scenario: 60 simulated seconds, 5 clients at ~17 ops/s (~5k ops), pauses and resets. */
export const speedTargetScenario: Scenario = {
  ...singleNodeLinearizable,
  name: 'speed-target-60s',
  workload: { kind: 'register', clients: 5, keys: 5, rateHz: 17, opTimeoutMs: 250 },
  nemesis: { swarm: { weights: { pause: 1, 'connection-reset': 1 }, faultsPerSecond: 0.2, durationMsMin: 100, durationMsMax: 1000 } },
  phases: { setupMs: 100, faultsMs: 55_000, healMs: 4_900, quiesceMsMax: 5_000, finalReads: true },
};

function wallMsNow(): number {
  return performance.now();
}

/** Runs `seeds` of `scenario` once each (after one warm-up run) and measures them together. */
export function measureScenario(scenario: Scenario, seeds: readonly number[]): ScenarioSpeedFigures {
  runScenario(scenario, seeds[0] ?? 1);
  let ops = 0;
  let events = 0;
  let simulatedMs = 0;
  const startMs = wallMsNow();
  for (const seed of seeds) {
    const { result } = runScenario(scenario, seed);
    ops += result.stats.ops;
    events += result.stats.events;
    simulatedMs += result.stats.simulatedMs;
  }
  const wallMs = wallMsNow() - startMs;
  return { scenario: scenario.name, runs: seeds.length, ops, events, simulatedMs, wallMs, seedsPerSecond: seeds.length / (wallMs / 1000), simulatedPerWall: simulatedMs / wallMs };
}

function describe(figures: ScenarioSpeedFigures): string {
  const perRunMs = figures.wallMs / figures.runs;
  return `${figures.scenario.padEnd(34)} ${String(figures.runs).padStart(3)} runs  ${(figures.ops / figures.runs).toFixed(0).padStart(6)} ops/run  ${perRunMs.toFixed(0).padStart(5)} ms/run  ${figures.seedsPerSecond.toFixed(2).padStart(7)} seeds/s  simulated/wall ${figures.simulatedPerWall.toFixed(0)}x`;
}

export function main(): void {
  const seeds = Array.from({ length: 10 }, (_, index) => index + 1);
  const target = measureScenario(speedTargetScenario, seeds);
  const perRunMs = target.wallMs / target.runs;
  process.stdout.write(`speed target (60 simulated s, ~5k ops, < 500 ms wall per run): ${perRunMs.toFixed(0)} ms per run ${perRunMs < 500 ? 'MET' : 'MISSED'}\n`);
  process.stdout.write(`${describe(target)}\n`);
  for (const scenario of [singleNodeLinearizable, singleNodeKillNoPersistence, plantedStaleRead]) {
    process.stdout.write(`${describe(measureScenario(scenario, scenario.seeds))}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
