import type { Argv, CommandModule } from 'yargs';
import { exitCodes, InputError, UsageError } from '../../core/errors.js';
import { loadShippedScenarios } from '../scenario-loader.js';

interface ListArguments {
  readonly json: boolean;
}

async function runList(args: ListArguments): Promise<number> {
  const registry = await loadShippedScenarios();
  const listing = registry.listing();
  if (args.json) {
    process.stdout.write(`${JSON.stringify(listing)}\n`);
    return exitCodes.valid;
  }
  const width = Math.max(...listing.map((entry) => entry.name.length), 4);
  for (const entry of listing) {
    const expect = entry.expect.valid ? 'valid' : `invalid (${entry.expect.anomaly})`;
    process.stdout.write(`${entry.name.padEnd(width)}  expect ${expect.padEnd(30)} seeds ${entry.seeds.join(',')}\n${' '.repeat(width + 2)}${entry.description}\n`);
  }
  return exitCodes.valid;
}

export const listCommand: CommandModule<object, ListArguments> = {
  command: 'list',
  describe: 'List the shipped scenarios (scenarios/*.ts) with their expectations and default seeds',
  builder: (yargs: Argv<object>) => yargs.option('json', { type: 'boolean', default: false, describe: 'a JSON array of {name, description, expect, seeds}' }) as unknown as Argv<ListArguments>,
  handler: async (args) => {
    try {
      process.exitCode = await runList(args);
    } catch (error: unknown) {
      if (!(error instanceof UsageError) && !(error instanceof InputError)) throw error;
      process.stderr.write(`redsim: ${error.message}\n`);
      process.exitCode = exitCodes.usage;
    }
  },
};
