import type { CommandSpec } from '../commands/command.js';
import type { Client } from '../server/client.js';
import { commandTraits } from '../server/command-traits.js';
import { queuedFlag } from '../server/dispatch.js';
import { strerror } from './files.js';
import type { Persistence } from './persistence.js';

/** shared.bgsaveerr */
export const bgsaveErrorReply =
  "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.";

/** writeCommandsDeniedByDiskError + writeCommandsGetDiskErrorMessage: the MISCONF refusal of a write (or PING), if any. */
export function diskErrorRefusal(persistence: Persistence, client: Client, spec: CommandSpec): string | undefined {
  if (client.kind === 'master' || client.kind === 'loader') return undefined;
  const traits = commandTraits(spec);
  const isWrite = traits.isWrite || (traits.isExec && queuedFlag(client, 'write'));
  if (!isWrite && spec.name !== 'ping') return undefined;
  // Cheapest test first: a node whose last BGSAVE succeeded never refuses for it.
  if (persistence.rdb.lastBgsaveStatus === 'err' && persistence.node.config.flag('stop-writes-on-bgsave-error') && persistence.savePoints().length > 0) return bgsaveErrorReply;
  const error = persistence.aof.diskError();
  if (error !== undefined) return `MISCONF Errors writing to the AOF file: ${strerror(error)}`;
  return undefined;
}
