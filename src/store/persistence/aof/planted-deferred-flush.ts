import type { TimerHandle } from '../../../env/timers.js';
import { isAofReplyBeforeWritePlanted } from '../../server/planted-bugs.js';
import type { Persistence } from '../persistence.js';
import { flushAppendOnlyFile } from './aof-flush.js';

/** How long the planted bug holds acknowledged writes in memory before writing them. */
export const PLANTED_FLUSH_DELAY_MS = 200;

/**
 * The beforeSleep AOF flush, or, with the planted `debug-aof-reply-before-write`
 * bug under appendfsync always, a flush deferred to a timer: the replies of
 * this loop then go out while the writes they acknowledge are only in memory.
 */
export function beforeSleepFlush(persistence: Persistence, deferred: { timer: TimerHandle | undefined }): void {
  const aof = persistence.aof;
  if (persistence.exited || aof.state === 'off') return;
  if (!(aof.fsyncPolicy() === 'always' && isAofReplyBeforeWritePlanted(persistence.node))) {
    flushAppendOnlyFile(aof, false);
    return;
  }
  if (deferred.timer !== undefined || aof.bufferedBytes() === 0) return;
  deferred.timer = persistence.node.env.timers.after(PLANTED_FLUSH_DELAY_MS, () => {
    deferred.timer = undefined;
    if (!persistence.exited && aof.state !== 'off') flushAppendOnlyFile(aof, true);
  });
}
