import * as fs from 'node:fs';
import * as path from 'node:path';
import { EnvError } from '../../core/errors.js';
import type { FileHandle, FileStat, FileSystem, FsResult, OpenOptions } from '../filesystem.js';
import { toEnvError } from './errno.js';

/** Runs a synchronous fs call, turning a thrown system error into an EnvError value. */
function attempt<T>(detail: string, call: () => T): FsResult<T> {
  try {
    return call();
  } catch (error: unknown) {
    return toEnvError(error, detail);
  }
}

/** An open file over a real file descriptor. Appends go at the size it tracks (one writer per file, as Redis). */
class RealFileHandle implements FileHandle {
  private fd: number | null;
  private sizeBytes: number;

  constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
    this.sizeBytes = fs.fstatSync(fd).size;
  }

  append(data: Uint8Array): FsResult<number> {
    return this.pwrite(data, this.sizeBytes);
  }

  pwrite(data: Uint8Array, position: number): FsResult<number> {
    const fd = this.fd;
    if (fd === null) return new EnvError('EBADF', this.path);
    return attempt(this.path, () => {
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written, position + written);
      this.sizeBytes = Math.max(this.sizeBytes, position + written);
      return written;
    });
  }

  read(position: number, length: number): FsResult<Uint8Array> {
    const fd = this.fd;
    if (fd === null) return new EnvError('EBADF', this.path);
    return attempt(this.path, () => {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, this.sizeBytes - position)));
      let filled = 0;
      while (filled < buffer.length) {
        const got = fs.readSync(fd, buffer, filled, buffer.length - filled, position + filled);
        if (got === 0) break;
        filled += got;
      }
      return buffer.subarray(0, filled);
    });
  }

  truncate(size: number): FsResult {
    const fd = this.fd;
    if (fd === null) return new EnvError('EBADF', this.path);
    return attempt(this.path, () => {
      fs.ftruncateSync(fd, size);
      this.sizeBytes = size;
    });
  }

  size(): number {
    return this.sizeBytes;
  }

  fsync(): FsResult {
    const fd = this.fd;
    if (fd === null) return new EnvError('EBADF', this.path);
    return attempt(this.path, () => fs.fsyncSync(fd));
  }

  fdatasync(): FsResult {
    const fd = this.fd;
    if (fd === null) return new EnvError('EBADF', this.path);
    return attempt(this.path, () => fs.fdatasyncSync(fd));
  }

  fsyncInBackground(done: (result: FsResult) => void): void {
    const fd = this.fd;
    if (fd === null) {
      setImmediate(() => done(new EnvError('EBADF', this.path)));
      return;
    }
    fs.fsync(fd, (error) => done(error === null ? undefined : toEnvError(error, this.path)));
  }

  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }
}

/** The env's FileSystem over node:fs, with every path resolved under `baseDir` (the process's working directory). */
export class RealFileSystem implements FileSystem {
  constructor(private readonly baseDir: string) {}

  private resolve(relativePath: string): string {
    return path.resolve(this.baseDir, relativePath);
  }

  open(relativePath: string, options: OpenOptions): FsResult<FileHandle> {
    const flags = fs.constants.O_RDWR | (options.create ? fs.constants.O_CREAT : 0) | (options.truncate ? fs.constants.O_TRUNC : 0) | (options.exclusive === true ? fs.constants.O_EXCL : 0);
    return attempt(relativePath, () => new RealFileHandle(relativePath, fs.openSync(this.resolve(relativePath), flags, 0o644)));
  }

  readFile(relativePath: string): FsResult<Uint8Array> {
    return attempt(relativePath, () => {
      const buffer = fs.readFileSync(this.resolve(relativePath));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    });
  }

  stat(relativePath: string): FsResult<FileStat> {
    return attempt(relativePath, () => {
      const stats = fs.statSync(this.resolve(relativePath));
      return { size: stats.size, isDirectory: stats.isDirectory() };
    });
  }

  exists(relativePath: string): boolean {
    return fs.existsSync(this.resolve(relativePath));
  }

  rename(from: string, to: string): FsResult {
    return attempt(`${from} -> ${to}`, () => fs.renameSync(this.resolve(from), this.resolve(to)));
  }

  unlink(relativePath: string): FsResult {
    return attempt(relativePath, () => fs.unlinkSync(this.resolve(relativePath)));
  }

  mkdir(relativePath: string): FsResult {
    return attempt(relativePath, () => {
      fs.mkdirSync(this.resolve(relativePath));
    });
  }

  readdir(relativePath: string): FsResult<string[]> {
    return attempt(relativePath, () => fs.readdirSync(this.resolve(relativePath)).sort());
  }

  fsyncDirectory(relativePath: string): FsResult {
    return attempt(relativePath, () => {
      const fd = fs.openSync(this.resolve(relativePath), fs.constants.O_RDONLY);
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    });
  }
}
