import { EnvError } from '../../../core/errors.js';
import type { FileHandle, FsResult } from '../../../env/filesystem.js';
import type { LogLevel } from '../../../env/env.js';
import type { StoreNode } from '../../server/node.js';
import { ByteWriter } from '../rdb/byte-writer.js';
import { pathIn, strerror, writeWholeFile } from '../files.js';
import { emptyManifest, formatManifest, MANIFEST_SUFFIX, TEMP_PREFIX, type AofManifest } from './manifest.js';
import { appendCommand, selectCommand } from './resp-command.js';

export type AofState = 'off' | 'on' | 'wait-rewrite';
export type FsyncPolicy = 'always' | 'everysec' | 'no';

/** What the AOF needs of the rest of the persistence layer. */
export interface AofHost {
  readonly node: StoreNode;
  /** hasActiveChildProcess */
  childActive(): boolean;
  /** The AOF rewrite child is the one running (child_type == CHILD_TYPE_AOF). */
  aofChildActive(): boolean;
  /** exit(1) after a fatal persistence error. */
  fatal(message: string): void;
}

/**
 * The AOF side of one node (server.aof_* in Redis): the manifest, the incr
 * file being appended to, the buffer of propagated commands waiting for
 * beforeSleep, and the fsync and error state flushAppendOnlyFile works on.
 */
export class AofRuntime {
  state: AofState = 'off';
  manifest: AofManifest = emptyManifest;
  incrHandle: FileHandle | undefined;
  selectedDb = -1;
  lastIncrSize = 0;
  lastIncrFsyncOffset = 0;
  lastFsyncSeconds = 0;
  currentSize = 0;
  rewriteBaseSize = 0;
  flushPostponedStartSeconds = 0;
  delayedFsync = 0;
  lastWriteStatus: 'ok' | 'err' = 'ok';
  lastWriteError: EnvError | undefined;
  lastWriteErrorLogSeconds = 0;
  backgroundFsyncStatus: 'ok' | 'err' = 'ok';
  backgroundFsyncError: EnvError | undefined;
  backgroundFsyncsPending = 0;
  rewriteScheduled = false;
  lastRewriteStatus: 'ok' | 'err' = 'ok';
  rewrites = 0;
  rewriteConsecutiveFailures = 0;
  lastRewriteSeconds = -1;
  lastTimestampSeconds = 0;
  private buffer = new ByteWriter(4096);

  constructor(readonly host: AofHost) {
    // initServer sets aof_last_fsync to now: the first everysec fsync comes a second later.
    this.lastFsyncSeconds = this.unixSeconds();
  }

  get node(): StoreNode {
    return this.host.node;
  }

  unixSeconds(): number {
    return Math.floor(this.node.env.clock.nowMs() / 1000);
  }

  fsyncPolicy(): FsyncPolicy {
    const policy = this.node.config.get('appendfsync');
    return policy === 'always' || policy === 'no' ? policy : 'everysec';
  }

  noFsyncOnRewrite(): boolean {
    return this.node.config.flag('no-appendfsync-on-rewrite');
  }

  childActive(): boolean {
    return this.host.childActive();
  }

  log(level: LogLevel, message: string): void {
    this.node.env.log(level, message);
  }

  fatal(message: string): void {
    this.host.fatal(message);
  }

  directory(): string {
    return pathIn(this.node.config.get('dir'), this.node.config.get('appenddirname'));
  }

  filePath(name: string): string {
    return pathIn(this.directory(), name);
  }

  baseName(): string {
    return this.node.config.get('appendfilename');
  }

  /** feedAppendOnlyFile: SELECT when the db changes, then the command, into the buffer. */
  feed(dbId: number, argv: readonly Buffer[]): void {
    if (!(this.state === 'on' || (this.state === 'wait-rewrite' && this.host.aofChildActive()))) return;
    if (this.node.config.flag('aof-timestamp-enabled') && this.lastTimestampSeconds < this.unixSeconds()) {
      this.lastTimestampSeconds = this.unixSeconds();
      this.buffer.latin1(`#TS:${this.lastTimestampSeconds}\r\n`);
    }
    if (dbId !== this.selectedDb) {
      this.buffer.bytes(selectCommand(dbId));
      this.selectedDb = dbId;
    }
    appendCommand(this.buffer, argv);
  }

  bufferedBytes(): number {
    return this.buffer.size;
  }

  takeBuffer(): Buffer {
    const data = this.buffer.toBuffer();
    this.buffer = new ByteWriter(4096);
    return data;
  }

  /** A failed write keeps its data in front of what came since. */
  restoreBuffer(data: Buffer): void {
    const later = this.buffer.toBuffer();
    this.buffer = new ByteWriter(data.length + later.length + 64);
    this.buffer.bytes(data).bytes(later);
  }

  clearBuffer(): void {
    this.buffer = new ByteWriter(4096);
  }

  fsyncInProgress(): boolean {
    return this.backgroundFsyncsPending > 0;
  }

  /** aof_background_fsync: a bio job; its failure refuses writes until one succeeds (bio.c). */
  startBackgroundFsync(handle: FileHandle): void {
    this.backgroundFsyncsPending++;
    handle.fsyncInBackground((result) => {
      this.backgroundFsyncsPending--;
      this.backgroundFsyncDone(result);
    });
  }

  private backgroundFsyncDone(result: FsResult): void {
    if (result instanceof EnvError && result.code !== 'EBADF') {
      if (this.backgroundFsyncStatus === 'ok') this.log('warning', `Fail to fsync the AOF file: ${strerror(result)}`);
      this.backgroundFsyncStatus = 'err';
      this.backgroundFsyncError = result;
      return;
    }
    this.backgroundFsyncStatus = 'ok';
  }

  /** writeAofManifestFile: temp manifest, fsync, rename, fsync the AOF directory. */
  persistManifest(manifest: AofManifest): FsResult {
    const fs = this.node.env.fs;
    const name = `${this.baseName()}${MANIFEST_SUFFIX}`;
    const temporary = this.filePath(`${TEMP_PREFIX}${name}`);
    const written = writeWholeFile(fs, temporary, Buffer.from(formatManifest(manifest), 'latin1'));
    if (written instanceof EnvError) {
      this.log('warning', `Error trying to write the temporary AOF manifest file ${TEMP_PREFIX}${name}: ${strerror(written)}`);
      return written;
    }
    const renamed = fs.rename(temporary, this.filePath(name));
    if (renamed instanceof EnvError) {
      this.log('warning', `Error trying to rename the temporary AOF manifest file ${TEMP_PREFIX}${name} into ${name}: ${strerror(renamed)}`);
      return renamed;
    }
    const synced = fs.fsyncDirectory(this.directory());
    if (synced instanceof EnvError) {
      this.log('warning', `Fail to fsync AOF directory ${this.filePath(name)}: ${strerror(synced)}.`);
      return synced;
    }
    this.manifest = manifest;
    return undefined;
  }

  /** The write error a write command is refused with (writeCommandsDeniedByDiskError), if any. */
  diskError(): EnvError | undefined {
    if (this.state === 'off') return undefined;
    if (this.lastWriteStatus === 'err') return this.lastWriteError ?? new EnvError('EIO', 'AOF write');
    if (this.backgroundFsyncStatus === 'err') return this.backgroundFsyncError ?? new EnvError('EIO', 'AOF fsync');
    return undefined;
  }
}
