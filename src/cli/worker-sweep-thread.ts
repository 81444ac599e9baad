import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildReportFiles, reportDirectoryOf } from '../scenario/report/build-report-files.js';
import { runScenario } from '../scenario/runner.js';
import type { RunOutput } from '../scenario/run-output.js';
import type { Scenario } from '../scenario/scenario.js';
import type { SweepSeedResult } from '../scenario/sweep/seed-outcome.js';
import { renderTimelineHtml } from '../scenario/timeline.js';
import { writeReportFiles } from './report-writer.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

/** Which seeds of a sweep get a report directory. */
export type SweepReportMode = 'none' | 'failing' | 'all';
export const sweepReportModes: readonly SweepReportMode[] = ['none', 'failing', 'all'];

/** What every sweep worker is given: the scenarios as plain data (validated by the main thread) and where reports go. */
export interface SweepWorkerData {
  readonly scenarios: readonly Scenario[];
  readonly reportsDir: string;
  readonly reports: SweepReportMode;
}

export interface SweepTask {
  /** Index into the worker data's scenarios. */
  readonly scenario: number;
  readonly seed: number;
}

/** Every report file of a run, the timeline included. */
export function reportFilesWithTimeline(output: RunOutput): Record<string, string> {
  return { ...buildReportFiles(output), 'timeline.html': renderTimelineHtml(output) };
}

function wantsReport(mode: SweepReportMode, output: RunOutput): boolean {
  if (mode === 'all') return true;
  return mode === 'failing' && output.result.verdict !== 'valid';
}

/** Runs one seed and writes its report when the mode asks for it. */
export function runSweepTask(data: SweepWorkerData, task: SweepTask): SweepSeedResult {
  const scenario = data.scenarios[task.scenario];
  if (scenario === undefined) throw new RangeError(`no scenario #${task.scenario} in this sweep`);
  const reportDir = data.reports === 'none' ? null : join(data.reportsDir, reportDirectoryOf(scenario.name, task.seed));
  const output = runScenario(scenario, task.seed, { reportDir, wallClockMs: () => performance.now() });
  const written = reportDir !== null && wantsReport(data.reports, output);
  if (written) writeReportFiles(reportDir, reportFilesWithTimeline(output));
  const result = output.result;
  return {
    seed: task.seed,
    verdict: result.verdict,
    traceHash: result.traceHash,
    wallMs: result.stats.wallMs,
    anomalies: output.anomalies,
    crash: output.crash === null ? null : `${output.crash.name}: ${output.crash.message}`,
    reportDir: written ? reportDir : null,
    repairedStartRefusals: (result.repairs ?? []).filter((repair) => repair.outcome === 'truncated').length,
  };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'scenarios' in workerData) {
  const port = parentPort;
  const data = workerData as SweepWorkerData;
  port.on('message', (request: WorkerRequest<SweepTask>) => {
    let reply: WorkerReply<SweepSeedResult>;
    try {
      reply = { taskId: request.taskId, result: runSweepTask(data, request.task) };
    } catch (error: unknown) {
      reply = { taskId: request.taskId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
}
