import type { Argv, CommandModule } from 'yargs';
import { sweepExitCode } from '../../scenario/sweep/scenario-sweep-summary.js';
import type { ScenarioSweep } from '../worker-sweep.js';
import { sweepFromArguments, sweepOptions, withUsageErrors, writeJunitFile } from './sweep.js';
import type { SweepReportMode } from '../worker-sweep-thread.js';

interface StartArguments {
  readonly seeds?: string;
  readonly workers?: number;
  readonly reports: SweepReportMode;
  readonly reportsDir: string;
  readonly junit?: string;
}

/** What a scenario found: `invalid 5/5` (detections of the expected anomaly) or `valid 5/5`. */
export function foundText(sweep: ScenarioSweep): string {
  const { summary } = sweep;
  if (summary.expected === 'invalid') return `invalid ${summary.detected}/${summary.seeds}`;
  const valid = sweep.results.filter((result) => result.verdict === 'valid').length;
  return `valid ${valid}/${summary.seeds}`;
}

/** The `npm start` table: scenario, seeds, expected, found, detection rate, seconds, and whether it met its expectation. */
export function startTable(sweeps: readonly ScenarioSweep[]): string {
  const rows = sweeps.map((sweep) => {
    const { summary } = sweep;
    const expected = summary.expected === 'valid' ? 'valid' : `invalid (${summary.anomaly ?? '?'})`;
    const rate = summary.detectionRate === null || summary.expected === 'valid' ? '-' : `${summary.detectionRate.toFixed(2)}${summary.detectionRateMin === null ? '' : ` (min ${summary.detectionRateMin})`}`;
    return [summary.scenario, String(summary.seeds), expected, foundText(sweep), rate, (summary.wallMs / 1000).toFixed(1), summary.ok ? 'ok' : 'FAIL'];
  });
  const header = ['scenario', 'seeds', 'expected', 'found', 'detection rate', 'seconds', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = new Set([1, 5]);
  const format = (row: readonly string[]): string =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(header), rule, ...rows.map(format)].join('\n') + '\n';
}

function verdictLine(sweeps: readonly ScenarioSweep[]): string {
  const code = sweepExitCode(sweeps.map((sweep) => sweep.summary));
  const seeds = sweeps.reduce((sum, sweep) => sum + sweep.summary.seeds, 0);
  if (code === 0) return `All ${sweeps.length} scenarios met their expectations over ${seeds} seeds.\n`;
  const failed = sweeps.filter((sweep) => !sweep.summary.ok).map((sweep) => sweep.summary.scenario);
  const crashed = code === 4 ? ' Some seeds crashed (exit 4).' : '';
  return `${failed.length} of ${sweeps.length} scenarios did not meet their expectations: ${failed.join(', ')}.${crashed} Rerun a seed with 'redsim replay <scenario> --seed N'.\n`;
}

async function runStart(args: StartArguments): Promise<number> {
  const sweeps = await sweepFromArguments({
    all: true,
    json: false,
    reports: args.reports,
    reportsDir: args.reportsDir,
    ...(args.seeds === undefined ? {} : { seeds: args.seeds }),
    ...(args.workers === undefined ? {} : { workers: args.workers }),
  });
  if (args.junit !== undefined) writeJunitFile(args.junit, sweeps);
  process.stdout.write(`${startTable(sweeps)}\n${verdictLine(sweeps)}`);
  for (const sweep of sweeps) for (const result of sweep.results) if (sweep.summary.unexpected.includes(result.seed)) process.stdout.write(`  ${sweep.summary.scenario} seed ${result.seed}: ${result.verdict}${result.reportDir === null ? '' : ` (report ${result.reportDir})`}\n`);
  const reported = sweeps.reduce((sum, sweep) => sum + sweep.results.filter((result) => result.reportDir !== null).length, 0);
  if (reported > 0) process.stdout.write(`Reports of the ${reported} seeds that did not come out valid (timeline.html, history, CSVs): ${args.reportsDir}/<scenario>/seed-<n>/\n`);
  return sweepExitCode(sweeps.map((sweep) => sweep.summary));
}

export const startCommand: CommandModule<object, StartArguments> = {
  command: 'start',
  describe: 'What `npm start` runs: every shipped scenario on its default seeds (sweep --all), then a table; exit code as sweep',
  builder: (yargs: Argv<object>) =>
    sweepOptions(yargs.option('seeds', { type: 'string', describe: "seeds A..B, N or a list for every scenario (default: each scenario's seeds)" })) as unknown as Argv<StartArguments>,
  handler: (args) => withUsageErrors(() => runStart(args)),
};
