import { assert } from '../../core/assert.js';
import { EnvError } from '../../core/errors.js';
import type { Env } from '../../env/env.js';
import type { FileHandle, FsResult } from '../../env/filesystem.js';
import type { World } from '../world.js';
import type { FileModel } from './file-model.js';
import type { FilesModel } from './files-model.js';
import type { SelftestOracle } from './selftest-oracle.js';

/**
 * The self-test process's file system calls, each reported to the oracle's
 * model with what it answered. It also checks, at every step, that the disk
 * agrees with the model on what exists and how big it is.
 */
export class TrackedFs {
  constructor(
    private readonly env: Env,
    private readonly world: World,
    private readonly oracle: SelftestOracle,
    private readonly hostIndex: number,
  ) {}

  private get model(): FilesModel {
    return this.oracle.files(this.hostIndex);
  }

  /** Creates the data directory and fsyncs `/` so its entry is durable. */
  ensureDataDirectory(): FsResult {
    if (this.env.fs.exists('data')) return undefined;
    const made = this.env.fs.mkdir('data');
    if (made instanceof EnvError) return made;
    return this.syncDirectory('.', () => {
      this.model.dataDirDurable = true;
    });
  }

  open(path: string, create: boolean, truncate: boolean): FsResult<TrackedFile> {
    const existed = this.env.fs.exists(path);
    assert(existed === (this.model.current(path) !== null), `the namespace is what the process made of it (${this.env.hostName}:${path})`);
    const handle = this.env.fs.open(path, { create, truncate });
    if (handle instanceof EnvError) return handle;
    const model = existed ? (this.model.current(path) as FileModel) : this.model.create(path);
    if (existed && truncate) model.record({ kind: 'truncate', size: 0 });
    return new TrackedFile(handle, model, this.world, this.oracle, this.hostIndex);
  }

  readFile(path: string): FsResult<Uint8Array> {
    return this.env.fs.readFile(path);
  }

  exists(path: string): boolean {
    return this.env.fs.exists(path);
  }

  rename(from: string, to: string): FsResult {
    const result = this.env.fs.rename(from, to);
    if (!(result instanceof EnvError)) this.model.rename(from, to);
    return result;
  }

  unlink(path: string): FsResult {
    const result = this.env.fs.unlink(path);
    if (!(result instanceof EnvError)) this.model.unlink(path);
    return result;
  }

  /** fsync of the data directory: if trusted, every entry in it is durable. */
  syncDataDirectory(): FsResult {
    return this.syncDirectory('data', () => this.model.directoryCommitted());
  }

  private syncDirectory(path: string, onTrusted: () => void): FsResult {
    const calledUs = this.world.nowUs();
    const result = this.env.fs.fsyncDirectory(path);
    if (!(result instanceof EnvError) && this.oracle.syncTrusted(this.hostIndex, calledUs, this.world.nowUs())) onTrusted();
    return result;
  }
}

/** An open file whose every change and fsync answer goes into its model. */
export class TrackedFile {
  constructor(
    private readonly handle: FileHandle,
    readonly model: FileModel,
    private readonly world: World,
    private readonly oracle: SelftestOracle,
    private readonly hostIndex: number,
  ) {}

  get size(): number {
    const size = this.handle.size();
    assert(size === this.model.cache.length, 'a file holds exactly what was written to it (size)');
    return size;
  }

  append(data: Uint8Array): FsResult<number> {
    const position = this.size;
    const result = this.handle.append(data);
    if (!(result instanceof EnvError)) this.model.record({ kind: 'write', position, data });
    return result;
  }

  truncate(size: number): FsResult {
    const result = this.handle.truncate(size);
    if (!(result instanceof EnvError)) this.model.record({ kind: 'truncate', size });
    return result;
  }

  read(position: number, length: number): FsResult<Uint8Array> {
    return this.handle.read(position, length);
  }

  fsyncNow(): FsResult {
    const covered = this.model.changeCount;
    const calledUs = this.world.nowUs();
    const result = this.handle.fsync();
    this.model.synced(covered, !(result instanceof EnvError) && this.oracle.syncTrusted(this.hostIndex, calledUs, this.world.nowUs()));
    return result;
  }

  /** Background fsync; `done` runs in the process when it answers. */
  fsyncLater(done: (result: FsResult) => void): void {
    const covered = this.model.changeCount;
    const calledUs = this.world.nowUs();
    this.handle.fsyncInBackground((result) => {
      this.model.synced(covered, !(result instanceof EnvError) && this.oracle.syncTrusted(this.hostIndex, calledUs, this.world.nowUs()));
      done(result);
    });
  }

  close(): void {
    this.handle.close();
  }
}
