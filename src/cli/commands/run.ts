import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { exitCodes, InputError, UsageError } from '../../core/errors.js';
import { reportDirectoryOf } from '../../scenario/report/build-report-files.js';
import { exitCodeOfVerdict } from '../../scenario/exit-code.js';
import { runScenario } from '../../scenario/runner.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { SimHost } from '../../sim/sim-host.js';
import { formatTraceEntry } from '../../sim/trace.js';
import { writeReportFiles } from '../report-writer.js';
import { exportDurableDisks } from '../write-exported-disk.js';
import { reportFilesWithTimeline } from '../worker-sweep-thread.js';
import { formatRunSummary } from '../run-summary.js';
import { resolveScenario } from '../scenario-loader.js';

/** Kept here too: sweep, replay and shrink import it from the run command. */
export { resolveScenario };

interface RunArguments {
  readonly scenario: string;
  readonly seed?: number;
  readonly json: boolean;
  readonly trace: boolean;
  readonly report: boolean;
  readonly reportsDir: string;
  readonly exportDisk?: string;
}

function seedOf(args: RunArguments, scenario: Scenario): number {
  if (args.seed === undefined) return scenario.seeds[0] as number;
  if (!Number.isSafeInteger(args.seed) || args.seed < 0) throw new UsageError(`--seed must be a non-negative integer, got ${String(args.seed)}`);
  return args.seed;
}

async function runRun(args: RunArguments): Promise<number> {
  const scenario = await resolveScenario(args.scenario);
  const seed = seedOf(args, scenario);
  const reportDir = args.report ? join(args.reportsDir, reportDirectoryOf(scenario.name, seed)) : null;
  const exportDisk = args.exportDisk;
  const onRunEnd = exportDisk === undefined ? {} : { onRunEnd: (hosts: readonly SimHost[]) => exportDurableDisks(exportDisk, hosts) };
  const output = runScenario(scenario, seed, { reportDir, wallClockMs: () => performance.now(), keepTrace: args.trace, ...onRunEnd });
  if (exportDisk !== undefined) process.stderr.write(`durable disk images of the store hosts written to ${exportDisk}/<host>/\n`);
  if (reportDir !== null) writeReportFiles(reportDir, reportFilesWithTimeline(output));
  if (args.trace) for (const entry of output.traceEntries ?? []) process.stdout.write(`${formatTraceEntry(entry)}\n`);
  process.stdout.write(formatRunSummary(output));
  if (args.json) process.stdout.write(`${JSON.stringify(output.result)}\n`);
  return exitCodeOfVerdict(output.result.verdict);
}

export const runCommand: CommandModule<object, RunArguments> = {
  command: 'run <scenario>',
  describe: 'Run one seed of a scenario (a shipped name, or a .js/.mjs/.ts file); exit 0 valid, 1 invalid, 2 unknown, 3 liveness, 4 crash',
  builder: (yargs: Argv<object>) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'a name from `redsim list`, or a path to a scenario file' })
      .option('seed', { type: 'number', describe: "the seed (default: the scenario's first seed)" })
      .option('json', { type: 'boolean', default: false, describe: 'end stdout with one JSON line: {scenario, seed, traceHash, verdict, expected, checks, stats, nodes, reportDir} plus startRefusals, repairs, aofTruncatedLoads when a node refused to start or loaded a torn AOF' })
      .option('trace', { type: 'boolean', default: false, describe: 'print the trace (the last events kept) before the summary' })
      .option('report', { type: 'boolean', default: true, describe: 'write the report files (--no-report to skip)' })
      .option('reports-dir', { type: 'string', default: 'reports', describe: 'where reports go: <dir>/<scenario>/seed-<n>/' })
      .option('export-disk', { type: 'string', describe: "write each store host's durable files (what survives a power loss at the end) to DIR/<host>/" }) as unknown as Argv<RunArguments>,
  handler: async (args) => {
    try {
      process.exitCode = await runRun(args);
    } catch (error: unknown) {
      if (!(error instanceof UsageError) && !(error instanceof InputError)) throw error;
      process.stderr.write(`redsim: ${error.message}\n`);
      process.exitCode = exitCodes.usage;
    }
  },
};
