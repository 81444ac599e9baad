import { EnvError, InputError } from '../../core/errors.js';
import type { CommandContext } from '../commands/command.js';
import { flushAppendOnlyFile } from './aof/aof-flush.js';
import { loadAppendOnlyFiles } from './aof/aof-load.js';
import { mergeDataset, replaceDataset } from './dataset.js';
import { functionLibrariesOf } from './function-libraries-port.js';
import { pathIn } from './files.js';
import type { Persistence } from './persistence.js';
import { loadRdb } from './rdb/rdb-loader.js';
import { saveRdbNow } from './rdb-save.js';

/** DEBUG RELOAD's options (debug.c): NOSAVE skips the save, NOFLUSH keeps the dataset, MERGE allows duplicates. */
function reloadOptions(ctx: CommandContext): { readonly save: boolean; readonly flush: boolean; readonly merge: boolean } | undefined {
  const options = { save: true, flush: true, merge: false };
  for (const argument of ctx.argv.slice(2)) {
    const option = argument.toString('latin1').toLowerCase();
    if (option === 'merge') options.merge = true;
    else if (option === 'noflush') options.flush = false;
    else if (option === 'nosave') options.save = false;
    else {
      ctx.reply.error('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
      return undefined;
    }
  }
  return options;
}

/** DEBUG RELOAD [MERGE] [NOFLUSH] [NOSAVE]: save the RDB (unless NOSAVE), then load it back in place of (or, NOFLUSH, on top of) the dataset. */
export function debugReload(persistence: Persistence, ctx: CommandContext): void {
  const node = persistence.node;
  const options = reloadOptions(ctx);
  if (options === undefined) return;
  if (options.save && saveRdbNow(persistence) instanceof EnvError) {
    ctx.reply.error('ERR Error trying to save the DB');
    return;
  }
  const data = node.env.fs.readFile(pathIn(node.config.get('dir'), node.config.get('dbfilename')));
  const loaded = data instanceof EnvError ? undefined : loadRdb(data, { file: node.config.get('dbfilename'), databaseCount: node.databaseCount(), encodingConfig: node.config.encoding, rng: node.rng, skipExpiredBeforeMs: undefined });
  if (loaded === undefined || loaded instanceof InputError || (!options.flush && !mergeDataset(node, loaded.databases, options.merge))) {
    ctx.reply.error('ERR Error trying to load the RDB dump');
    return;
  }
  if (options.flush) replaceDataset(node, loaded.databases);
  ctx.reply.ok();
}

/** DEBUG LOADAOF: flush the AOF, then replay it from disk in place of the dataset. */
export function debugLoadAof(persistence: Persistence, ctx: CommandContext): void {
  const node = persistence.node;
  if (persistence.aof.state === 'on') flushAppendOnlyFile(persistence.aof, true);
  for (let index = 0; index < node.databaseCount(); index++) node.database(index).clear();
  // emptyData(-1, EMPTYDB_NO_FLAGS) empties the function libraries too: the AOF loads them again.
  functionLibrariesOf(node)?.clear();
  node.loading = true;
  const status = loadAppendOnlyFiles(persistence);
  node.loading = false;
  if (status === 'failed') {
    ctx.reply.error('ERR Error loading the append only file');
    return;
  }
  ctx.reply.ok();
}
