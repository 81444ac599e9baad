import type { StoreNode } from '../server/node.js';
import { beforeSleepFlush } from './aof/planted-deferred-flush.js';
import { startAppendOnly, stopAppendOnly } from './aof/aof-switch.js';
import { debugLoadAof, debugReload } from './debug-reload.js';
import { diskErrorRefusal } from './disk-error-guard.js';
import { loadDataAtStart } from './load-at-start.js';
import { Persistence, registerPersistence } from './persistence.js';
import { persistenceCron } from './persistence-cron.js';
import { persistenceInfo } from './persistence-info.js';
import { killRdbChild, saveRdbNow } from './rdb-save.js';

/**
 * Gives a node its persistence: loads the dataset from disk (AOF or RDB as
 * the config says), then feeds every propagated write to the AOF, flushes it
 * in beforeSleep, runs save points and rewrites from serverCron, refuses
 * writes with MISCONF after disk errors, and answers INFO persistence.
 */
export function attachPersistence(node: StoreNode): Persistence {
  const persistence = new Persistence(node);
  registerPersistence(persistence);
  const aof = persistence.aof;
  node.onPropagate((dbId, argv, target) => {
    if (target.aof) aof.feed(dbId, argv);
  });
  const deferred = { timer: undefined };
  node.addBeforeSleepHook(() => beforeSleepFlush(persistence, deferred));
  const cronState = { lastWriteRetryMs: 0 };
  node.cronHooks.push(() => persistenceCron(persistence, cronState));
  node.addInfoProvider('persistence', () => persistenceInfo(persistence));
  node.addCommandGuard((client, spec) => diskErrorRefusal(persistence, client, spec));
  node.flushAllHooks.push(() => {
    killRdbChild(persistence);
    if (persistence.savePoints().length > 0) saveRdbNow(persistence);
  });
  node.debugExtensions.set('reload', (ctx) => debugReload(persistence, ctx));
  node.debugExtensions.set('loadaof', (ctx) => debugLoadAof(persistence, ctx));
  node.config.onChange((name) => {
    if (name !== 'appendonly') return;
    if (node.config.flag('appendonly')) startAppendOnly(persistence);
    else stopAppendOnly(persistence);
  });
  loadDataAtStart(persistence);
  return persistence;
}
