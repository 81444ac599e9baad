import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { limits } from '../../core/limits.js';
import { exitCodes, UsageError } from '../../core/errors.js';
import { reportDirectoryOf } from '../../scenario/report/build-report-files.js';
import { runScenario } from '../../scenario/runner.js';
import type { Scenario } from '../../scenario/scenario.js';
import { shrinkFailure, type ShrinkSizeWithOps, shrunkScenarioName } from '../../scenario/shrink.js';
import { describeSignature, type FailureSignature, failsTheSameWay } from '../../scenario/shrink/failure-signature.js';
import { scenarioSource } from '../../scenario/shrink/scenario-source.js';
import { packageRoot } from '../package-info.js';
import { loadScenarioFile, resolveScenario } from '../scenario-loader.js';
import { withUsageErrors } from './sweep.js';

interface ShrinkArguments {
  readonly scenario: string;
  readonly seed?: number;
  readonly out?: string;
  readonly attemptsMax: number;
  readonly json: boolean;
  readonly reportsDir: string;
}

/** Nothing to shrink (the seed passes, or its failure needs the swarm draw): exit 1. A written file that does not fail again: exit 4. */
export const shrinkExitCodes = { shrunk: 0, nothingToShrink: 1, notReproduced: exitCodes.crash } as const;

function seedOf(args: ShrinkArguments, scenario: Scenario): number {
  if (args.seed === undefined) return scenario.seeds[0] as number;
  if (!Number.isSafeInteger(args.seed) || args.seed < 0) throw new UsageError(`--seed must be a non-negative integer, got ${String(args.seed)}`);
  return args.seed;
}

