import { EnvError } from '../../core/errors.js';
import type { FsResult } from '../../env/filesystem.js';
import { BackgroundChild } from './background-child.js';
import { databaseSources } from './dataset.js';
import { pathIn, strerror, writeWholeFile } from './files.js';
import type { Persistence } from './persistence.js';
import { writeRdb } from './rdb/rdb-writer.js';

/** The RDB of the node's dataset as it is now (rdbSaveRio), with the node's settings. */
export function snapshotRdb(persistence: Persistence, aofBase: boolean): Buffer {
  const node = persistence.node;
  const replication = aofBase ? undefined : persistence.replicationInfo?.();
  return writeRdb(databaseSources(node), {
    ...(replication === undefined ? {} : { replication }),
    compress: node.config.flag('rdbcompression'),
    checksum: node.config.flag('rdbchecksum'),
    listMaxListpackSize: node.config.integer('list-max-listpack-size'),
    ctimeSeconds: persistence.unixSeconds(),
    usedMemoryBytes: node.estimatedMemoryBytes(),
    aofBase,
    countSteps: (count) => node.env.countSteps?.('persistence:rdb-save-keys', count),
  });
}

function rdbPath(persistence: Persistence): string {
  return pathIn(persistence.node.config.get('dir'), persistence.node.config.get('dbfilename'));
}

/** Moves a written and fsynced temp file over the RDB and fsyncs the directory (the end of rdbSave). */
function publishRdb(persistence: Persistence, temporary: string): FsResult {
  const fs = persistence.node.env.fs;
  const target = rdbPath(persistence);
  const renamed = fs.rename(temporary, target);
  if (renamed instanceof EnvError) {
    persistence.node.env.log('warning', `Error moving temp DB file ${temporary} on the final destination ${target}: ${strerror(renamed)}`);
    fs.unlink(temporary);
    return renamed;
  }
  return fs.fsyncDirectory(persistence.node.config.get('dir'));
}

/** The bookkeeping of a successful save (rdbSave's tail, backgroundSaveDoneHandlerDisk). */
function saved(persistence: Persistence, dirtyCovered: number): void {
  const node = persistence.node;
  node.stats.dirty = Math.max(0, node.stats.dirty - dirtyCovered);
  node.lastSaveSeconds = persistence.unixSeconds();
  persistence.rdb.lastBgsaveStatus = 'ok';
}

/** rdbSave: SAVE, FLUSHALL and SHUTDOWN write the snapshot synchronously (temp file, fsync, rename, directory fsync). */
export function saveRdbNow(persistence: Persistence): FsResult {
  const node = persistence.node;
  const temporary = pathIn(node.config.get('dir'), `temp-${node.env.pid}.rdb`);
  const written = writeWholeFile(node.env.fs, temporary, snapshotRdb(persistence, false));
  const result = written ?? publishRdb(persistence, temporary);
  if (result instanceof EnvError) {
    node.env.log('warning', `Write error saving DB on disk: ${strerror(result)}`);
    node.env.fs.unlink(temporary);
    return result;
  }
  node.env.log('notice', 'DB saved on disk');
  saved(persistence, node.stats.dirty);
  return undefined;
}

/**
 * rdbSaveBackground: the snapshot is serialized now (the fork's point in
 * time) and a child writes it to temp-<childpid>.rdb over simulated time,
 * fsyncs it, renames it over the RDB and fsyncs the directory.
 */
export function startBackgroundSave(persistence: Persistence): boolean {
  if (persistence.childActive()) return false;
  const node = persistence.node;
  persistence.rdb.saves++;
  persistence.rdb.dirtyBeforeBgsave = node.stats.dirty;
  persistence.rdb.lastBgsaveTrySeconds = persistence.unixSeconds();
  const pid = persistence.nextChildPid();
  const temporary = pathIn(node.config.get('dir'), `temp-${pid}.rdb`);
  const child = new BackgroundChild({
    env: node.env,
    kind: 'rdb',
    pid,
    path: temporary,
    content: snapshotRdb(persistence, false),
    onExit: (result) => backgroundSaveDone(persistence, child, result instanceof EnvError ? result : publishRdb(persistence, temporary)),
  });
  persistence.child = child;
  node.env.log('notice', `Background saving started by pid ${pid}`);
  child.start();
  return true;
}

/** backgroundSaveDoneHandlerDisk */
function backgroundSaveDone(persistence: Persistence, child: BackgroundChild, result: FsResult): void {
  const node = persistence.node;
  if (persistence.child === child) persistence.child = undefined;
  persistence.rdb.lastBgsaveSeconds = Math.floor((node.env.clock.nowMs() - child.startedAtMs) / 1000);
  if (result instanceof EnvError) {
    node.env.log('warning', `Write error saving DB on disk: ${strerror(result)}`);
    node.env.log('warning', 'Background saving error');
    node.env.fs.unlink(pathIn(node.config.get('dir'), `temp-${child.pid}.rdb`));
    persistence.rdb.lastBgsaveStatus = 'err';
    return;
  }
  node.env.log('notice', 'Background saving terminated with success');
  saved(persistence, persistence.rdb.dirtyBeforeBgsave);
}

/** killRDBChild (FLUSHALL, SHUTDOWN): the child stops, its temp file goes, no error is recorded. */
export function killRdbChild(persistence: Persistence): void {
  const child = persistence.child;
  if (child === undefined || child.kind !== 'rdb') return;
  child.kill();
  persistence.child = undefined;
  persistence.node.env.fs.unlink(pathIn(persistence.node.config.get('dir'), `temp-${child.pid}.rdb`));
}
