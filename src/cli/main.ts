#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exitCodes } from '../core/errors.js';
import { cliCommands } from './commands/index.js';

/**
 * The CLI only parses arguments and calls into scenario/ or store/. Usage
 * errors (unknown command or flag, bad value) print a clear message and exit 64.
 */
async function main(argv: readonly string[]): Promise<void> {
  let parser = yargs(hideBin([...argv]))
    .scriptName('redsim')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'Name a command (see redsim --help).')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      // yargs reports validation failures (`.check()`, coercion) as YError: those are usage errors too.
      if (error && error.name !== 'YError') throw error;
      process.stderr.write(`redsim: ${message ?? error?.message ?? 'invalid usage'}\nRun 'redsim --help' for usage.\n`);
      process.exit(exitCodes.usage);
    });
  for (const command of cliCommands) parser = parser.command(command);
  await parser.parseAsync();
}

main(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`redsim: crashed: ${message}\n`);
  process.exit(exitCodes.crash);
});
