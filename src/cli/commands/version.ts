import type { CommandModule } from 'yargs';
import { readPackageVersion } from '../package-info.js';

export const versionCommand: CommandModule = {
  command: 'version',
  describe: 'Print the redsim version and the Redis version the store emulates',
  handler: () => {
    process.stdout.write(`redsim ${readPackageVersion()} (emulates Redis 7.0.15)\n`);
  },
};
