import type { Argv, CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { readPackageVersion } from '../package-info.js';
import { loadServeSettings } from '../serve/serve-settings.js';
import { startServeProcess } from '../serve/serve-process.js';

/** The words after `serve` on the command line, as redis-server would see its own arguments. */
function serveTokens(argv: readonly string[]): string[] {
  const tokens = hideBin([...argv]);
  const at = tokens.indexOf('serve');
  return at === -1 ? [] : tokens.slice(at + 1);
}

/**
 * `redsim serve`: one store node for real clients over TCP, configured like
 * redis-server (a redis.conf and/or `--directive value` flags; every
 * redis.conf directive works as a flag). Loopback only unless --bind says
 * otherwise. Exit 0 after SHUTDOWN/SIGTERM/SIGINT, 64 on a bad flag or
 * config line, 1 if it cannot listen or cannot load its RDB/AOF.
 */
export const serveCommand: CommandModule = {
  command: 'serve [config-file]',
  describe: 'Serve real Redis clients over TCP (a redis-server 7.0 replacement for tests and experiments)',
  builder: (yargs: Argv) =>
    yargs
      .strict(false)
      .parserConfiguration({ 'unknown-options-as-args': true, 'parse-numbers': false, 'parse-positional-numbers': false })
      .positional('config-file', { type: 'string', describe: 'A redis.conf to read (same as --config)' })
      .option('config', { type: 'string', describe: 'A redis.conf to read before the flags' })
      .option('port', { type: 'string', describe: 'TCP port (default 6379)' })
      .option('bind', { type: 'string', describe: 'Addresses to listen on (default "127.0.0.1 -::1"; "*" for all IPv4)' })
      .option('requirepass', { type: 'string', describe: 'Password clients must AUTH with' })
      .option('dir', { type: 'string', describe: 'Data directory (must exist and be writable; default: the working directory)' })
      .option('appendonly', { type: 'string', describe: 'yes|no: keep an append-only file in --dir' })
      .option('appendfsync', { type: 'string', describe: 'always|everysec|no: when the AOF is fsynced' })
      .option('save', { type: 'string', describe: 'RDB save points "SECONDS CHANGES ..." ("" for none)' })
      .option('replicaof', { type: 'string', describe: 'HOST PORT: replicate that master (redsim or redis-server)' })
      .epilog('Any other redis.conf directive is accepted as --name value, as redis-server takes it.'),
  handler: async () => {
    const settings = loadServeSettings(serveTokens(process.argv));
    if ('failure' in settings) {
      process.stderr.write(settings.failure);
      process.exit(settings.exitCode);
    }
    await startServeProcess({ config: settings, redsimVersion: readPackageVersion() });
  },
};
