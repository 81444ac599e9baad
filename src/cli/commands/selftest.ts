import type { Argv, CommandModule } from 'yargs';
import { isInvariantError } from '../../core/assert.js';
import { exitCodes } from '../../core/errors.js';
import { runSelftest } from '../../sim/selftest/index.js';

interface SelftestArgs {
  readonly seed: number;
  readonly json: boolean;
  readonly 'simulated-ms': number;
}

function wallMsSince(startNs: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startNs) / 1e6);
}

function findUsageProblem(args: SelftestArgs): string | null {
  if (!Number.isSafeInteger(args.seed)) return `--seed must be an integer, got ${String(args.seed)}`;
  if (!Number.isSafeInteger(args['simulated-ms']) || args['simulated-ms'] <= 0) return '--simulated-ms must be a positive integer';
  return null;
}

/**
 * `redsim selftest --seed N [--json]`: runs the simulation kernel's
 * self-test and prints its seed, trace hash, event count, simulated and
 * wall time. Exit 0, or 4 (with the seed) if a kernel law broke.
 */
export const selftestCommand: CommandModule<object, SelftestArgs> = {
  command: 'selftest',
  describe: 'Run the simulation kernel self-test: 5 hosts under random faults, its laws checked as it goes',
  builder: (yargs: Argv<object>): Argv<SelftestArgs> =>
    yargs
      .option('seed', { type: 'number', default: 1, describe: 'The seed of the run' })
      .option('json', { type: 'boolean', default: false, describe: 'End with one JSON line: seed, traceHash, events, simulatedMs, wallMs' })
      .option('simulated-ms', { type: 'number', default: 60_000, describe: 'Simulated duration in ms' }),
  handler: (args) => {
    const usageProblem = findUsageProblem(args);
    if (usageProblem !== null) {
      process.stderr.write(`redsim: ${usageProblem}\nRun 'redsim selftest --help' for usage.\n`);
      process.exitCode = exitCodes.usage;
      return;
    }
    const startNs = process.hrtime.bigint();
    let result;
    try {
      result = runSelftest({ seed: args.seed, simulatedMs: args['simulated-ms'] });
    } catch (error: unknown) {
      if (!isInvariantError(error)) throw error;
      process.stderr.write(`redsim selftest: seed ${args.seed}: ${error.message}\n`);
      process.exitCode = exitCodes.crash;
      return;
    }
    const wallMs = wallMsSince(startNs);
    if (args.json) {
      const line = { seed: result.seed, traceHash: result.traceHash, events: result.events, simulatedMs: result.simulatedMs, wallMs };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      return;
    }
    const ratio = wallMs > 0 ? Math.round(result.simulatedMs / wallMs) : Number.POSITIVE_INFINITY;
    process.stdout.write(
      [`seed:         ${result.seed}`, `trace hash:   ${result.traceHash}`, `events:       ${result.events}`, `simulated ms: ${result.simulatedMs}`, `wall ms:      ${wallMs} (${ratio}x)`].join('\n') + '\n',
    );
  },
};
