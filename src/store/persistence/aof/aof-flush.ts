import { EnvError } from '../../../core/errors.js';
import { strerror } from '../files.js';
import type { AofRuntime } from './aof-runtime.js';

/** Seconds a write may wait for a background fsync before it goes ahead anyway (flushAppendOnlyFile). */
const POSTPONE_SECONDS_MAX = 2;

/** The everysec/always fsync without new data: Redis checks it even with an empty buffer. */
function fsyncNeededWithEmptyBuffer(aof: AofRuntime, unixSeconds: number): boolean {
  const policy = aof.fsyncPolicy();
  const unsynced = aof.lastIncrFsyncOffset !== aof.lastIncrSize;
  if (policy === 'everysec') return unsynced && unixSeconds > aof.lastFsyncSeconds && !aof.fsyncInProgress();
  return policy === 'always' && unsynced;
}

/** everysec with a background fsync running: postpone the write up to 2 s; true if it was postponed. */
function postponed(aof: AofRuntime, unixSeconds: number): boolean {
  if (aof.flushPostponedStartSeconds === 0) {
    aof.flushPostponedStartSeconds = unixSeconds;
    return true;
  }
  if (unixSeconds - aof.flushPostponedStartSeconds < POSTPONE_SECONDS_MAX) return true;
  aof.delayedFsync++;
  aof.log('notice', 'Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer without waiting for fsync to complete, this may slow down Redis.');
  return false;
}

/** The write failed: exit under always (the replies are already built), else refuse writes until it succeeds. */
function writeFailed(aof: AofRuntime, error: EnvError, unixSeconds: number): void {
  if (unixSeconds - aof.lastWriteErrorLogSeconds > 30) {
    aof.lastWriteErrorLogSeconds = unixSeconds;
    aof.log('warning', `Error writing to the AOF file: ${strerror(error)}`);
  }
  aof.lastWriteError = error;
  if (aof.fsyncPolicy() === 'always') {
    aof.fatal("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting...");
    return;
  }
  aof.lastWriteStatus = 'err';
}

/**
 * flushAppendOnlyFile (aof.c, 7.0.15): write the buffer to the incr file,
 * then fsync as `appendfsync` says: `always` in this beforeSleep before any
 * reply goes out (an fsync error exits), `everysec` by a background fsync at
 * most once a second (a write may be postponed up to 2 s while one runs),
 * `no` never.
 */
export function flushAppendOnlyFile(aof: AofRuntime, force: boolean): void {
  const unixSeconds = aof.unixSeconds();
  if (aof.bufferedBytes() === 0) {
    if (fsyncNeededWithEmptyBuffer(aof, unixSeconds)) tryFsync(aof, unixSeconds);
    return;
  }
  const syncInProgress = aof.fsyncPolicy() === 'everysec' && aof.fsyncInProgress();
  if (aof.fsyncPolicy() === 'everysec' && !force && syncInProgress && postponed(aof, unixSeconds)) return;
  const handle = aof.incrHandle;
  if (handle === undefined) return;
  const data = aof.takeBuffer();
  const written = handle.append(data);
  aof.flushPostponedStartSeconds = 0;
  if (written instanceof EnvError || written !== data.length) {
    aof.restoreBuffer(data);
    writeFailed(aof, written instanceof EnvError ? written : new EnvError('ENOSPC', 'short write'), unixSeconds);
    return;
  }
  if (aof.lastWriteStatus === 'err') {
    aof.log('warning', 'AOF write error looks solved, Redis can write again.');
    aof.lastWriteStatus = 'ok';
  }
  aof.currentSize += written;
  aof.lastIncrSize += written;
  tryFsync(aof, unixSeconds);
}

function tryFsync(aof: AofRuntime, unixSeconds: number): void {
  if (aof.noFsyncOnRewrite() && aof.childActive()) return;
  const policy = aof.fsyncPolicy();
  const handle = aof.incrHandle;
  if (handle === undefined) return;
  if (policy === 'always') {
    const result = handle.fdatasync();
    if (result instanceof EnvError) {
      aof.fatal(`Can't persist AOF for fsync error when the AOF fsync policy is 'always': ${strerror(result)}. Exiting...`);
      return;
    }
    aof.lastIncrFsyncOffset = aof.lastIncrSize;
    aof.lastFsyncSeconds = unixSeconds;
  } else if (policy === 'everysec' && unixSeconds > aof.lastFsyncSeconds) {
    if (!aof.fsyncInProgress()) {
      aof.startBackgroundFsync(handle);
      aof.lastIncrFsyncOffset = aof.lastIncrSize;
    }
    aof.lastFsyncSeconds = unixSeconds;
  }
}
