import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../core/errors.js';
import { exitCodeOfVerdict } from '../../scenario/exit-code.js';
import { compareRuns, type DeterminismCheck } from '../../scenario/replay.js';
import { reportDirectoryOf } from '../../scenario/report/build-report-files.js';
import type { RunOutput } from '../../scenario/run-output.js';
import { runScenario } from '../../scenario/runner.js';
import type { Scenario } from '../../scenario/scenario.js';
import { formatTraceEntry } from '../../sim/trace.js';
import { writeReportFiles } from '../report-writer.js';
import { formatRunSummary } from '../run-summary.js';
import { reportFilesWithTimeline } from '../worker-sweep-thread.js';
import { resolveScenario } from '../scenario-loader.js';
import { withUsageErrors } from './sweep.js';

interface ReplayArguments {
  readonly scenario: string;
  readonly seed?: number;
  readonly checkDeterminism: boolean;
  readonly json: boolean;
  readonly trace: boolean;
  readonly report: boolean;
  readonly reportsDir: string;
}

/** Exit code of `replay --check-determinism` when the two runs differ. */
export const NOT_DETERMINISTIC_EXIT_CODE = 1;

function seedOf(args: ReplayArguments, scenario: Scenario): number {
  if (args.seed === undefined) return scenario.seeds[0] as number;
  if (!Number.isSafeInteger(args.seed) || args.seed < 0) throw new UsageError(`--seed must be a non-negative integer, got ${String(args.seed)}`);
  return args.seed;
}

function runOnce(scenario: Scenario, seed: number, reportDir: string | null, keepTrace: boolean): RunOutput {
  return runScenario(scenario, seed, { reportDir, wallClockMs: () => performance.now(), keepTrace });
}

/** The human text of a determinism check: equal hashes, or the first event where the runs went apart. */
export function formatDeterminismCheck(check: DeterminismCheck): string {
  const head = `${check.scenario}  seed ${check.seed}`;
  if (check.deterministic) return `${head}: deterministic: trace ${check.traceHashes[0]} over ${check.events[0]} events in both runs (verdict ${check.verdicts[0]})\n`;
  const lines = [`${head}: NOT deterministic`, `  run 1: trace ${check.traceHashes[0]}  events ${check.events[0]}  verdict ${check.verdicts[0]}`, `  run 2: trace ${check.traceHashes[1]}  events ${check.events[1]}  verdict ${check.verdicts[1]}`];
  const difference = check.firstDifference;
  if (difference === null) lines.push(check.historiesEqual ? '  the kept traces agree: the runs differ before the kept window' : '  the traces agree, the histories do not');
  else lines.push('  first differing event:', `    run 1: ${difference.left === null ? '(none: the trace ended)' : formatTraceEntry(difference.left)}`, `    run 2: ${difference.right === null ? '(none: the trace ended)' : formatTraceEntry(difference.right)}`);
  return `${lines.join('\n')}\n`;
}

async function runReplay(args: ReplayArguments): Promise<number> {
  const scenario = await resolveScenario(args.scenario);
  const seed = seedOf(args, scenario);
  const reportDir = args.report ? join(args.reportsDir, reportDirectoryOf(scenario.name, seed)) : null;
  const keepTrace = args.trace || args.checkDeterminism;
  const first = runOnce(scenario, seed, reportDir, keepTrace);
  if (reportDir !== null) writeReportFiles(reportDir, reportFilesWithTimeline(first));
  if (args.trace) for (const entry of first.traceEntries ?? []) process.stdout.write(`${formatTraceEntry(entry)}\n`);
  if (!args.checkDeterminism) {
    process.stdout.write(formatRunSummary(first));
    if (args.json) process.stdout.write(`${JSON.stringify(first.result)}\n`);
    return exitCodeOfVerdict(first.result.verdict);
  }
  const check = compareRuns(first, runOnce(scenario, seed, reportDir, true));
  process.stdout.write(formatDeterminismCheck(check));
  if (args.json) process.stdout.write(`${JSON.stringify(check)}\n`);
  return check.deterministic ? 0 : NOT_DETERMINISTIC_EXIT_CODE;
}

export const replayCommand: CommandModule<object, ReplayArguments> = {
  command: 'replay <scenario>',
  describe: 'Rerun one seed and write its report (as run); with --check-determinism run it twice: exit 0 if the traces match, 1 if not',
  builder: (yargs: Argv<object>) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'a name from `redsim list`, or a path to a scenario file' })
      .option('seed', { type: 'number', describe: "the seed (default: the scenario's first seed)" })
      .option('check-determinism', { type: 'boolean', default: false, describe: 'run twice; compare trace hashes, event counts and histories; print the first differing event' })
      .option('json', { type: 'boolean', default: false, describe: 'end stdout with one JSON line: the run result, or {deterministic, traceHashes, events, verdicts, firstDifference}' })
      .option('trace', { type: 'boolean', default: false, describe: 'print the trace (the last events kept) first' })
      .option('report', { type: 'boolean', default: true, describe: 'write the report files (--no-report to skip)' })
      .option('reports-dir', { type: 'string', default: 'reports', describe: 'where reports go: <dir>/<scenario>/seed-<n>/' }) as unknown as Argv<ReplayArguments>,
  handler: (args) => withUsageErrors(() => runReplay(args)),
};
