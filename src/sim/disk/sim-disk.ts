import { assert } from '../../core/assert.js';
import { EnvError, type Errno } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import type { Prng } from '../../core/prng.js';
import type { FileStat, FsResult, OpenOptions } from '../../env/filesystem.js';
import { assertValidLatency, drawLatencyUs } from '../latency.js';
import { type DiskFault, type DiskFaultKind, DiskFaults } from './disk-faults.js';
import { type DiskLatency, type DiskOptions, defaultDiskLatency } from './disk-options.js';
import { joinComponents, pathComponents } from './disk-path.js';
import { DirInode, FileInode, type Inode } from './inode.js';
import { type PowerLossOutcome, type PowerLossPolicy, assertValidPowerLossPolicy, contentAfterPowerLoss, defaultPowerLossPolicy } from './power-loss-policy.js';

/** What a power loss did to one file that survived it (by its first path). */
export interface FilePowerLoss {
  readonly path: string;
  readonly outcome: PowerLossOutcome;
  /** Size processes saw just before the power went. */
  readonly cachedBytes: number;
  /** Size of the last fsynced content. */
  readonly durableBytes: number;
  /** Size after the power loss. */
  readonly resultBytes: number;
}

export interface PowerLossReport {
  readonly files: readonly FilePowerLoss[];
  /** Directories whose unsynced entry changes happened to reach the disk. */
  readonly directoriesCommitted: readonly string[];
}

/** Power-loss reports a disk keeps for the run's report. */
export const POWER_LOSS_REPORTS_KEPT_MAX = 256;

interface ParentAndName {
  readonly dir: DirInode;
  readonly name: string;
}

/**
 * One host's disk: a tree of inodes with a page-cache view (what processes
 * see) and a durable view (what a power loss leaves). The page cache
 * survives a process kill; a power loss keeps the durable view plus what
 * the power-loss policy lets through. Operating errors are EnvError values.
 */
export class SimDisk {
  readonly root: DirInode;
  private nextInodeId = 1;
  private usedBytesValue = 0;
  private fileCount = 0;
  private powerLossCount = 0;
  private readonly faults: DiskFaults;
  private readonly latencyPrng: Prng;
  private readonly powerLossPrng: Prng;
  private readonly corruptionPrng: Prng;
  private policy: PowerLossPolicy;
  private readonly reports: PowerLossReport[] = [];
  private readonly latency: DiskLatency;
  private readonly capacityBytes: number;

  constructor(
    readonly hostName: string,
    private readonly nowUs: () => number,
    prng: Prng,
    options: DiskOptions = {},
  ) {
    this.root = new DirInode(this.nextInodeId++);
    this.faults = new DiskFaults(prng.fork('faults'));
    this.latencyPrng = prng.fork('latency');
    this.powerLossPrng = prng.fork('power-loss');
    this.corruptionPrng = prng.fork('corruption');
    this.policy = { ...defaultPowerLossPolicy, ...options.powerLoss };
    assertValidPowerLossPolicy(this.policy);
    this.latency = { ...defaultDiskLatency, ...options.latency };
    for (const distribution of Object.values(this.latency)) assertValidLatency(distribution);
    this.capacityBytes = options.capacityBytes ?? Number.MAX_SAFE_INTEGER;
  }

  /** Bytes of file data the disk holds (page-cache sizes; an unlinked open file counts until the next power loss). */
  get usedBytes(): number {
    return this.usedBytesValue;
  }

  /** Power losses so far: a background fsync started before one completes as nothing. */
  get epoch(): number {
    return this.powerLossCount;
  }

  /** What each power loss did to each file, oldest first (the first POWER_LOSS_REPORTS_KEPT_MAX). */
  powerLossReports(): readonly PowerLossReport[] {
    return this.reports;
  }

  get powerLossPolicy(): PowerLossPolicy {
    return this.policy;
  }