/** The import of `defineScenario` as seen from where the file goes (resolvable when it stays inside the package). */
export function scenarioImportPath(outFile: string): string {
  const path = relative(dirname(outFile), join(packageRoot(), 'src', 'scenario', 'scenario.js')).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const sizeRows: readonly (readonly [keyof ShrinkSizeWithOps, string, string])[] = [
  ['faults', 'faults', ''],
  ['faultWindowMs', 'fault windows', ' ms'],
  ['faultsMs', 'faults phase', ' ms'],
  ['healMs', 'heal phase', ' ms'],
  ['clients', 'clients', ''],
  ['keys', 'keys', ''],
  ['rateHz', 'rate per client', ' Hz'],
  ['ops', 'ops in the history', ''],
];

export function formatSizes(before: ShrinkSizeWithOps, after: ShrinkSizeWithOps): string {
  return sizeRows.map(([field, name, unit]) => `  ${name.padEnd(20)} ${String(before[field])}${unit} → ${String(after[field])}${unit}`).join('\n');
}

function commentOf(scenario: Scenario, seed: number, signature: FailureSignature, sizes: string, outFile: string): string[] {
  return [
    `Shrunk by \`redsim shrink ${scenario.name} --seed ${seed}\`: it fails as ${describeSignature(signature)}.`,
    "The seed's faults are the explicit timeline below (no swarm), so it replays",
    'without the swarm draw. Run it with',
    `  redsim run ${outFile} --seed ${seed}`,
    'To keep it as a regression scenario, write it into scenarios/ instead',
    `(--out scenarios/${shrunkScenarioName(scenario.name, seed)}.ts) and \`npm run build\`.`,
    '',
    'Before → after:',
    ...sizes.split('\n').map((line) => line.trim()),
  ];
}

/** Loads the written file back and runs it: does it fail the same way on its own? */
async function verifyWritten(outFile: string, seed: number, signature: FailureSignature): Promise<boolean> {
  const loaded = await loadScenarioFile(outFile);
  return failsTheSameWay(signature, runScenario(loaded, seed, {}));
}

async function runShrink(args: ShrinkArguments): Promise<number> {
  const scenario = await resolveScenario(args.scenario);
  const seed = seedOf(args, scenario);
  if (!Number.isSafeInteger(args.attemptsMax) || args.attemptsMax < 1) throw new UsageError(`--attempts-max must be a positive integer, got ${String(args.attemptsMax)}`);
  const onAttempt = (attempt: { attempt: number; description: string; kept: boolean }): void => void process.stderr.write(`  attempt ${attempt.attempt}: ${attempt.description}: ${attempt.kept ? 'still fails, kept' : 'passes or fails otherwise'}\n`);
  const outcome = shrinkFailure(scenario, seed, { run: (candidate, candidateSeed) => runScenario(candidate, candidateSeed, {}), attemptsMax: args.attemptsMax, onAttempt });
  if (outcome.kind === 'not-failing') {
    process.stderr.write(`redsim shrink: ${scenario.name} seed ${seed} is valid: nothing to shrink\n`);
    if (args.json) process.stdout.write(`${JSON.stringify({ scenario: scenario.name, seed, shrunk: false, reason: 'valid' })}\n`);
    return shrinkExitCodes.nothingToShrink;
  }
  if (outcome.kind === 'not-reproducible') {
    process.stderr.write(`redsim shrink: ${scenario.name} seed ${seed} fails as ${describeSignature(outcome.signature)}, but not with its faults as an explicit timeline (the failure needs the swarm's runtime draws)\n`);
    if (args.json) process.stdout.write(`${JSON.stringify({ scenario: scenario.name, seed, shrunk: false, reason: 'not-reproducible', failure: outcome.signature })}\n`);
    return shrinkExitCodes.nothingToShrink;
  }
  const outFile = args.out ?? join(args.reportsDir, reportDirectoryOf(scenario.name, seed), 'shrunk.ts');
  const sizes = formatSizes(outcome.before, outcome.after);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, scenarioSource(outcome.minimal, { importPath: scenarioImportPath(outFile), comment: commentOf(scenario, seed, outcome.signature, sizes, outFile) }));
  const verified = failsTheSameWay(outcome.signature, outcome.minimalOutput) && (await verifyWritten(outFile, seed, outcome.signature));
  const budget = outcome.budgetExhausted ? `the budget of ${args.attemptsMax} ran out` : 'a local minimum';
  process.stdout.write(`${scenario.name} seed ${seed}: fails as ${describeSignature(outcome.signature)}\n${sizes}\n  ${outcome.attempts} attempts, ${outcome.accepted} kept (${budget})\n`);
  process.stdout.write(verified ? `wrote ${outFile}: it fails the same way on its own (redsim run ${outFile} --seed ${seed})\n` : `wrote ${outFile}, but it does NOT fail the same way when run on its own: a determinism bug?\n`);
  if (args.json) {
    const line = { scenario: scenario.name, seed, shrunk: true, failure: outcome.signature, before: outcome.before, after: outcome.after, attempts: outcome.attempts, accepted: outcome.accepted, budgetExhausted: outcome.budgetExhausted, out: outFile, verified };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return verified ? shrinkExitCodes.shrunk : shrinkExitCodes.notReproduced;
}

export const shrinkCommand: CommandModule<object, ShrinkArguments> = {
  command: 'shrink <scenario>',
  describe: 'Minimize a failing seed into an explicit scenario file (fewer and shorter faults, a shorter run, a smaller workload) that fails the same way',
  builder: (yargs: Argv<object>) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'a name from `redsim list`, or a path to a scenario file' })
      .option('seed', { type: 'number', describe: "the failing seed (default: the scenario's first seed)" })
      .option('out', { type: 'string', describe: 'where to write the shrunk scenario (default: <reports-dir>/<scenario>/seed-<n>/shrunk.ts)' })
      .option('attempts-max', { type: 'number', default: limits.shrinkAttemptsMax, describe: 'candidate runs at most' })
      .option('json', { type: 'boolean', default: false, describe: 'end stdout with one JSON line: {scenario, seed, shrunk, failure, before, after, attempts, out, verified}' })
      .option('reports-dir', { type: 'string', default: 'reports', describe: 'the reports root (for the default --out)' }) as unknown as Argv<ShrinkArguments>,
  handler: (args) => withUsageErrors(() => runShrink(args)),
};
