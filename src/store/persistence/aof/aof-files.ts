import { EnvError } from '../../../core/errors.js';
import type { FsResult } from '../../../env/filesystem.js';
import { databaseSources } from '../dataset.js';
import { ensureDirectory, pathIn, strerror, writeWholeFile } from '../files.js';
import type { Persistence } from '../persistence.js';
import { snapshotRdb } from '../rdb-save.js';
import { formatManifest, lastIncr, TEMP_PREFIX, withNewBase, withNewIncr } from './manifest.js';
import { rewriteAsCommands } from './rewrite-commands.js';

/** What a rewrite writes: an RDB with aof-base 1 (aof-use-rdb-preamble) or the dataset as commands. */
export function rewriteContent(persistence: Persistence): Buffer {
  const node = persistence.node;
  if (node.config.flag('aof-use-rdb-preamble')) return snapshotRdb(persistence, true);
  return rewriteAsCommands(databaseSources(node), (count) => node.env.countSteps?.('persistence:aof-rewrite-keys', count));
}

/** The temp incr file used while AOF waits for its first rewrite (getTempIncrAofName). */
export function temporaryIncrName(persistence: Persistence): string {
  return `${TEMP_PREFIX}${persistence.aof.baseName()}.incr`;
}

/** rewriteAppendOnlyFile (synchronous): temp-rewriteaof-<pid>.aof in `dir`, fsync, rename to `target`. */
export function rewriteNow(persistence: Persistence, target: string): FsResult {
  const node = persistence.node;
  const temporary = pathIn(node.config.get('dir'), `temp-rewriteaof-${node.env.pid}.aof`);
  const written = writeWholeFile(node.env.fs, temporary, rewriteContent(persistence));
  const result = written ?? node.env.fs.rename(temporary, target);
  if (result instanceof EnvError) {
    node.env.log('warning', `Write error writing append only file on disk: ${strerror(result)}`);
    node.env.fs.unlink(temporary);
  }
  return result;
}

/**
 * aofOpenIfNeededOnServerStart: with appendonly on, make sure the AOF
 * directory exists, write a base file when there is nothing yet, open the
 * last incr file (or a new one) for appending and persist the manifest.
 * Any failure is fatal, as in Redis.
 */
export function openAofOnStart(persistence: Persistence): void {
  const aof = persistence.aof;
  if (aof.state !== 'on') return;
  const fs = persistence.node.env.fs;
  const directoryError = ensureDirectory(fs, aof.directory());
  if (directoryError instanceof EnvError) return persistence.fatal(`Can't open or create append-only dir ${aof.directory()}: ${strerror(directoryError)}`);
  let manifest = aof.manifest;
  const hadIncr = manifest.incr.length > 0;
  if (manifest.base === undefined && !hadIncr) {
    manifest = withNewBase(manifest, aof.baseName(), persistence.node.config.flag('aof-use-rdb-preamble'));
    const baseName = manifest.base?.name ?? '';
    if (rewriteNow(persistence, aof.filePath(baseName)) instanceof EnvError) return persistence.fatal(`Can't create the AOF base file ${baseName}`);
    aof.log('notice', `Creating AOF base file ${baseName} on server start`);
  }
  if (lastIncr(manifest) === undefined) manifest = withNewIncr(manifest, aof.baseName());
  const incrName = lastIncr(manifest)?.name ?? '';
  const handle = fs.open(aof.filePath(incrName), { create: true, truncate: false });
  if (handle instanceof EnvError) return persistence.fatal(`Can't open the append-only file ${incrName}: ${strerror(handle)}`);
  aof.incrHandle = handle;
  // persistAofManifest writes only a changed (dirty) manifest.
  const changed = formatManifest(manifest) !== formatManifest(aof.manifest);
  if (changed && aof.persistManifest(manifest) instanceof EnvError) return persistence.fatal('Can\'t persist the AOF manifest on server start');
  aof.lastIncrSize = handle.size();
  aof.lastIncrFsyncOffset = aof.lastIncrSize;
  aof.log('notice', `${hadIncr ? 'Opening' : 'Creating'} AOF incr file ${incrName} on server start`);
}

/**
 * openNewIncrAofForAppend: a new incr file takes the writes from now on (a
 * temp one while waiting for the first rewrite); the old one is fsynced and
 * closed in the background.
 */
export function openNewIncrForAppend(persistence: Persistence): FsResult {
  const aof = persistence.aof;
  if (aof.state === 'off') return undefined;
  const fs = persistence.node.env.fs;
  const manifest = aof.state === 'wait-rewrite' ? undefined : withNewIncr(aof.manifest, aof.baseName());
  const name = manifest === undefined ? temporaryIncrName(persistence) : (lastIncr(manifest)?.name ?? '');
  const handle = fs.open(aof.filePath(name), { create: true, truncate: true });
  if (handle instanceof EnvError) {
    aof.log('warning', `Can't open the append-only file ${name}: ${strerror(handle)}`);
    return handle;
  }
  if (manifest !== undefined) {
    const persisted = aof.persistManifest(manifest);
    if (persisted instanceof EnvError) {
      handle.close();
      return persisted;
    }
  }
  aof.log('notice', `Creating AOF incr file ${name} on background rewrite`);
  const old = aof.incrHandle;
  if (old !== undefined) {
    old.fsyncInBackground(() => old.close());
    aof.lastFsyncSeconds = aof.unixSeconds();
  }
  aof.incrHandle = handle;
  aof.lastIncrSize = 0;
  aof.lastIncrFsyncOffset = 0;
  return undefined;
}

/** aofDelHistoryFiles: history files go, and the manifest forgets them. */
export function deleteHistoryFiles(persistence: Persistence): void {
  const aof = persistence.aof;
  if (aof.manifest.history.length === 0) return;
  for (const info of aof.manifest.history) {
    aof.log('notice', `Removing the history file ${info.name} in the background`);
    persistence.node.env.fs.unlink(aof.filePath(info.name));
  }
  aof.persistManifest({ ...aof.manifest, history: [] });
}