  setPowerLossPolicy(policy: Partial<PowerLossPolicy>): void {
    const next = { ...this.policy, ...policy };
    assertValidPowerLossPolicy(next);
    this.policy = next;
  }

  // ---- Faults ----

  injectFault(fault: DiskFault): void {
    this.faults.inject(fault, this.nowUs(), this.usedBytesValue);
  }

  clearFaults(kind?: DiskFaultKind): void {
    this.faults.clear(kind);
  }

  isFaultActive(kind: DiskFaultKind): boolean {
    return this.faults.isActive(kind, this.nowUs());
  }

  /** One latency draw for an operation of this kind, in µs. */
  latencyUs(kind: keyof DiskLatency): number {
    return drawLatencyUs(this.latency[kind], this.latencyPrng);
  }

  /**
   * The harness's look at a file as processes would read it, without faults
   * or latency: a copy of its page-cache content, or null if it does not exist.
   */
  peekFile(path: string): Uint8Array | null {
    const inode = this.lookupInode(path);
    if (typeof inode === 'string' || inode.kind !== 'file') return null;
    return inode.cache.view().slice();
  }

  // ---- Namespace ----

  open(path: string, options: OpenOptions): FsResult<FileInode> {
    const parent = this.parentOf(path);
    if (parent instanceof EnvError) return parent;
    const existing = parent.dir.cacheEntries.get(parent.name);
    if (existing !== undefined) {
      if (existing.kind === 'dir') return new EnvError('EISDIR', path);
      if (options.create && options.exclusive === true) return new EnvError('EEXIST', path);
      if (options.truncate) this.truncateFile(existing, 0);
      return existing;
    }
    if (!options.create) return new EnvError('ENOENT', path);
    if (this.fileCount >= limits.filesPerDiskMax) return new EnvError('ENOSPC', `${path}: filesPerDiskMax`);
    const file = new FileInode(this.nextInodeId++);
    this.fileCount++;
    parent.dir.cacheEntries.set(parent.name, file);
    return file;
  }

  readFile(path: string): FsResult<Uint8Array> {
    const inode = this.lookup(path);
    if (inode instanceof EnvError) return inode;
    if (inode.kind === 'dir') return new EnvError('EISDIR', path);
    return this.readAt(inode, 0, inode.cache.length);
  }

  stat(path: string): FsResult<FileStat> {
    const inode = this.lookup(path);
    if (inode instanceof EnvError) return inode;
    return { size: inode.kind === 'file' ? inode.cache.length : 0, isDirectory: inode.kind === 'dir' };
  }

  exists(path: string): boolean {
    return typeof this.lookupInode(path) !== 'string';
  }

  mkdir(path: string): FsResult {
    const parent = this.parentOf(path);
    if (parent instanceof EnvError) return parent.code === 'EISDIR' ? new EnvError('EEXIST', path) : parent;
    if (parent.dir.cacheEntries.has(parent.name)) return new EnvError('EEXIST', path);
    parent.dir.cacheEntries.set(parent.name, new DirInode(this.nextInodeId++));
    return undefined;
  }

  readdir(path: string): FsResult<string[]> {
    const inode = this.lookup(path);
    if (inode instanceof EnvError) return inode;
    if (inode.kind !== 'dir') return new EnvError('ENOTDIR', path);
    return inode.sortedCacheNames();
  }

  unlink(path: string): FsResult {
    const parent = this.parentOf(path);
    if (parent instanceof EnvError) return parent;
    const inode = parent.dir.cacheEntries.get(parent.name);
    if (inode === undefined) return new EnvError('ENOENT', path);
    if (inode.kind === 'dir') return new EnvError('EISDIR', path);
    parent.dir.cacheEntries.delete(parent.name);
    this.forgetFile(inode);
    return undefined;
  }

