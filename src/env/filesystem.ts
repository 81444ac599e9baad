import type { EnvError } from '../core/errors.js';

/** A result or the error that replaced it. Check with `instanceof EnvError`. */
export type FsResult<T = void> = T | EnvError;

export interface FileStat {
  readonly size: number;
  readonly isDirectory: boolean;
}

export interface OpenOptions {
  /** Create the file if it is absent. */
  readonly create: boolean;
  /** Truncate to zero length on open. */
  readonly truncate: boolean;
  /** Fail with EEXIST if it exists (O_EXCL). */
  readonly exclusive?: boolean;
}

/**
 * An open file. Writes go to the page cache and are visible to reads at
 * once; they are durable only after `fsync`/`fdatasync` succeeds (and a new
 * directory entry only after the directory is fsynced).
 */
export interface FileHandle {
  readonly path: string;
  /** Appends at the end; returns the bytes written. */
  append(data: Uint8Array): FsResult<number>;
  /** Writes at `position`, extending the file if needed. */
  pwrite(data: Uint8Array, position: number): FsResult<number>;
  read(position: number, length: number): FsResult<Uint8Array>;
  truncate(size: number): FsResult;
  size(): number;
  /**
   * Makes the file's data and metadata durable. Synchronous: the simulator
   * charges its latency to the calling process. EIO means the dirty pages
   * were dropped (as Linux does); retrying does not bring them back.
   */
  fsync(): FsResult;
  fdatasync(): FsResult;
  /**
   * A background fsync (Redis's bio thread): the process goes on and `done`
   * runs later with the result.
   */
  fsyncInBackground(done: (result: FsResult) => void): void;
  close(): void;
}

/** Paths are POSIX-style, relative to the process's working directory. */
export interface FileSystem {
  open(path: string, options: OpenOptions): FsResult<FileHandle>;
  readFile(path: string): FsResult<Uint8Array>;
  stat(path: string): FsResult<FileStat>;
  exists(path: string): boolean;
  rename(from: string, to: string): FsResult;
  unlink(path: string): FsResult;
  mkdir(path: string): FsResult;
  readdir(path: string): FsResult<string[]>;
  /** Makes the directory's entries (creates, renames, unlinks) durable. */
  fsyncDirectory(path: string): FsResult;
}
