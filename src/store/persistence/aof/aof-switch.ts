import { EnvError } from '../../../core/errors.js';
import { strerror } from '../files.js';
import type { Persistence } from '../persistence.js';
import { flushAppendOnlyFile } from './aof-flush.js';
import { killAofChild, startBackgroundRewrite } from './aof-rewrite.js';

/** startAppendOnly (CONFIG SET appendonly yes): wait for a first rewrite that writes the base. */
export function startAppendOnly(persistence: Persistence): void {
  const aof = persistence.aof;
  if (aof.state !== 'off') return;
  aof.state = 'wait-rewrite';
  if (persistence.childActive() && !persistence.aofChildActive()) {
    aof.rewriteScheduled = true;
    aof.log('warning', 'AOF was enabled but there is already another background operation. An AOF background was scheduled to start when possible.');
  } else {
    killAofChild(persistence);
    if (!startBackgroundRewrite(persistence)) {
      aof.state = 'off';
      aof.log('warning', "Redis needs to enable the AOF but can't trigger a background AOF rewrite operation. Check the above logs for more info about the error.");
      return;
    }
  }
  aof.lastFsyncSeconds = aof.unixSeconds();
  aof.backgroundFsyncStatus = 'ok';
  aof.lastWriteStatus = 'ok';
}

/** stopAppendOnly (CONFIG SET appendonly no): flush, fsync and close; the files stay. */
export function stopAppendOnly(persistence: Persistence): void {
  const aof = persistence.aof;
  if (aof.state === 'off') return;
  flushAppendOnlyFile(aof, true);
  const handle = aof.incrHandle;
  if (handle !== undefined) {
    const synced = handle.fsync();
    if (synced instanceof EnvError) aof.log('warning', `Fail to fsync the AOF file: ${strerror(synced)}`);
    else aof.lastFsyncSeconds = aof.unixSeconds();
    handle.close();
  }
  aof.incrHandle = undefined;
  aof.selectedDb = -1;
  aof.state = 'off';
  aof.rewriteScheduled = false;
  aof.lastIncrSize = 0;
  aof.lastIncrFsyncOffset = 0;
  killAofChild(persistence);
  aof.clearBuffer();
}
