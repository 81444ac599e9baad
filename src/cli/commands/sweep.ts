import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { exitCodes, InputError, UsageError } from '../../core/errors.js';
import type { Scenario } from '../../scenario/scenario.js';
import { planSweep, type SweepPlanOptions } from '../../scenario/sweep.js';
import { sweepExitCode, type ScenarioSweepSummary } from '../../scenario/sweep/scenario-sweep-summary.js';
import { parseSeedRange } from '../../scenario/sweep/seed-range.js';
import { parseShard } from '../../scenario/sweep/shard.js';
import { junitReport, replayCommand } from '../junit-report.js';
import { loadShippedScenarios, resolveScenario } from '../scenario-loader.js';
import { defaultWorkerCount, runSweep, type ScenarioSweep } from '../worker-sweep.js';
import { type SweepReportMode, sweepReportModes } from '../worker-sweep-thread.js';

export interface SweepArguments {
  readonly scenario?: string;
  readonly all: boolean;
  readonly seeds?: string;
  readonly workers?: number;
  readonly shard?: string;
  readonly json: boolean;
  readonly junit?: string;
  readonly reports: SweepReportMode;
  readonly reportsDir: string;
}

/** The scenarios a sweep names: every shipped one with --all, else the one given (a name or a file). */
export async function sweepScenarios(args: Pick<SweepArguments, 'scenario' | 'all'>): Promise<Scenario[]> {
  if (args.all && args.scenario !== undefined) throw new UsageError('name a scenario or pass --all, not both');
  if (args.all) return (await loadShippedScenarios()).all();
  if (args.scenario === undefined) throw new UsageError('name a scenario (see redsim list) or pass --all');
  return [await resolveScenario(args.scenario)];
}

function workerCountOf(args: Pick<SweepArguments, 'workers'>): number {
  if (args.workers === undefined) return defaultWorkerCount();
  if (!Number.isSafeInteger(args.workers) || args.workers < 1 || args.workers > 256) throw new UsageError(`--workers must be an integer from 1 to 256, got ${String(args.workers)}`);
  return args.workers;
}

function planOptionsOf(args: Pick<SweepArguments, 'seeds' | 'shard'>): SweepPlanOptions {
  return { ...(args.seeds === undefined ? {} : { seeds: parseSeedRange(args.seeds) }), ...(args.shard === undefined ? {} : { shard: parseShard(args.shard) }) };
}

/** Runs the sweep the arguments describe; progress goes to stderr. */
export async function sweepFromArguments(args: SweepArguments): Promise<ScenarioSweep[]> {
  const scenarios = await sweepScenarios(args);
  const plan = planSweep(scenarios, planOptionsOf(args));
  const workers = workerCountOf(args);
  return runSweep({ plan, workers, reportsDir: args.reportsDir, reports: args.reports, progress: process.stderr });
}

function expectationText(summary: ScenarioSweepSummary): string {
  return summary.expected === 'valid' ? 'valid' : `invalid (${summary.anomaly ?? '?'})`;
}

