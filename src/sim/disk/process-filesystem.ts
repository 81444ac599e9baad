import { EnvError } from '../../core/errors.js';
import type { FileHandle, FileStat, FileSystem, FsResult, OpenOptions } from '../../env/filesystem.js';
import type { ProcessDiskContext } from './process-disk-context.js';
import { SimFileHandle } from './sim-file-handle.js';

/**
 * The `FileSystem` one incarnation sees: its host's disk, with each
 * operation's latency charged to the process. Paths are relative to `/`.
 */
export class ProcessFileSystem implements FileSystem {
  constructor(private readonly context: ProcessDiskContext) {}

  open(path: string, options: OpenOptions): FsResult<FileHandle> {
    const refusal = this.refusal(path);
    if (refusal !== undefined) return refusal;
    this.context.charge('metadata');
    const file = this.context.disk.open(path, options);
    if (file instanceof EnvError) return file;
    return new SimFileHandle(path, file, this.context);
  }

  readFile(path: string): FsResult<Uint8Array> {
    const refusal = this.refusal(path);
    if (refusal !== undefined) return refusal;
    this.context.charge('read');
    return this.context.disk.readFile(path);
  }

  stat(path: string): FsResult<FileStat> {
    return this.refusal(path) ?? this.context.disk.stat(path);
  }

  exists(path: string): boolean {
    return this.context.disk.exists(path);
  }

  rename(from: string, to: string): FsResult {
    return this.metadataOp(from, () => this.context.disk.rename(from, to));
  }

  unlink(path: string): FsResult {
    return this.metadataOp(path, () => this.context.disk.unlink(path));
  }

  mkdir(path: string): FsResult {
    return this.metadataOp(path, () => this.context.disk.mkdir(path));
  }

  readdir(path: string): FsResult<string[]> {
    const refusal = this.refusal(path);
    if (refusal !== undefined) return refusal;
    this.context.charge('metadata');
    return this.context.disk.readdir(path);
  }

  fsyncDirectory(path: string): FsResult {
    const refusal = this.refusal(path);
    if (refusal !== undefined) return refusal;
    this.context.charge('fsync');
    return this.context.disk.fsyncDirectory(path);
  }

  private metadataOp(path: string, operation: () => FsResult): FsResult {
    const refusal = this.refusal(path);
    if (refusal !== undefined) return refusal;
    this.context.charge('metadata');
    return operation();
  }

  private refusal(path: string): EnvError | undefined {
    return this.context.isCurrent ? undefined : new EnvError('EBADF', `${path}: process gone`);
  }
}
