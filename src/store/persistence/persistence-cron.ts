import { flushAppendOnlyFile } from './aof/aof-flush.js';
import { startBackgroundRewrite } from './aof/aof-rewrite.js';
import type { Persistence } from './persistence.js';
import { startBackgroundSave } from './rdb-save.js';

/** CONFIG_BGSAVE_RETRY_DELAY: seconds before a failed BGSAVE is retried by the save points. */
const BGSAVE_RETRY_DELAY_SECONDS = 5;

function mayRetryBgsave(persistence: Persistence): boolean {
  return persistence.unixSeconds() - persistence.rdb.lastBgsaveTrySeconds > BGSAVE_RETRY_DELAY_SECONDS || persistence.rdb.lastBgsaveStatus === 'ok';
}

/** The `save <seconds> <changes>` points: a BGSAVE when one of them is reached. */
function checkSavePoints(persistence: Persistence): void {
  const node = persistence.node;
  const sinceSave = persistence.unixSeconds() - node.lastSaveSeconds;
  for (const [seconds, changes] of persistence.savePoints()) {
    if (node.stats.dirty >= changes && sinceSave > seconds && mayRetryBgsave(persistence)) {
      node.env.log('notice', `${changes} changes in ${seconds} seconds. Saving...`);
      startBackgroundSave(persistence);
      return;
    }
  }
}

/** auto-aof-rewrite-percentage / auto-aof-rewrite-min-size */
function checkAutoRewrite(persistence: Persistence): void {
  const aof = persistence.aof;
  const config = persistence.node.config;
  const percentage = config.integer('auto-aof-rewrite-percentage');
  if (aof.state !== 'on' || percentage === 0 || aof.currentSize <= config.integer('auto-aof-rewrite-min-size')) return;
  const base = aof.rewriteBaseSize > 0 ? aof.rewriteBaseSize : 1;
  const growth = Math.floor((aof.currentSize * 100) / base) - 100;
  if (growth < percentage) return;
  aof.log('notice', `Starting automatic rewriting of AOF on ${growth}% growth`);
  startBackgroundRewrite(persistence);
}

/**
 * The persistence part of serverCron, at `hz`: scheduled rewrites and
 * BGSAVEs, save points, automatic AOF rewrite, the postponed AOF flush and,
 * once a second, the retry of a failed AOF write.
 */
export function persistenceCron(persistence: Persistence, state: { lastWriteRetryMs: number }): void {
  if (persistence.exited) return;
  const aof = persistence.aof;
  if (!persistence.childActive() && aof.rewriteScheduled) startBackgroundRewrite(persistence);
  if (!persistence.childActive()) {
    checkSavePoints(persistence);
    if (!persistence.childActive()) checkAutoRewrite(persistence);
  }
  const aofOn = aof.state === 'on' || aof.state === 'wait-rewrite';
  if (aofOn && aof.flushPostponedStartSeconds !== 0) flushAppendOnlyFile(aof, false);
  const nowMs = persistence.node.env.clock.nowMs();
  if (nowMs - state.lastWriteRetryMs >= 1000) {
    state.lastWriteRetryMs = nowMs;
    if (aofOn && aof.lastWriteStatus === 'err') flushAppendOnlyFile(aof, false);
  }
  if (!persistence.childActive() && persistence.rdb.bgsaveScheduled && mayRetryBgsave(persistence)) {
    if (startBackgroundSave(persistence)) persistence.rdb.bgsaveScheduled = false;
  }
}
