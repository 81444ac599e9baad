import { EnvError } from '../../core/errors.js';
import type { FileHandle, FileStat, FileSystem, FsResult, OpenOptions } from '../filesystem.js';

/**
 * An in-memory file system without durability semantics: every write is
 * immediately "durable", fsync always succeeds. For the embedded store and
 * unit tests; the simulator's disk models caches, fsync and power loss.
 */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { data: Buffer }>();
  private readonly directories = new Set<string>(['.', '']);

  constructor(private readonly soon: (callback: () => void) => void) {}

  open(path: string, options: OpenOptions): FsResult<FileHandle> {
    const name = normalize(path);
    if (this.directories.has(name)) return new EnvError('EISDIR', name);
    let file = this.files.get(name);
    if (file !== undefined && options.exclusive === true) return new EnvError('EEXIST', name);
    if (file === undefined) {
      if (!options.create) return new EnvError('ENOENT', name);
      if (!this.directories.has(parentOf(name))) return new EnvError('ENOENT', parentOf(name));
      file = { data: Buffer.alloc(0) };
      this.files.set(name, file);
    }
    if (options.truncate) file.data = Buffer.alloc(0);
    return new MemoryFileHandle(name, file, this.soon);
  }

  readFile(path: string): FsResult<Uint8Array> {
    const file = this.files.get(normalize(path));
    if (file === undefined) return new EnvError('ENOENT', path);
    return Buffer.from(file.data);
  }

  stat(path: string): FsResult<FileStat> {
    const name = normalize(path);
    if (this.directories.has(name)) return { size: 0, isDirectory: true };
    const file = this.files.get(name);
    if (file === undefined) return new EnvError('ENOENT', path);
    return { size: file.data.length, isDirectory: false };
  }

  exists(path: string): boolean {
    const name = normalize(path);
    return this.files.has(name) || this.directories.has(name);
  }

  rename(from: string, to: string): FsResult {
    const source = normalize(from);
    const file = this.files.get(source);
    if (file === undefined) return new EnvError('ENOENT', from);
    this.files.delete(source);
    this.files.set(normalize(to), file);
    return undefined;
  }

  unlink(path: string): FsResult {
    if (!this.files.delete(normalize(path))) return new EnvError('ENOENT', path);
    return undefined;
  }

  mkdir(path: string): FsResult {
    const name = normalize(path);
    if (this.exists(name)) return new EnvError('EEXIST', path);
    this.directories.add(name);
    return undefined;
  }

  readdir(path: string): FsResult<string[]> {
    const name = normalize(path);
    if (!this.directories.has(name)) return new EnvError('ENOENT', path);
    const prefix = name === '.' || name === '' ? '' : `${name}/`;
    const entries = new Set<string>();
    for (const candidate of [...this.files.keys(), ...this.directories]) {
      if (candidate === name || !candidate.startsWith(prefix) || candidate === '.' || candidate === '') continue;
      const rest = candidate.slice(prefix.length);
      if (rest.length > 0 && !rest.includes('/')) entries.add(rest);
    }
    return Array.from(entries).sort();
  }

  fsyncDirectory(path: string): FsResult {
    return this.directories.has(normalize(path)) ? undefined : new EnvError('ENOENT', path);
  }
}

class MemoryFileHandle implements FileHandle {
  private closed = false;

  constructor(
    readonly path: string,
    private readonly file: { data: Buffer },
    private readonly soon: (callback: () => void) => void,
  ) {}

  append(data: Uint8Array): FsResult<number> {
    return this.pwrite(data, this.file.data.length);
  }

  pwrite(data: Uint8Array, position: number): FsResult<number> {
    if (this.closed) return new EnvError('EBADF', this.path);
    const end = position + data.length;
    if (end > this.file.data.length) {
      const grown = Buffer.alloc(end);
      this.file.data.copy(grown);
      this.file.data = grown;
    }
    Buffer.from(data).copy(this.file.data, position);
    return data.length;
  }

  read(position: number, length: number): FsResult<Uint8Array> {
    if (this.closed) return new EnvError('EBADF', this.path);
    return Buffer.from(this.file.data.subarray(position, position + length));
  }

  truncate(size: number): FsResult {
    if (this.closed) return new EnvError('EBADF', this.path);
    const resized = Buffer.alloc(size);
    this.file.data.copy(resized, 0, 0, Math.min(size, this.file.data.length));
    this.file.data = resized;
    return undefined;
  }

  size(): number {
    return this.file.data.length;
  }

  fsync(): FsResult {
    return this.closed ? new EnvError('EBADF', this.path) : undefined;
  }

  fdatasync(): FsResult {
    return this.fsync();
  }

  fsyncInBackground(done: (result: FsResult) => void): void {
    const result = this.fsync();
    this.soon(() => done(result));
  }

  close(): void {
    this.closed = true;
  }
}

function normalize(path: string): string {
  const parts = path.split('/').filter((part) => part.length > 0 && part !== '.');
  return parts.length === 0 ? '.' : parts.join('/');
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}
