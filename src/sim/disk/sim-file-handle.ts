import { EnvError } from '../../core/errors.js';
import type { FileHandle, FsResult } from '../../env/filesystem.js';
import { kernelKinds } from '../event-kind.js';
import type { FileInode } from './inode.js';
import type { ProcessDiskContext } from './process-disk-context.js';

interface BackgroundSync {
  readonly handle: SimFileHandle;
  readonly upToSeq: number;
  readonly epoch: number;
  readonly done: (result: FsResult) => void;
}

interface SyncCallback {
  readonly done: (result: FsResult) => void;
  readonly result: FsResult;
}

function completeBackgroundSync(sync: BackgroundSync): void {
  sync.handle.completeBackgroundSync(sync);
}

function runSyncCallback(callback: SyncCallback): void {
  callback.done(callback.result);
}

/** An open file of one incarnation. After close, or once the process is gone, every call is EBADF. */
export class SimFileHandle implements FileHandle {
  private closed = false;

  constructor(
    readonly path: string,
    private readonly file: FileInode,
    private readonly context: ProcessDiskContext,
  ) {}

  append(data: Uint8Array): FsResult<number> {
    return this.pwrite(data, this.file.cache.length);
  }

  pwrite(data: Uint8Array, position: number): FsResult<number> {
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    this.context.charge('write');
    return this.context.disk.writeAt(this.file, position, data);
  }

  read(position: number, length: number): FsResult<Uint8Array> {
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    this.context.charge('read');
    return this.context.disk.readAt(this.file, position, length);
  }

  truncate(size: number): FsResult {
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    this.context.charge('write');
    return this.context.disk.truncateFile(this.file, size);
  }

  size(): number {
    return this.file.cache.length;
  }

  fsync(): FsResult {
    const refusal = this.refusal();
    if (refusal !== undefined) return refusal;
    this.context.charge('fsync');
    return this.context.disk.syncFile(this.file);
  }

  fdatasync(): FsResult {
    return this.fsync();
  }

  /**
   * Syncs the ops made so far when the fsync latency has passed (a kernel
   * event: it completes even if the process dies, unless the power goes
   * first), then calls `done` as an event of this incarnation.
   */
  fsyncInBackground(done: (result: FsResult) => void): void {
    const context = this.context;
    const refusal = this.refusal();
    const startUs = context.slot.processNowUs();
    if (refusal !== undefined) {
      context.slot.scheduleFor(context.incarnation, startUs, kernelKinds.diskCallback, this.file.inodeId, runSyncCallback, { done, result: refusal });
      return;
    }
    const sync: BackgroundSync = { handle: this, upToSeq: this.file.lastOpSeq, epoch: context.disk.epoch, done };
    const completeUs = startUs + context.disk.latencyUs('fsync');
    context.scheduler.schedule(completeUs, kernelKinds.diskSyncDone, context.slot.hostIndex, this.file.inodeId, completeBackgroundSync, sync);
  }

  /** @internal the completion event of `fsyncInBackground`. */
  completeBackgroundSync(sync: BackgroundSync): void {
    const context = this.context;
    const powerLost = context.disk.epoch !== sync.epoch;
    const result = powerLost ? new EnvError('EIO', 'fsync: power lost') : context.disk.syncFile(this.file, sync.upToSeq);
    context.slot.scheduleFor(context.incarnation, context.scheduler.nowUs(), kernelKinds.diskCallback, this.file.inodeId, runSyncCallback, { done: sync.done, result });
  }

  close(): void {
    this.closed = true;
  }

  private refusal(): EnvError | undefined {
    if (this.closed) return new EnvError('EBADF', `${this.path}: closed`);
    if (!this.context.isCurrent) return new EnvError('EBADF', `${this.path}: process gone`);
    return undefined;
  }
}
