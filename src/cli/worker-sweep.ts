import { availableParallelism } from 'node:os';
import type { Expectation } from '../scenario/scenario.js';
import { plannedSeedCount, type SweepPlanEntry } from '../scenario/sweep.js';
import { type ScenarioSweepSummary, summarizeScenarioSweep } from '../scenario/sweep/scenario-sweep-summary.js';
import { seedOutcome, type SweepSeedResult } from '../scenario/sweep/seed-outcome.js';
import { type ProgressStream, SweepProgress } from './progress.js';
import { WorkerPool } from './worker-pool.js';
import type { SweepReportMode, SweepTask, SweepWorkerData } from './worker-sweep-thread.js';

/** One scenario's sweep, with what the JUnit report and the tables need. */
export interface ScenarioSweep {
  readonly summary: ScenarioSweepSummary;
  readonly expect: Expectation;
  readonly results: readonly SweepSeedResult[];
}

export interface SweepRunOptions {
  readonly plan: readonly SweepPlanEntry[];
  readonly workers: number;
  readonly reportsDir: string;
  readonly reports: SweepReportMode;
  readonly progress: ProgressStream;
}

/** Worker threads a sweep uses by default: one per core. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

function wallMsNow(): number {
  return performance.now();
}

/** A task whose worker died: a crash of the harness, with the seed. */
function failedSeed(task: SweepTask, message: string): SweepSeedResult {
  return { seed: task.seed, verdict: 'crash', traceHash: '', wallMs: 0, anomalies: [], crash: message.split('\n')[0] ?? message, reportDir: null };
}

/** When each scenario's first seed started and its last one finished (wall ms). */
class ScenarioClock {
  private readonly firstStartMs = new Map<number, number>();
  private readonly lastEndMs = new Map<number, number>();

  started(scenario: number): void {
    if (!this.firstStartMs.has(scenario)) this.firstStartMs.set(scenario, wallMsNow());
  }

  finished(scenario: number): void {
    this.lastEndMs.set(scenario, wallMsNow());
  }

  wallMs(scenario: number): number {
    return Math.max(0, (this.lastEndMs.get(scenario) ?? 0) - (this.firstStartMs.get(scenario) ?? 0));
  }
}

/**
 * Runs a sweep plan: every seed of every scenario is one task, queued in
 * plan order and spread over the worker threads (the compiled runner runs
 * in each), so no worker idles at a scenario's end. A scenario's wall time
 * runs from its first seed's start to its last seed's end.
 */
export async function runSweep(options: SweepRunOptions): Promise<ScenarioSweep[]> {
  const workerData: SweepWorkerData = { scenarios: options.plan.map((entry) => entry.scenario), reportsDir: options.reportsDir, reports: options.reports };
  const pool = new WorkerPool<SweepTask, SweepSeedResult>({ workerUrl: new URL('./worker-sweep-thread.js', import.meta.url), workers: options.workers, workerData, failed: failedSeed });
  const progress = new SweepProgress(options.progress, plannedSeedCount(options.plan), wallMsNow);
  const clock = new ScenarioClock();
  const tasks = options.plan.flatMap((entry, scenario) => entry.seeds.map((seed) => ({ scenario, seed })));
  let results: SweepSeedResult[];
  try {
    results = await pool.run(
      tasks,
      (task, result) => {
        clock.finished(task.scenario);
        const entry = options.plan[task.scenario] as SweepPlanEntry;
        progress.seedFinished({ scenario: entry.scenario.name, seed: result.seed, verdict: result.verdict, outcome: seedOutcome(entry.scenario.expect, result), wallMs: result.wallMs });
      },
      (task) => clock.started(task.scenario),
    );
  } finally {
    progress.finish();
    await pool.close();
  }
  return options.plan.map((entry, scenario) => {
    const own = results.filter((_, index) => tasks[index]?.scenario === scenario);
    return { summary: summarizeScenarioSweep(entry.scenario, own, clock.wallMs(scenario)), expect: entry.scenario.expect, results: own };
  });
}