/** One human line per scenario, then the seeds that need a look with their replay commands. */
export function formatSweepSummary(sweep: ScenarioSweep): string {
  const { summary } = sweep;
  const valid = sweep.results.filter((result) => result.verdict === 'valid').length;
  const found = summary.expected === 'valid' ? `valid ${valid}/${summary.seeds}` : `detected ${summary.detected}/${summary.seeds} (min ${summary.detectionRateMin ?? '?'})`;
  const lines = [`${summary.ok ? 'ok  ' : 'FAIL'} ${summary.scenario}  expect ${expectationText(summary)}  seeds ${summary.seeds}  ${found}  unexpected ${summary.unexpected.length}  ${summary.seedsPerSecond} seeds/s`];
  for (const result of sweep.results) {
    if (!summary.unexpected.includes(result.seed)) continue;
    const detail = result.crash ?? (result.anomalies.length > 0 ? result.anomalies.join(', ') : '');
    lines.push(`     seed ${result.seed}: ${result.verdict}${detail === '' ? '' : ` (${detail})`}  → ${replayCommand(summary.scenario, result.seed)}${result.reportDir === null ? '' : `  report ${result.reportDir}`}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The --json lines: one per scenario; with --all a last `{all: true, ok, exitCode, ...}` line. */
export function sweepJsonLines(sweeps: readonly ScenarioSweep[], all: boolean): string[] {
  const lines = sweeps.map((sweep) => JSON.stringify(sweep.summary));
  if (!all) return lines;
  const summaries = sweeps.map((sweep) => sweep.summary);
  const unexpected = summaries.flatMap((summary) => summary.unexpected.map((seed) => ({ scenario: summary.scenario, seed })));
  const failed = summaries.filter((summary) => !summary.ok).map((summary) => summary.scenario);
  const seeds = summaries.reduce((sum, summary) => sum + summary.seeds, 0);
  const wallMs = summaries.reduce((sum, summary) => sum + summary.wallMs, 0);
  lines.push(JSON.stringify({ all: true, ok: failed.length === 0, exitCode: sweepExitCode(summaries), scenarios: summaries.length, seeds, failed, unexpected, wallMs }));
  return lines;
}

export function writeJunitFile(file: string, sweeps: readonly ScenarioSweep[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, junitReport(sweeps));
}

async function runSweepCommand(args: SweepArguments): Promise<number> {
  const sweeps = await sweepFromArguments(args);
  if (args.junit !== undefined) writeJunitFile(args.junit, sweeps);
  if (args.json) process.stdout.write(`${sweepJsonLines(sweeps, args.all).join('\n')}\n`);
  else process.stdout.write(sweeps.map(formatSweepSummary).join(''));
  return sweepExitCode(sweeps.map((sweep) => sweep.summary));
}

/** The options sweep and start share. */
export function sweepOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
    .option('workers', { type: 'number', describe: 'worker threads (default: one per core)' })
    .option('reports', { choices: sweepReportModes, default: 'failing' as SweepReportMode, describe: "which seeds get a report directory: 'failing' = verdict not valid" })
    .option('reports-dir', { type: 'string', default: 'reports', describe: 'where reports go: <dir>/<scenario>/seed-<n>/' })
    .option('junit', { type: 'string', describe: 'also write a JUnit XML report to this file' }) as Argv<T>;
}

/** Runs a command body, turning usage and input errors into exit 64. */
export async function withUsageErrors(body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error: unknown) {
    if (!(error instanceof UsageError) && !(error instanceof InputError)) throw error;
    process.stderr.write(`redsim: ${error.message}\n`);
    process.exitCode = exitCodes.usage;
  }
}

export const sweepCommand: CommandModule<object, SweepArguments> = {
  command: 'sweep [scenario]',
  describe: 'Run many seeds of a scenario (or --all) in worker threads; exit 0 if every scenario met its expectation, 1 if not, 4 if any seed crashed',
  builder: (yargs: Argv<object>) =>
    sweepOptions(
      yargs
        .positional('scenario', { type: 'string', describe: 'a name from `redsim list`, or a path to a scenario file' })
        .option('all', { type: 'boolean', default: false, describe: 'every shipped scenario' })
        .option('seeds', { type: 'string', describe: "seeds A..B (both included), N, or a list '1..10,42' (default: each scenario's seeds)" })
        .option('shard', { type: 'string', describe: 'run shard i of n (0 <= i < n): the seeds k with k mod n = i' })
        .option('json', { type: 'boolean', default: false, describe: 'stdout: one JSON line per scenario (with --all, then {"all": true, "ok", "exitCode", ...})' }),
    ) as unknown as Argv<SweepArguments>,
  handler: (args) => withUsageErrors(() => runSweepCommand(args)),
};
