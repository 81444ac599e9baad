import { EnvError } from '../../../core/errors.js';
import type { FsResult } from '../../../env/filesystem.js';
import { BackgroundChild } from '../background-child.js';
import { ensureDirectory, pathIn, strerror } from '../files.js';
import type { Persistence } from '../persistence.js';
import { deleteHistoryFiles, openNewIncrForAppend, rewriteContent, temporaryIncrName } from './aof-files.js';
import { flushAppendOnlyFile } from './aof-flush.js';
import { withNewBase, withNewIncr, withRewrittenIncrAsHistory, type AofManifest } from './manifest.js';

function childTempPath(persistence: Persistence, pid: number): string {
  return pathIn(persistence.node.config.get('dir'), `temp-rewriteaof-bg-${pid}.aof`);
}

/**
 * rewriteAppendOnlyFileBackground: flush what is buffered, switch writes to
 * a new incr file, and fork a child that writes the dataset (as it is now)
 * to temp-rewriteaof-bg-<pid>.aof and fsyncs it. False when it cannot start.
 */
export function startBackgroundRewrite(persistence: Persistence): boolean {
  if (persistence.childActive()) return false;
  const aof = persistence.aof;
  const node = persistence.node;
  const directoryError = ensureDirectory(node.env.fs, aof.directory());
  if (directoryError instanceof EnvError) {
    aof.log('warning', `Can't open or create append-only dir ${aof.directory()}: ${strerror(directoryError)}`);
    aof.lastRewriteStatus = 'err';
    return false;
  }
  aof.selectedDb = -1;
  flushAppendOnlyFile(aof, true);
  if (openNewIncrForAppend(persistence) instanceof EnvError) {
    aof.lastRewriteStatus = 'err';
    return false;
  }
  aof.rewrites++;
  const pid = persistence.nextChildPid();
  const child = new BackgroundChild({
    env: node.env,
    kind: 'aof',
    pid,
    path: childTempPath(persistence, pid),
    content: rewriteContent(persistence),
    onExit: (result) => backgroundRewriteDone(persistence, child, result),
  });
  persistence.child = child;
  aof.rewriteScheduled = false;
  aof.log('notice', `Background append only file rewriting started by pid ${pid}`);
  child.start();
  return true;
}

function rewriteFailed(persistence: Persistence, message: string): void {
  persistence.aof.lastRewriteStatus = 'err';
  persistence.aof.rewriteConsecutiveFailures++;
  persistence.aof.log('warning', message);
}

/** The rename of the child's file into the new base (and of the temp incr when AOF was just turned on). */
function installRewrite(persistence: Persistence, pid: number): AofManifest | EnvError {
  const aof = persistence.aof;
  const fs = persistence.node.env.fs;
  let manifest = withNewBase(aof.manifest, aof.baseName(), persistence.node.config.flag('aof-use-rdb-preamble'));
  const baseName = manifest.base?.name ?? '';
  const renamed = fs.rename(childTempPath(persistence, pid), aof.filePath(baseName));
  if (renamed instanceof EnvError) return renamed;
  if (aof.state === 'wait-rewrite') {
    manifest = withNewIncr(manifest, aof.baseName());
    const incrName = manifest.incr[manifest.incr.length - 1]?.name ?? '';
    const incrRenamed = fs.rename(aof.filePath(temporaryIncrName(persistence)), aof.filePath(incrName));
    if (incrRenamed instanceof EnvError) {
      fs.unlink(aof.filePath(baseName));
      return incrRenamed;
    }
  }
  return withRewrittenIncrAsHistory(manifest, aof.incrHandle !== undefined);
}

/** backgroundRewriteDoneHandler */
function backgroundRewriteDone(persistence: Persistence, child: BackgroundChild, result: FsResult): void {
  const aof = persistence.aof;
  if (persistence.child === child) persistence.child = undefined;
  aof.lastRewriteSeconds = Math.floor((persistence.node.env.clock.nowMs() - child.startedAtMs) / 1000);
  if (result instanceof EnvError) {
    rewriteFailed(persistence, `Write error writing append only file on disk: ${strerror(result)}`);
    rewriteCleanup(persistence, child.pid);
    return;
  }
  aof.log('notice', 'Background AOF rewrite terminated with success');
  const manifest = installRewrite(persistence, child.pid);
  if (manifest instanceof EnvError || aof.persistManifest(manifest) instanceof EnvError) {
    rewriteFailed(persistence, `Error trying to install the rewritten AOF: ${manifest instanceof EnvError ? strerror(manifest) : 'manifest'}`);
    rewriteCleanup(persistence, child.pid);
    return;
  }
  if (aof.state !== 'off') {
    const baseSize = persistence.node.env.fs.stat(aof.filePath(manifest.base?.name ?? ''));
    aof.currentSize = (baseSize instanceof EnvError ? 0 : baseSize.size) + aof.lastIncrSize;
    aof.rewriteBaseSize = aof.currentSize;
  }
  deleteHistoryFiles(persistence);
  aof.lastRewriteStatus = 'ok';
  aof.rewriteConsecutiveFailures = 0;
  aof.log('notice', 'Background AOF rewrite finished successfully');
  if (aof.state === 'wait-rewrite') aof.state = 'on';
  rewriteCleanup(persistence, child.pid);
}

/** The end of the done handler: the child's temp file goes; a failed first rewrite drops its temp incr. */
function rewriteCleanup(persistence: Persistence, pid: number): void {
  const fs = persistence.node.env.fs;
  fs.unlink(childTempPath(persistence, pid));
  if (persistence.aof.state === 'wait-rewrite') {
    persistence.aof.clearBuffer();
    fs.unlink(persistence.aof.filePath(temporaryIncrName(persistence)));
  }
}

/** killAppendOnlyChild */
export function killAofChild(persistence: Persistence): void {
  const child = persistence.child;
  if (child === undefined || child.kind !== 'aof') return;
  child.kill();
  persistence.child = undefined;
  persistence.node.env.fs.unlink(childTempPath(persistence, child.pid));
}