  rename(from: string, to: string): FsResult {
    const source = this.parentOf(from);
    if (source instanceof EnvError) return source;
    const target = this.parentOf(to);
    if (target instanceof EnvError) return target;
    const moving = source.dir.cacheEntries.get(source.name);
    if (moving === undefined) return new EnvError('ENOENT', from);
    const replaced = target.dir.cacheEntries.get(target.name);
    if (replaced === moving) return undefined;
    const refusal = this.renameRefusal(moving, replaced, to);
    if (refusal !== undefined) return refusal;
    source.dir.cacheEntries.delete(source.name);
    target.dir.cacheEntries.set(target.name, moving);
    if (replaced !== undefined && replaced.kind === 'file') this.forgetFile(replaced);
    return undefined;
  }

  private renameRefusal(moving: Inode, replaced: Inode | undefined, to: string): EnvError | undefined {
    if (moving.kind === 'dir' && this.isWithin(to, moving)) return new EnvError('EIO', `${to}: cannot move a directory into itself`);
    if (replaced === undefined) return undefined;
    if (moving.kind === 'file' && replaced.kind === 'dir') return new EnvError('EISDIR', to);
    if (moving.kind === 'dir' && replaced.kind === 'file') return new EnvError('ENOTDIR', to);
    if (replaced.kind === 'dir' && replaced.cacheEntries.size > 0) return new EnvError('ENOTEMPTY', to);
    return undefined;
  }

  private isWithin(path: string, directory: DirInode): boolean {
    let current: Inode = this.root;
    for (const component of pathComponents(path)) {
      if (current === directory) return true;
      if (current.kind !== 'dir') return false;
      const next = current.cacheEntries.get(component);
      if (next === undefined) return false;
      current = next;
    }
    return current === directory;
  }

  /** Makes a directory's entries durable (subject to the fsync faults). */
  fsyncDirectory(path: string): FsResult {
    const inode = this.lookup(path);
    if (inode instanceof EnvError) return inode;
    if (inode.kind !== 'dir') return new EnvError('ENOTDIR', path);
    const nowUs = this.nowUs();
    if (this.faults.strikes('fsyncFails', nowUs)) return new EnvError('EIO', `fsync ${path}`);
    if (this.faults.strikes('fsyncLies', nowUs)) return undefined;
    inode.commitEntries();
    return undefined;
  }

  // ---- File data (handles call these) ----

  writeAt(file: FileInode, position: number, data: Uint8Array): FsResult<number> {
    assert(Number.isSafeInteger(position) && position >= 0, 'a write position is a non-negative integer');
    const nowUs = this.nowUs();
    if (this.faults.strikes('writeFails', nowUs)) return new EnvError('EIO', 'write');
    const growth = Math.max(0, position + data.length - file.cache.length);
    if (growth > 0 && this.usedBytesValue + growth > Math.min(this.capacityBytes, this.faults.quotaBytes(nowUs) ?? Number.MAX_SAFE_INTEGER)) {
      return new EnvError('ENOSPC', 'write');
    }
    file.write(position, data);
    this.usedBytesValue += growth;
    return data.length;
  }

  truncateFile(file: FileInode, size: number): FsResult {
    assert(Number.isSafeInteger(size) && size >= 0, 'a file size is a non-negative integer');
    this.usedBytesValue += size - file.cache.length;
    file.truncate(size);
    return undefined;
  }

  readAt(file: FileInode, position: number, length: number): FsResult<Uint8Array> {
    const data = file.cache.read(position, length);
    if (data.length > 0 && this.faults.strikes('readCorrupt', this.nowUs())) {
      const bit = this.corruptionPrng.int(data.length * 8);
      data[bit >> 3] = (data[bit >> 3] as number) ^ (1 << (bit & 7));
    }
    return data;
  }

  /** fsync of a file's data, up to op `upToSeq`: durable, dropped with EIO, or dropped silently (a lie). */
  syncFile(file: FileInode, upToSeq: number = file.lastOpSeq): FsResult {
    const nowUs = this.nowUs();
    if (this.faults.strikes('fsyncFails', nowUs)) {
      file.settleUpTo(upToSeq, 'discard');
      return new EnvError('EIO', 'fsync');
    }
    if (this.faults.strikes('fsyncLies', nowUs)) {
      file.settleUpTo(upToSeq, 'discard');
      return undefined;
    }
    file.settleUpTo(upToSeq, 'persist');
    return undefined;
  }

