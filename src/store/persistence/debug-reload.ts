import { EnvError, InputError } from '../../core/errors.js';
import type { CommandContext } from '../commands/command.js';
import { flushAppendOnlyFile } from './aof/aof-flush.js';
import { loadAppendOnlyFiles } from './aof/aof-load.js';
import { replaceDataset } from './dataset.js';
import { pathIn } from './files.js';
import type { Persistence } from './persistence.js';
import { loadRdb } from './rdb/rdb-loader.js';
import { saveRdbNow } from './rdb-save.js';

/** DEBUG RELOAD [NOSAVE]: save the RDB (unless NOSAVE), then load it back in place of the dataset. */
export function debugReload(persistence: Persistence, ctx: CommandContext): void {
  const node = persistence.node;
  const noSave = ctx.argv.slice(2).some((argument) => argument.toString('latin1').toLowerCase() === 'nosave');
  if (!noSave && saveRdbNow(persistence) instanceof EnvError) {
    ctx.reply.error('ERR Error trying to save the DB');
    return;
  }
  const data = node.env.fs.readFile(pathIn(node.config.get('dir'), node.config.get('dbfilename')));
  const loaded = data instanceof EnvError ? undefined : loadRdb(data, { file: node.config.get('dbfilename'), databaseCount: node.databaseCount(), encodingConfig: node.config.encoding, rng: node.rng, skipExpiredBeforeMs: undefined });
  if (loaded === undefined || loaded instanceof InputError) {
    ctx.reply.error('ERR Error trying to load the RDB dump');
    return;
  }
  replaceDataset(node, loaded.databases);
  ctx.reply.ok();
}

/** DEBUG LOADAOF: flush the AOF, then replay it from disk in place of the dataset. */
export function debugLoadAof(persistence: Persistence, ctx: CommandContext): void {
  const node = persistence.node;
  if (persistence.aof.state === 'on') flushAppendOnlyFile(persistence.aof, true);
  for (let index = 0; index < node.databaseCount(); index++) node.database(index).clear();
  node.loading = true;
  const status = loadAppendOnlyFiles(persistence);
  node.loading = false;
  if (status === 'failed') {
    ctx.reply.error('ERR Error loading the append only file');
    return;
  }
  ctx.reply.ok();
}
