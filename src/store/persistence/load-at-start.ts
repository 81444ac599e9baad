import { EnvError, InputError } from '../../core/errors.js';
import { openAofOnStart } from './aof/aof-files.js';
import { loadAppendOnlyFiles } from './aof/aof-load.js';
import { replaceDataset } from './dataset.js';
import { pathIn, strerror } from './files.js';
import type { Persistence } from './persistence.js';
import { loadRdb } from './rdb/rdb-loader.js';

/** rdbLoad of `dbfilename`: a missing file is an empty start; anything else that fails is fatal. */
function loadRdbFile(persistence: Persistence): void {
  const node = persistence.node;
  const name = node.config.get('dbfilename');
  const data = node.env.fs.readFile(pathIn(node.config.get('dir'), name));
  if (data instanceof EnvError) {
    if (data.code !== 'ENOENT') persistence.fatal(`Fatal error loading the DB: ${strerror(data)}. Exiting.`);
    return;
  }
  const loaded = loadRdb(data, {
    file: name,
    databaseCount: node.databaseCount(),
    encodingConfig: node.config.encoding,
    rng: node.rng,
    skipExpiredBeforeMs: node.isReplica ? undefined : node.env.clock.nowMs(),
    countSteps: (count) => node.env.countSteps?.('persistence:rdb-load-keys', count),
  });
  if (loaded instanceof InputError) {
    persistence.fatal(`Short read or corrupt RDB loading the DB (${loaded.message}). Fatal error loading the DB. Exiting.`);
    return;
  }
  replaceDataset(node, loaded.databases);
  persistence.lastLoad.keysLoaded = loaded.keysLoaded;
  persistence.lastLoad.keysExpired = loaded.expiredSkipped;
  node.env.log('notice', `DB loaded from disk: ${loaded.keysLoaded} keys`);
}

/**
 * loadDataFromDisk then aofOpenIfNeededOnServerStart: with appendonly on the
 * AOF (manifest, base, incr files) is the truth, else the RDB. The dataset
 * is replaced only by a complete load; a failure exits the process.
 */
export function loadDataAtStart(persistence: Persistence): void {
  const node = persistence.node;
  node.loading = true;
  try {
    if (node.config.flag('appendonly')) {
      persistence.aof.state = 'on';
      const status = loadAppendOnlyFiles(persistence);
      if (status === 'failed') {
        persistence.fatal('Fatal error loading the append only files. Exiting.');
        return;
      }
      if (status !== 'not-exist') node.env.log('notice', 'DB loaded from append only file');
    } else {
      loadRdbFile(persistence);
    }
  } finally {
    node.loading = false;
  }
  if (!persistence.exited) openAofOnStart(persistence);
}