  // ---- Power ----

  /**
   * The power goes: each directory reverts to its durable entries (unless
   * the policy lets its unsynced changes through), each file still reachable
   * becomes what the policy draws from its durable content and unsynced ops.
   */
  powerLoss(): PowerLossReport {
    this.powerLossCount++;
    const files: FilePowerLoss[] = [];
    const directoriesCommitted: string[] = [];
    const visitedFiles = new Set<FileInode>();
    const pending: { readonly dir: DirInode; readonly path: string }[] = [{ dir: this.root, path: '' }];
    while (pending.length > 0) {
      const { dir, path } = pending.pop() as { dir: DirInode; path: string };
      if (!sameEntries(dir) && this.powerLossPrng.chance(this.policy.directoryCommitProbability)) {
        dir.commitEntries();
        directoriesCommitted.push(path === '' ? '/' : path);
      }
      dir.revertEntries();
      const subdirectories: { readonly dir: DirInode; readonly path: string }[] = [];
      for (const name of dir.sortedDurableNames()) {
        const child = dir.durableEntries.get(name) as Inode;
        const childPath = path === '' ? name : `${path}/${name}`;
        if (child.kind === 'dir') subdirectories.push({ dir: child, path: childPath });
        else if (!visitedFiles.has(child)) {
          visitedFiles.add(child);
          files.push(this.powerLossOfFile(child, childPath));
        }
      }
      pending.push(...subdirectories.reverse());
    }
    this.usedBytesValue = [...visitedFiles].reduce((sum, file) => sum + file.cache.length, 0);
    this.fileCount = visitedFiles.size;
    const report = { files, directoriesCommitted };
    if (this.reports.length < POWER_LOSS_REPORTS_KEPT_MAX) this.reports.push(report);
    return report;
  }

  private powerLossOfFile(file: FileInode, path: string): FilePowerLoss {
    const cachedBytes = file.cache.length;
    const durableBytes = file.durable.length;
    const { outcome, content } = contentAfterPowerLoss(file, this.policy, this.powerLossPrng);
    file.resetTo(content);
    return { path, outcome, cachedBytes, durableBytes, resultBytes: content.length };
  }

  // ---- Lookup ----

  /** The inode at `path`, or the errno of the failed lookup (no EnvError built: lookups that fail are common). */
  private lookupInode(path: string): Inode | Errno {
    let current: Inode = this.root;
    for (const component of pathComponents(path)) {
      if (current.kind !== 'dir') return 'ENOTDIR';
      const next: Inode | undefined = current.cacheEntries.get(component);
      if (next === undefined) return 'ENOENT';
      current = next;
    }
    return current;
  }

  private lookup(path: string): Inode | EnvError {
    const inode = this.lookupInode(path);
    return typeof inode === 'string' ? new EnvError(inode, path) : inode;
  }

  /** The directory that holds `path` and the entry's name; EISDIR for the root itself. */
  private parentOf(path: string): ParentAndName | EnvError {
    const components = pathComponents(path);
    const name = components.pop();
    if (name === undefined) return new EnvError('EISDIR', path);
    const parent = this.lookupInode(joinComponents(components));
    if (typeof parent === 'string') return new EnvError(parent, path);
    if (parent.kind !== 'dir') return new EnvError('ENOTDIR', path);
    return { dir: parent, name };
  }

  private forgetFile(file: FileInode): void {
    this.usedBytesValue -= file.cache.length;
    this.fileCount--;
  }
}

function sameEntries(dir: DirInode): boolean {
  if (dir.cacheEntries.size !== dir.durableEntries.size) return false;
  for (const [name, inode] of dir.cacheEntries) {
    if (dir.durableEntries.get(name) !== inode) return false;
  }
  return true;
}
